/** Per school: the children (homes) whose school it is, the share with a safe route, the share only by a stressful one, the median detour. */
import { useTranslation } from 'react-i18next';
import { readFacility } from '../../core/model';
import type { AppState } from '../../state';
import { formatNumber } from '../format-number';
import { useAppState } from '../store-context';

function schoolName(s: AppState, id: string): string {
  const ref = s.analysis.inputs?.facilities.get(id);
  const f = ref && s.layerData[ref.layerId]?.data.features[ref.featureIndex];
  const a = f ? readFacility(f.properties) : null;
  return (s.language === 'zh' ? a?.nameZh ?? a?.name : a?.name ?? a?.nameZh) ?? id;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)} %` : '–');

export function SchoolTable() {
  const { t, i18n } = useTranslation();
  const r = useAppState((s) => s.safety.result);
  const names = useAppState((s) => (r ? r.bySchool.map((b) => schoolName(s, b.facilityId)).join('\u0000') : '')).split('\u0000');
  if (!r || r.bySchool.length === 0) return null;
  const rows = r.bySchool.map((b, i) => ({ ...b, name: names[i] ?? b.facilityId })).sort((a, b) => b.unsafe - a.unsafe || b.total - a.total);
  return (
    <div className="safety-schools">
      <h3>{t('safety.schools.title')}</h3>
      <table className="data-table" data-testid="safety-schools">
        <thead>
          <tr><th scope="col">{t('safety.schools.school')}</th><th scope="col">{t('safety.schools.total')}</th><th scope="col">{t('safety.schools.safe')}</th>
            <th scope="col">{t('safety.schools.unsafe')}</th><th scope="col">{t('safety.schools.detour')}</th></tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.facility}>
              <th scope="row">{b.name}</th>
              <td>{formatNumber(b.total, i18n.language, 1)}</td>
              <td>{pct(b.safeShare)}</td>
              <td>{pct(b.unsafeShare)}</td>
              <td>{Number.isFinite(b.medianDetour) ? `×${b.medianDetour.toFixed(2)}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
