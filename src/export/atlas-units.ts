/**
 * The units of a level as atlas units (id as the analysis names them, code, name in the UI's language,
 * box), and a unit's own figures, proposals and gaps (the current rule check's).
 */
import type { TFunction } from 'i18next';
import { featureId, readUnit, type UnitLevel } from '../core/model';
import type { AtlasUnit } from '../core/print';
import { SEVERITIES } from '../core/rules';
import { checkedRuleSet, type AppState } from '../state';
import { categoryLabel } from '../ui/analysis/format';
import { measuredText, recordTarget } from '../ui/rules/format';
import { boxOf, ringsOf, type Ring } from './inset';
import { reportProposals } from './report-extras';

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

/** Even-odd over all rings, so a hole (or a second part) counts as GeoJSON means it. */
export function insideRings(rings: readonly Ring[], lng: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/** The proposals (scenario and co-sketch, as the gap report lists them) that lie in the unit. */
export function unitProposalLines(s: AppState, t: TFunction, rings: readonly Ring[]): string[] {
  return reportProposals(s)
    .filter((p) => insideRings(rings, p.lng, p.lat))
    .map((p) => t('export.atlas.proposalHere', { category: categoryLabel(t, p.category), at: `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}` }));
}

/** Lines for the page's panel: the verdict and counts, the proposals in the unit, then its failing rules, most severe first. */
export function unitFigures(s: AppState, t: TFunction, level: UnitLevel, unitId: string, rings: readonly Ring[] = []): string[] {
  const r = s.rules.result;
  const proposals = unitProposalLines(s, t, rings);
  if (!r) return [t('export.atlas.noRules'), ...proposals];
  const lang = s.language;
  const card = r.evaluation.scorecards.find((c) => c.level === level && c.unit_id === unitId);
  const gaps = r.evaluation.gaps
    .filter((g) => g.scale === level && g.unit_id === unitId)
    .sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity));
  const titles = new Map((checkedRuleSet(s)?.rules ?? []).map((x) => [x.id, x.title[lang]]));
  const head = card
    ? t('export.atlas.figures', { verdict: card.childFriendly ? t('export.report.yes') : t('export.report.no'), here: card.failingHere, below: card.failingBelow })
    : t('export.atlas.noCard');
  return [head, ...proposals, ...gaps.map((g) => `${t(`rules.severity.${g.severity}`)} · ${titles.get(g.rule_id) ?? g.rule_id}: ${measuredText(t, g, lang)} / ${recordTarget(t, g, lang)}`)];
}
