import { useTranslation } from 'react-i18next';
import { useAppState } from './store-context';

/** Every running job (loads, project opens, analyses, rule checks, site suggestions): a progress bar and Cancel each. */
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
        // A file's name as it is (text, never markup); an analysis or a rule check by its translated title.
        const label = j.labelKey ? t(j.labelKey) : j.label;
        return (
          <li key={j.id} className="job" data-kind={j.kind}>
            <span className="job-label">{label}</span>
            <progress max={1} value={j.fraction} aria-label={t('jobs.progress', { file: label, stage })} />
            <span className="job-stage">{stage}</span>
            <button type="button" onClick={() => cancel(j.id)}>{t('jobs.cancel')}</button>
          </li>
        );
      })}
    </ul>
  );
}
