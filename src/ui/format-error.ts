import type { TFunction, i18n as I18n } from 'i18next';
import type { LoadWarning } from '../core/model';
import type { JobError } from '../protocol/jobs';

/** Codes are either bare ('no-layers') or already the full key ('error.io.empty'); both resolve. */
const keyOf = (prefix: string, code: string) => (code.startsWith(`${prefix}.`) ? code : `${prefix}.${code}`);

/** The words for an error code (`error.<code>` with its params), or a generic message that names the code. */
export function formatError(t: TFunction, i18n: I18n, error: JobError, subject: string): string {
  const key = keyOf('error', error.code);
  const params = { file: subject, code: error.code, ...error.params };
  return i18n.exists(key) ? t(key, params) : t('error.generic', params);
}

/** A load warning (`warning.<code>`), or a generic line naming the code when no text exists. */
export function formatWarning(t: TFunction, i18n: I18n, w: LoadWarning, subject: string): string {
  const key = keyOf('warning', w.code);
  const params = { file: subject, code: w.code, count: w.count, ...w.params };
  return i18n.exists(key) ? t(key, params) : t('warning.generic', params);
}
