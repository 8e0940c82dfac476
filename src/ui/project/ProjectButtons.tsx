import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useAppStore } from '../store-context';
import { DemoChoiceDialog } from './DemoChoiceDialog';
import { NewProjectButton } from './NewProjectButton';

const fileNameOf = (name: string) => `${(name || 'project').replace(/[^\w\u4e00-\u9fff-]+/g, '_').slice(0, 60)}.cfc.json`;

/**
 * New project, Save project (download JSON) and Open project (file input; parsed and validated in the io
 * worker); the replace-or-add question for files dropped on the demo city lives here too.
 */
export function ProjectButtons() {
  const { t } = useTranslation();
  const store = useAppStore();
  const input = useRef<HTMLInputElement>(null);
  const projectName = useAppState((s) => s.doc.name);
  const save = () => {
    const blob = new Blob([store.getState().projectJson()], { type: 'application/json' });
    const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: fileNameOf(projectName) });
    a.click();
    store.getState().markSaved();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  return (
    <>
      <NewProjectButton />
      <button type="button" onClick={save}>{t('import.project.save')}</button>
      <button type="button" onClick={() => input.current?.click()}>{t('import.project.open')}</button>
      <input ref={input} type="file" accept=".json,application/json" hidden data-testid="project-input" aria-label={t('import.project.open')}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void store.getState().openProject({ fileName: f.name, blob: f });
        }} />
      <DemoChoiceDialog />
    </>
  );
}
