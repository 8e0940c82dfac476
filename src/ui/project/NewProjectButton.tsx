import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasUnsavedWork } from '../../state';
import { Modal } from '../import/Modal';
import { useAppState, useAppStore } from '../store-context';

/** "New project": asks first when real layers or edits would be closed unsaved (undo still brings them back). */
export function NewProjectButton() {
  const { t } = useTranslation();
  const store = useAppStore();
  const [asking, setAsking] = useState(false);
  const start = () => {
    setAsking(false);
    store.getState().newProject();
  };
  return (
    <>
      <button type="button" onClick={() => (hasUnsavedWork(store.getState()) ? setAsking(true) : start())}>{t('project.new')}</button>
      {asking && <Confirm onYes={start} onNo={() => setAsking(false)} />}
    </>
  );
}

function Confirm({ onYes, onNo }: { onYes: () => void; onNo: () => void }) {
  const { t } = useTranslation();
  const layers = useAppState((s) => s.doc.layers.length);
  return (
    <Modal title={t('project.newConfirmTitle')} onClose={onNo} className="new-project">
      <p>{t('project.newConfirmText', { count: layers })}</p>
      <div className="dialog-buttons">
        <button type="button" className="primary" autoFocus onClick={onYes}>{t('project.newConfirm')}</button>
        <button type="button" onClick={onNo}>{t('project.cancel')}</button>
      </div>
    </Modal>
  );
}
