/**
 * Per unit (community, street, district, city): the children of 7–12 (homes, without child counts) whose
 * safe route to school exists and is not stressful, the stressful share, the median detour — the figures of
 * `safe_routes_units.csv`. One level at a time; the whole study area is one city when no city layer is loaded.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitLevel } from '../../core/model';
import { formatNumber } from '../format-number';
import { useAppState } from '../store-context';
import { WHOLE_AREA_LABEL_KEY } from '../rules/format';

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)} %` : '–');

export function UnitTable() {
  const { t, i18n } = useTranslation();
  const r = useAppState((s) => s.safety.result);
  const lang = useAppState((s) => s.language);
  const [chosen, setChosen] = useState<UnitLevel | null>(null);
  if (!r || r.byUnit.length === 0) return null;
  // The finest level by default (communities, when loaded): where a planner acts.
  const level = r.byUnit.find((u) => u.level === chosen) ?? r.byUnit[r.byUnit.length - 1]!;
  const n = (x: number) => formatNumber(x, i18n.language, 1);
  return (
    <div className="safety-units">
      <h3>{t('safety.units.title')}</h3>
      <label>{t('safety.units.level')}{' '}
        <select value={level.level} onChange={(e) => setChosen(e.target.value as UnitLevel)} data-testid="safety-units-level">
          {r.byUnit.map((u) => <option key={u.level} value={u.level}>{t(`rules.scale.${u.level}`)}</option>)}
        </select>
      </label>
      <table className="data-table" data-testid="safety-units">
        <thead>
          <tr><th scope="col">{t('safety.units.unit')}</th><th scope="col">{t(r.weightsAreChildren ? 'safety.units.total' : 'safety.units.totalHomes')}</th>
            <th scope="col">{t('safety.units.safe')}</th><th scope="col">{t('safety.schools.safe')}</th><th scope="col">{t('safety.schools.unsafe')}</th>
            <th scope="col">{t('safety.schools.detour')}</th></tr>
        </thead>
        <tbody>
          {level.summaries.map((s, i) => (
            <tr key={level.ids[i]} data-unit-id={level.ids[i]} data-total={s.total} data-safe={s.safe} data-safe-share={s.safeShare}>
              <th scope="row">{(lang === 'zh' && level.namesZh[i]) || level.names[i] || t(WHOLE_AREA_LABEL_KEY)}</th>
              <td>{n(s.total)}</td>
              <td>{n(s.safe)}</td>
              <td>{pct(s.safeShare)}</td>
              <td>{pct(s.unsafeShare)}</td>
              <td>{Number.isFinite(s.medianDetour) ? `×${s.medianDetour.toFixed(2)}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
