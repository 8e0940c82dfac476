import { useTranslation } from 'react-i18next';
import { UNIT_LEVELS } from '../../core/model';
import { GAP_COLORS } from '../../map/layers/gap-colors';
import { RULE_STATUSES } from '../../core/rules';
import { useAppState } from '../store-context';
import { verdictClass, verdictWord } from './format';

const css = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/** Which scale the map colours, what the colours mean, and the three rule results of the tables. */
export function GapLegend() {
  const { t } = useTranslation();
  const result = useAppState((s) => s.rules.result);
  const scale = useAppState((s) => s.rules.mapScale);
  const setScale = useAppState((s) => s.rules.setMapScale);
  if (!result) return null;
  const items = [
    ['friendly', GAP_COLORS.friendly], ['notFriendly', GAP_COLORS.notFriendly], ['uncovered', GAP_COLORS.uncovered], ['site', GAP_COLORS.site],
  ] as const;
  return (
    <div className="gap-legend">
      <label>{t('rulesUi.map.scale')}
        <select aria-label={t('rulesUi.map.scale')} value={scale} onChange={(e) => setScale(e.target.value as typeof scale)}>
          {UNIT_LEVELS.filter((l) => result.evaluation.summary.childFriendly[l]).map((l) => <option key={l} value={l}>{t(`rules.scale.${l}`)}</option>)}
        </select>
      </label>
      <ul aria-label={t('rulesUi.map.legend')}>
        {items.map(([k, c]) => (
          <li key={k}><span className="swatch" style={{ background: css(c) }} aria-hidden="true" />{t(`rulesUi.map.${k}`)}</li>
        ))}
      </ul>
      <ul className="verdict-legend" aria-label={t('rules.legend.verdicts')}>
        {RULE_STATUSES.map((s) => (
          <li key={s}><span className={`verdict verdict-${verdictClass({ status: s })}`}>{verdictWord(t, { status: s })}</span></li>
        ))}
      </ul>
    </div>
  );
}
