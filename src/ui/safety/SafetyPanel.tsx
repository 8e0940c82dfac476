/** The "Safe routes" tab: run / cancel with progress, what was found, the legend, hotspots, schools, units, a home's routes, the profile. */
import { useTranslation } from 'react-i18next';
import { ROUTE_STATUSES } from '../../core/safety';
import type { AppState } from '../../state';
import { formatError } from '../format-error';
import { formatNumber } from '../format-number';
import { useAppState } from '../store-context';
import { ChildrenDisagree } from './ChildrenDisagree';
import { HotspotList } from './HotspotList';
import { PltsLegend } from './PltsLegend';
import { ProfileEditor } from './ProfileEditor';
import { RouteDetail } from './RouteDetail';
import { SchoolTable } from './SchoolTable';
import { UnitTable } from './UnitTable';

const safetyJob = (s: AppState) => (s.safety.jobId ? s.jobs[s.safety.jobId] ?? null : s.analysis.jobId && s.safety.status === 'running' ? s.jobs[s.analysis.jobId] ?? null : null);

function Summary() {
  const { t, i18n } = useTranslation();
  const r = useAppState((s) => s.safety.result);
  if (!r) return null;
  const h = r.homes;
  const count = (st: string) => h.status.reduce((n, x) => n + (ROUTE_STATUSES[x] === st ? 1 : 0), 0);
  const sum = (a: Uint8Array) => a.reduce((n, x) => n + x, 0);
  const n = (x: number) => formatNumber(x, i18n.language);
  return (
    <div className="safety-summary">
      <p data-testid="safety-summary">{t('safety.summary', { ok: n(count('ok')), unsafe: n(sum(h.unsafe)), long: n(sum(h.longDetour)), beyond: n(count('beyond')),
        unreachable: n(count('unreachable')), max: n(r.maxSchoolWalkM) })}</p>
      <p className="safety-note">{t(r.weightsAreChildren ? 'safety.weights.children' : 'safety.weights.homes')}</p>
    </div>
  );
}

export function SafetyPanel() {
  const { t, i18n } = useTranslation();
  const status = useAppState((s) => s.safety.status);
  const error = useAppState((s) => s.safety.error);
  const job = useAppState(safetyJob);
  const run = useAppState((s) => s.runSafeRoutes);
  const cancel = useAppState((s) => s.cancelSafeRoutes);
  const hasResult = useAppState((s) => s.safety.result !== null);
  const stage = job ? t(job.stage, { defaultValue: t('progress.working') }) : '';
  return (
    <section className="safety-panel" aria-labelledby="safety-title">
      <h2 id="safety-title">{t('safety.title')}</h2>
      <p className="safety-intro">{t('safety.intro')}</p>
      <div className="analysis-run-buttons">
        <button type="button" className="primary" onClick={() => void run()} disabled={!!job || status === 'running'}>{t('safety.run')}</button>
        {(job || status === 'running') && <button type="button" onClick={cancel}>{t('safety.cancel')}</button>}
      </div>
      {job && (
        <div className="analysis-progress">
          <progress max={1} value={job.fraction} aria-label={stage} />
          <span>{stage}</span>
        </div>
      )}
      <p className="analysis-status" role="status" data-status={status}>{t(`safety.status.${status}`)}</p>
      {error && <p className="analysis-error" role="alert">{formatError(t, i18n, error, t('safety.title'))}</p>}
      {hasResult && (
        <>
          <Summary />
          <PltsLegend />
          <HotspotList />
          <ChildrenDisagree />
          <SchoolTable />
          <UnitTable />
          <RouteDetail />
        </>
      )}
      <ProfileEditor />
    </section>
  );
}
