/**
 * The translated words of a map page that come from the app's state: legend rows (the document's visible
 * layers with the map's own `legendFor` classes, then the rule-check overlay), the rule set, the sources
 * and the attribution.
 */
import type { TFunction } from 'i18next';
import { legendRows, type LegendLayerInput, type LegendRow } from '../core/print';
import type { AppState } from '../state';
import { currentRuleSet, layerDisplayName } from '../state';
import { legendFor } from '../map/legend';
import { GAP_COLORS } from '../map/layers/gap-colors';

export function printLegendRows(s: AppState, t: TFunction): LegendRow[] {
  // Layer names as the layer list shows them in the UI's language (the demo's layers have Chinese names).
  const layers: LegendLayerInput[] = s.doc.layers.map((l) => ({ id: l.id, name: layerDisplayName(l, s.layerData[l.id], s.language), visible: l.visible, classes: legendFor(l, s.layerData[l.id]) }));
  if (s.rules.result) {
    // Drawn above every document layer, so it goes last (the legend lists the top first).
    layers.push({
      id: '__gaps',
      name: `${t('layout.legendGaps')} · ${t(`rules.scale.${s.rules.mapScale}`)}`,
      visible: true,
      classes: [
        { color: [...GAP_COLORS.friendly], shape: 'fill', text: t('rulesUi.map.friendly') },
        { color: [...GAP_COLORS.notFriendly], shape: 'fill', text: t('rulesUi.map.notFriendly') },
      ],
    });
  }
  return legendRows(layers);
}

export function legendLabel(t: TFunction): (row: LegendRow) => string {
  return (row) => (row.kind === 'layer' ? row.name : (row.entry.text ?? (row.entry.key ? t(row.entry.key, row.entry.params) : '')));
}

export interface FooterText {
  readonly ruleSet: string;
  readonly date: string;
  readonly sources: string;
  readonly attribution: string;
}

export function footerText(s: AppState, t: TFunction, date: string): FooterText {
  const rs = currentRuleSet(s);
  const lang = s.language;
  const names = s.doc.layers.filter((l) => l.visible).map((l) => layerDisplayName(l, s.layerData[l.id], lang));
  return {
    ruleSet: t('export.page.ruleSet', { name: rs ? `${rs.title[lang]} ${rs.version}` : t('export.page.noRuleSet') }),
    date: t('export.page.date', { date }),
    sources: t('export.page.sources', { names: names.join(', ') }).slice(0, 160),
    attribution: t('export.page.attribution'),
  };
}
