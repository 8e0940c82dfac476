import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, type AgeBand, type UnitLevel } from '../../core/model';
import { css, type Rgb } from '../../map/colors';
import { EXPLAIN_PATH_COLOR } from '../../map/layers/analysis-colors';
import { useAppState } from '../store-context';
import { bandLabel, categoryLabel, distanceText, speedFor } from './format';
import { MAP_RESULTS as LAYERS, resultLegends } from './result-legends';

export function Swatches({ items, label }: { items: readonly { color: Rgb; text: string; line?: boolean }[]; label: string }) {
  return (
    <ul className="legend analysis-legend" aria-label={label}>
      {items.map((e) => (
        <li key={e.text}>
          <span className={`swatch swatch-${e.line ? 'line' : 'fill'}`} style={{ background: css(e.color) }} aria-hidden="true" />
          <span>{e.text}</span>
        </li>
      ))}
    </ul>
  );
}

/** Which category, threshold, age band and level to show, which results to draw, and their legends. */
export function MapResults() {
  const { t } = useTranslation();
  const r = useAppState((s) => s.analysis.result);
  const d = useAppState((s) => s.analysis.display);
  const speeds = useAppState((s) => s.doc.settings.walkSpeedsMps);
  const setDisplay = useAppState((s) => s.setAnalysisDisplay);
  if (!r) return null;
  const speed = speedFor(speeds, d);
  const thr = [...r.thresholdsM];
  const dist = (m: number) => distanceText(t, m, d.thresholdUnit, speed);
  const legends = resultLegends(t, r, d, speeds);
  return (
    <section className="analysis-map" aria-labelledby="analysis-map-title">
      <h3 id="analysis-map-title">{t('analysis.map')}</h3>
      <div className="analysis-choices">
        <label>{t('analysis.category')}
          <select value={d.category ?? ''} onChange={(e) => setDisplay({ category: e.target.value })}>
            {r.categories.map((c) => <option key={c.category} value={c.category}>{categoryLabel(t, c.category)}</option>)}
          </select>
        </label>
        <label>{t('analysis.threshold')}
          <select value={d.thresholdIdx} onChange={(e) => setDisplay({ thresholdIdx: Number(e.target.value) })}>
            {thr.map((m, k) => <option key={m} value={k}>{dist(m)}</option>)}
          </select>
        </label>
        <label>{t('analysis.ageBand')}
          <select value={d.ageBand} onChange={(e) => setDisplay({ ageBand: e.target.value as AgeBand | 'all' })}>
            {(['all', ...AGE_BANDS] as const).map((b) => <option key={b} value={b}>{bandLabel(t, b)}</option>)}
          </select>
        </label>
        <label>{t('analysis.level')}
          <select value={d.level} onChange={(e) => setDisplay({ level: e.target.value as UnitLevel })}>
            {r.coverage.map((c) => <option key={c.level} value={c.level}>{levelLabel(t, c.level)}</option>)}
          </select>
        </label>
      </div>
      {LAYERS.map((id) => (
        <div key={id} className="analysis-layer">
          <label className="check">
            <input type="checkbox" checked={d.show[id]} onChange={(e) => setDisplay({ show: { [id]: e.target.checked } })} />
            {' '}{t(`analysis.layer.${id}`)}
          </label>
          {d.show[id] && <Swatches items={legends[id]} label={t(`analysis.layer.${id}`)} />}
        </div>
      ))}
      <Swatches items={[{ color: EXPLAIN_PATH_COLOR, text: t('analysis.legend.path'), line: true }]} label={t('analysis.legend.path')} />
    </section>
  );
}

export const levelLabel = (t: TFunction, level: UnitLevel): string => t(`analysis.levels.${level}`);
