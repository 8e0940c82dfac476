import { useTranslation } from 'react-i18next';
import { Modal } from '../import/Modal';
import { useAppState } from '../store-context';

/**
 * Real data dropped on the demo city: replace the demo (the default, focused) or add to it. Escape
 * cancels the load. Native buttons in a modal <dialog>, so it works by keyboard alone.
 */
export function DemoChoiceDialog() {
  const { t } = useTranslation();
  const choice = useAppState((s) => s.demoChoice);
  const demo = useAppState((s) => s.demo);
  const lang = useAppState((s) => s.language);
  const answer = useAppState((s) => s.answerDemoChoice);
  if (!choice) return null;
  return (
    <Modal title={t('project.demoChoice.title')} onClose={() => void answer('cancel')} className="demo-choice">
      <p>{t('project.demoChoice.text', { name: demo?.name[lang] ?? '' })}</p>
      <p className="files">{t('project.demoChoice.files', { files: choice.sources.map((s) => s.fileName).join(', ') })}</p>
      <p className="hint">{t('project.demoChoice.hint')}</p>
      <div className="dialog-buttons">
        <button type="button" className="primary" autoFocus onClick={() => void answer('replace')}>{t('project.demoChoice.replace')}</button>
        <button type="button" onClick={() => void answer('add')}>{t('project.demoChoice.add')}</button>
        <button type="button" onClick={() => void answer('cancel')}>{t('project.demoChoice.cancel')}</button>
      </div>
    </Modal>
  );
}
