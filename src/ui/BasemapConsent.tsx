import { useTranslation } from 'react-i18next';
import { basemapQuestion } from '../state';
import { Modal } from './import/Modal';
import { useAppState } from './store-context';

/** The host of a style URL, shown as text (never markup); the whole URL when it has none. */
export const hostOf = (url: string): string => (URL.canParse(url) ? new URL(url).host || url : url);

/**
 * Asks before the map fetches a remote basemap named by the project (e.g. one opened from a file): until
 * the user answers Load, nothing is requested and the offline basemap stays. Escape keeps it offline.
 */
export function BasemapConsent() {
  const { t } = useTranslation();
  const url = useAppState(basemapQuestion);
  const answer = useAppState((s) => s.answerBasemap);
  if (!url) return null;
  const keepOffline = () => answer(url, false);
  return (
    <Modal title={t('basemap.consent.title')} onClose={keepOffline} className="basemap-consent">
      <p>{t('basemap.consent.question', { host: hostOf(url) })}</p>
      <p className="hint basemap-consent-url">{url}</p>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => answer(url, true)}>{t('basemap.consent.load')}</button>
        <button type="button" onClick={keepOffline}>{t('basemap.consent.offline')}</button>
      </div>
    </Modal>
  );
}
