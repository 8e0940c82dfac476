import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loadUserFiles } from './load-files';
import { useAppStore } from './store-context';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/** Files dropped anywhere on the map load as layers. */
export function DropZone({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? 'dropzone over' : 'dropzone'}
      data-testid="dropzone"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void loadUserFiles(store, e.dataTransfer.files);
      }}
    >
      {children}
      {over && <div className="drop-hint">{t('drop.hint')}</div>}
    </div>
  );
}
