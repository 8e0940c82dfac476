import { useTranslation } from 'react-i18next';
import { useAppState } from './store-context';

/** Running jobs with a progress bar each and a cancel button. */
export function JobsBar() {
  const { t } = useTranslation();
  const jobs = useAppState((s) => s.jobs);
  const cancel = useAppState((s) => s.cancelJob);
  const list = Object.values(jobs);
  if (list.length === 0) return null;
  return (
    <ul className="jobs" aria-label={t('jobs.title')}>
      {list.map((j) => {
        const stage = t(j.stage, { defaultValue: t('progress.working') });
        return (
          <li key={j.id} className="job">
            <span className="job-label">{j.label}</span>
            <progress max={1} value={j.fraction} aria-label={t('jobs.progress', { file: j.label, stage })} />
            <span className="job-stage">{stage}</span>
            <button type="button" onClick={() => cancel(j.id)}>{t('jobs.cancel')}</button>
          </li>
        );
      })}
    </ul>
  );
}
