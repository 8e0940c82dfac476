/** The PLTS colours of streets and crossings, and the crossing rings by control. */
import { useTranslation } from 'react-i18next';
import { CONTROLS } from '../../core/safety';
import { CONTROL_COLORS, PLTS_COLORS } from '../../map/layers/safety-layers';

const css = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

export function PltsLegend() {
  const { t } = useTranslation();
  return (
    <div className="safety-legend" aria-label={t('safety.plts.legend')}>
      <h3>{t('safety.plts.legend')}</h3>
      <ul>
        {[1, 2, 3, 4].map((p) => (
          <li key={p}><span className="safety-swatch" style={{ background: css(PLTS_COLORS[p]!) }} />{t(`safety.plts.${p}`)}</li>
        ))}
      </ul>
      <ul className="safety-controls">
        {CONTROLS.map((c, i) => (
          <li key={c}><span className="safety-ring" style={{ borderColor: css(CONTROL_COLORS[i]!) }} />{t(`safety.control.${c}`)}</li>
        ))}
      </ul>
    </div>
  );
}
