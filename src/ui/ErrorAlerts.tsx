import { useTranslation } from 'react-i18next';
import { useAppState } from './store-context';
import { formatError } from './format-error';

/** Load and job errors, each naming its file; an alert region so screen readers announce them. */
export function ErrorAlerts() {
  const { t, i18n } = useTranslation();
  const errors = useAppState((s) => s.errors);
  const dismiss = useAppState((s) => s.dismissError);
  return (
    <div role="alert" className="alerts" aria-live="assertive">
      {errors.map((e) => {
        const message = formatError(t, i18n, e.error, e.subject);
        // Messages that already name the file are shown as they are; others get the file in front.
        return (
        <div key={e.id} className="alert" data-error-code={e.error.code}>
          <span className="alert-text">
            {message.includes(e.subject) ? message : <><strong className="alert-file">{e.subject}</strong>: {message}</>}
          </span>
          <button type="button" onClick={() => dismiss(e.id)} aria-label={t('errors.dismiss', { file: e.subject })}>
            ×
          </button>
        </div>
        );
      })}
    </div>
  );
}
