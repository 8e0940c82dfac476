import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasUnsavedWork } from '../../state';
import { Modal } from '../import/Modal';
import { useAppState, useAppStore } from '../store-context';

/**
 * "New project": asks first when real layers or edits would be closed unsaved, or when the sketch has marks
 * (New project clears them too; undo, and the Sketch tab's undo, bring them back).
 */
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
      <button type="button" onClick={() => (hasUnsavedWork(store.getState()) || store.getState().sketch.features.length > 0 ? setAsking(true) : start())}>{t('project.new')}</button>
      {asking && <Confirm onYes={start} onNo={() => setAsking(false)} />}
    </>
  );
}

function Confirm({ onYes, onNo }: { onYes: () => void; onNo: () => void }) {
  const { t } = useTranslation();
  const layers = useAppState((s) => s.doc.layers.length);
  const marks = useAppState((s) => (s.sketch.role === 'viewer' ? 0 : s.sketch.features.length));
  const workshop = useAppState((s) => s.sketch.workshop.status !== 'none');
  return (
    <Modal title={t('project.newConfirmTitle')} onClose={onNo} className="new-project">
      <p>{t('project.newConfirmText', { count: layers })}</p>
      {marks > 0 && <p data-testid="new-project-sketch">{t(workshop ? 'project.newClearsWorkshop' : 'project.newClearsSketch', { count: marks })}</p>}
      <div className="dialog-buttons">
        <button type="button" className="primary" autoFocus onClick={onYes}>{t('project.newConfirm')}</button>
        <button type="button" onClick={onNo}>{t('project.cancel')}</button>
      </div>
    </Modal>
  );
}
