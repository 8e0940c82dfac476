import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { canRedo, canUndo } from '../state';
import { LanguageSwitch } from './LanguageSwitch';
import { loadUserFiles } from './load-files';
import { ProjectButtons } from './project/ProjectButtons';
import { ExportButton } from './export/ExportDialog';
import { useAppState, useAppStore } from './store-context';

export function Toolbar() {
  const { t } = useTranslation();
  const store = useAppStore();
  const input = useRef<HTMLInputElement>(null);
  const undoable = useAppState(canUndo);
  const redoable = useAppState(canRedo);
  const viewOnly = useAppState((s) => s.loadViewOnly);
  const setViewOnly = useAppState((s) => s.setLoadViewOnly);
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button type="button" onClick={() => input.current?.click()}>{t('toolbar.open')}</button>
      <input ref={input} type="file" multiple hidden data-testid="file-input" aria-label={t('toolbar.open')}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = ''; // the same file can be picked again
          void loadUserFiles(store, files);
        }} />
      <label className="view-only" title={t('toolbar.viewOnlyHint')}>
        <input type="checkbox" checked={viewOnly} onChange={(e) => setViewOnly(e.target.checked)} />
        {t('toolbar.viewOnly')}
      </label>
      <ProjectButtons />
      <ExportButton />
      <button type="button" disabled={!undoable} onClick={() => store.getState().undo()}>{t('toolbar.undo')}</button>
      <button type="button" disabled={!redoable} onClick={() => store.getState().redo()}>{t('toolbar.redo')}</button>
      <LanguageSwitch />
    </div>
  );
}
