/**
 * The translated words of a map page that come from the app's state: legend rows (the document's visible
 * layers with the map's own `legendFor` classes, then the access results the map shows and the rule-check
 * overlay, with the classes the map's legend overlay gives them), the rule set, the sources and the
 * attribution.
 */
import type { TFunction } from 'i18next';
import { legendRows, type LegendLayerInput, type LegendRow } from '../core/print';
import type { AppState } from '../state';
import { currentRuleSet, layerDisplayName } from '../state';
import { legendFor } from '../map/legend';
import { GAP_COLORS } from '../map/layers/gap-colors';
import { MAP_RESULTS, resultLegends } from '../ui/analysis/result-legends';

export function printLegendRows(s: AppState, t: TFunction): LegendRow[] {
  // Layer names as the layer list shows them in the UI's language (the demo's layers have Chinese names).
  const layers: LegendLayerInput[] = s.doc.layers.map((l) => ({ id: l.id, name: layerDisplayName(l, s.layerData[l.id], s.language), visible: l.visible, classes: legendFor(l, s.layerData[l.id]) }));
  const r = s.analysis.result;
  const d = s.analysis.display;
  if (r && d.category) {
    // The access results the print map draws (buildAnalysisLayers), with the Access panel's own swatches.
    const legends = resultLegends(t, r, d, s.doc.settings.walkSpeedsMps);
    for (const id of MAP_RESULTS) {
      if (!d.show[id]) continue;
      const classes = legends[id].map((w) => ({ color: [...w.color] as [number, number, number], shape: w.line ? ('line' as const) : ('fill' as const), text: w.text }));
      layers.push({ id: `__analysis-${id}`, name: t(`analysis.layer.${id}`), visible: true, classes });
    }
  }
  if (s.rules.result) {
    const extra = [
      ...(s.rules.selectedGap ? [{ color: GAP_COLORS.uncovered, text: t('rulesUi.map.uncovered') }] : []),
      ...((s.rules.suggestions?.result.sites.length ?? 0) > 0 ? [{ color: GAP_COLORS.site, text: t('rulesUi.map.site') }] : []),
    ];
    // Drawn above every document layer, so it goes last (the legend lists the top first).
    layers.push({
      id: '__gaps',
      name: `${t('layout.legendGaps')} · ${t(`rules.scale.${s.rules.mapScale}`)}`,
      visible: true,
      classes: [
        { color: [...GAP_COLORS.friendly], shape: 'fill', text: t('rulesUi.map.friendly') },
        { color: [...GAP_COLORS.notFriendly], shape: 'fill', text: t('rulesUi.map.notFriendly') },
        // As the map's legend: the selected gap's uncovered homes and suggested sites, when drawn.
        ...extra.map((x) => ({ color: [...x.color] as [number, number, number], shape: 'dot' as const, text: x.text })),
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
