/**
 * The legend on the map: what the visible analysis results, the rule-check overlay and (while its tab is
 * open) the safe-routes overlay mean, from the same palettes they are drawn with. Collapsible (the choice is kept for the session); nothing when neither
 * overlay is drawn.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GAP_COLORS } from '../map/layers/gap-colors';
import { PltsLegend } from './safety/PltsLegend';
import { resultLegends, MAP_RESULTS } from './analysis/result-legends';
import { Swatches } from './analysis/MapResults';
import { useAppState } from './store-context';

export function MapLegend() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const r = useAppState((s) => s.analysis.result);
  const d = useAppState((s) => s.analysis.display);
  const speeds = useAppState((s) => s.doc.settings.walkSpeedsMps);
  const rules = useAppState((s) => s.rules.result);
  const scale = useAppState((s) => s.rules.mapScale);
  const gapSelected = useAppState((s) => s.rules.selectedGap !== null);
  const sites = useAppState((s) => (s.rules.suggestions?.result.sites.length ?? 0) > 0);
  // The map draws the safe-routes overlay only while the Safe routes tab is open (map-controller.ts).
  const safety = useAppState((s) => s.openPanel === 'safety' && s.safety.result !== null);
  const shown = r && d.category ? MAP_RESULTS.filter((id) => d.show[id]) : [];
  if (shown.length === 0 && !rules && !safety) return null;
  const legends = r && shown.length > 0 ? resultLegends(t, r, d, speeds) : null;
  const gapItems = [
    { color: GAP_COLORS.friendly, text: t('rulesUi.map.friendly') },
    { color: GAP_COLORS.notFriendly, text: t('rulesUi.map.notFriendly') },
    ...(gapSelected ? [{ color: GAP_COLORS.uncovered, text: t('rulesUi.map.uncovered') }] : []),
    ...(sites ? [{ color: GAP_COLORS.site, text: t('rulesUi.map.site') }] : []),
  ].map((x) => ({ ...x, color: [...x.color] as [number, number, number] }));
  return (
    <aside className="map-legend" aria-label={t('layout.mapLegend')} data-testid="map-legend">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? '▾' : '▸'} {t('layout.legendShow')}</button>
      {open && safety && (
        <section data-legend="safety">
          <PltsLegend />
        </section>
      )}
      {open && rules && (
        <section data-legend="rules">
          <h3>{t('layout.legendGaps')} · {t(`rules.scale.${scale}`)}</h3>
          <Swatches items={gapItems} label={t('layout.legendGaps')} />
        </section>
      )}
      {open && legends && shown.map((id) => (
        <section key={id} data-legend={id}>
          <h3>{t(`analysis.layer.${id}`)}</h3>
          <Swatches items={legends[id]} label={t(`analysis.layer.${id}`)} />
        </section>
      ))}
    </aside>
  );
}
