/**
 * The units of a level as atlas units (id as the analysis names them, code, name in the UI's language,
 * box), and a unit's own figures and gaps from the current rule check.
 */
import type { TFunction } from 'i18next';
import { featureId, readUnit, type UnitLevel } from '../core/model';
import type { AtlasUnit } from '../core/print';
import { SEVERITIES } from '../core/rules';
import { checkedRuleSet, type AppState } from '../state';
import { measuredText, recordTarget } from '../ui/rules/format';
import { boxOf, ringsOf, type Ring } from './inset';

export interface AtlasSource {
  readonly units: AtlasUnit[];
  readonly rings: ReadonlyMap<string, Ring[]>;
}

export function atlasSource(s: AppState, level: UnitLevel): AtlasSource | null {
  const layer = s.doc.layers.find((l) => l.role === level && s.layerData[l.id]);
  if (!layer) return null;
  const units: AtlasUnit[] = [];
  const rings = new Map<string, Ring[]>();
  s.layerData[layer.id].data.features.forEach((f, i) => {
    const r = ringsOf(f.geometry);
    const bbox = boxOf(r);
    if (!bbox) return;
    const id = featureId(f.properties, i, f.id);
    const a = readUnit(f.properties);
    const name = (s.language === 'zh' ? a.nameZh : undefined) ?? a.name ?? id;
    units.push({ id, code: a.adminCode ?? id, name, bbox });
    rings.set(id, r);
  });
  return { units, rings };
}

/** Lines for the page's panel: the verdict and counts, then its failing rules, most severe first. */
export function unitFigures(s: AppState, t: TFunction, level: UnitLevel, unitId: string): string[] {
  const r = s.rules.result;
  if (!r) return [t('export.atlas.noRules')];
  const lang = s.language;
  const card = r.evaluation.scorecards.find((c) => c.level === level && c.unit_id === unitId);
  const gaps = r.evaluation.gaps
    .filter((g) => g.scale === level && g.unit_id === unitId)
    .sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity));
  const titles = new Map((checkedRuleSet(s)?.rules ?? []).map((x) => [x.id, x.title[lang]]));
  const head = card
    ? t('export.atlas.figures', { verdict: card.childFriendly ? t('export.report.yes') : t('export.report.no'), here: card.failingHere, below: card.failingBelow })
    : t('export.atlas.noCard');
  return [head, ...gaps.map((g) => `${t(`rules.severity.${g.severity}`)} · ${titles.get(g.rule_id) ?? g.rule_id}: ${measuredText(t, g, lang)} / ${recordTarget(t, g, lang)}`)];
}
