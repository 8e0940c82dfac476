import { useTranslation } from 'react-i18next';
import { useAppState, useAppStore } from '../store-context';

/** Another tab of the app keeps the session in this browser: say that this tab's changes are not kept, and offer to take over. */
export function AutosaveTabNotice() {
  const { t } = useTranslation();
  const store = useAppStore();
  const tab = useAppState((s) => s.autosaveTab);
  if (tab !== 'other-tab') return null;
  return (
    <div className="autosave-tab-notice" role="status" data-testid="autosave-tab-notice">
      <p>{t('autosave.otherTab')}</p>
      <button type="button" onClick={() => store.getState().takeOverAutosave()}>{t('autosave.takeOver')}</button>
    </div>
  );
}
