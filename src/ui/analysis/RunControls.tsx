import { useTranslation } from 'react-i18next';
import { analysisJob, demoMixBlocked, isAnalysisStale } from '../../state';
import { formatError } from '../format-error';
import { useAppState } from '../store-context';

/** Run / Cancel, the progress bar with the translated stage, the status line and any error. */
export function RunControls() {
  const { t, i18n } = useTranslation();
  const status = useAppState((s) => s.analysis.status);
  const job = useAppState(analysisJob);
  const error = useAppState((s) => s.analysis.error);
  const stale = useAppState(isAnalysisStale);
  const blocked = useAppState(demoMixBlocked);
  const run = useAppState((s) => s.runAnalysis);
  const cancel = useAppState((s) => s.cancelAnalysis);
  const stage = job ? t(job.stage, { defaultValue: t('progress.working') }) : '';
  return (
    <div className="analysis-run">
      <div className="analysis-run-buttons">
        <button type="button" className="primary" onClick={() => void run()} disabled={!!job || blocked}
          aria-describedby={blocked ? 'analysis-run-blocked' : undefined}>{t('analysis.run')}</button>
        {job && <button type="button" onClick={cancel}>{t('analysis.cancel')}</button>}
      </div>
      {job && (
        <div className="analysis-progress">
          <progress max={1} value={job.fraction} aria-label={t('analysis.progress', { stage })} />
          <span>{stage}</span>
        </div>
      )}
      <p className="analysis-status" role="status" data-status={status}>{t(`analysis.status.${status}`)}</p>
      {blocked && !job && <p id="analysis-run-blocked" className="analysis-error">{t('error.analysis.demo-mix')}</p>}
      {error && <p className="analysis-error" role="alert">{formatError(t, i18n, error, t('analysis.title'))}</p>}
      {stale && !job && <p className="analysis-stale">{t('analysis.stale')}</p>}
    </div>
  );
}
