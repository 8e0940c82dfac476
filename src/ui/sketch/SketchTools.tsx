import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { IconId } from '../../sketch/sketch-icons';
import { STICKERS } from '../../sketch/stickers';
import type { SketchTool } from '../../state';
import { useAppState, useAppStore } from '../store-context';
import { Icon } from './Icon';

export const TOOL_ICON: Record<Exclude<SketchTool, 'none' | 'point'>, IconId> = { select: 'select', route: 'route', area: 'area' };

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo this person's sketch edits while sketching. */
export function useSketchKeys(active: boolean) {
  const store = useAppStore();
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      if (!(e.ctrlKey || e.metaKey)) {
        const sel = store.getState().sketch.selectedId;
        if ((e.key === 'Delete' || e.key === 'Backspace') && sel) {
          e.preventDefault();
          store.getState().deleteSketch(sel);
        }
        return;
      }
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) store.getState().undoSketch();
      else if ((key === 'z' && e.shiftKey) || key === 'y') store.getState().redoSketch();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, store]);
}

/** Stickers (picture first), the route and area tools, select, undo, redo, delete. */
export function SketchTools({ big = false }: { readonly big?: boolean }) {
  const { t } = useTranslation();
  const k = useAppState((s) => s.sketch);
  const { chooseSticker, setSketchTool, undoSketch, redoSketch, deleteSketch } = useAppState((s) => s);
  if (k.role === 'viewer') return <p className="note" data-testid="sketch-viewer">{t('sketch.viewerNote')}</p>;
  const cls = big ? 'sketch-btn big' : 'sketch-btn';
  const tool = (id: Exclude<SketchTool, 'none' | 'point'>) => (
    <button key={id} type="button" className={cls} aria-pressed={k.tool === id} data-testid={`sketch-tool-${id}`}
      onClick={() => setSketchTool(k.tool === id ? 'none' : id)}>
      <Icon id={TOOL_ICON[id]} /><span className="word">{t(`sketch.tool.${id}`)}</span>
    </button>
  );
  return (
    <div className={big ? 'sketch-tools big' : 'sketch-tools'}>
      <div className="sketch-stickers" role="group" aria-label={t('sketch.stickers')}>
        {STICKERS.map((st) => (
          <button key={st.id} type="button" className={`${cls} kind-${st.kind}`} data-testid={`sticker-${st.id}`}
            aria-pressed={k.tool === 'point' && k.stickerId === st.id} onClick={() => chooseSticker(st.id)}>
            <Icon id={st.id as IconId} /><span className="word">{t(`sketch.sticker.${st.id}`)}</span>
          </button>
        ))}
      </div>
      <div className="sketch-actions" role="group" aria-label={t('sketch.tools')}>
        {tool('route')}
        {tool('area')}
        {tool('select')}
        <button type="button" className={cls} onClick={undoSketch} disabled={!k.canUndo} data-testid="sketch-undo" title={t('sketch.undoKey')}>
          <Icon id="undo" /><span className="word">{t('sketch.undo')}</span>
        </button>
        <button type="button" className={cls} onClick={redoSketch} disabled={!k.canRedo} data-testid="sketch-redo" title={t('sketch.redoKey')}>
          <Icon id="redo" /><span className="word">{t('sketch.redo')}</span>
        </button>
        <button type="button" className={cls} onClick={() => k.selectedId && deleteSketch(k.selectedId)} disabled={!k.selectedId} data-testid="sketch-delete">
          <Icon id="delete" /><span className="word">{t('sketch.delete')}</span>
        </button>
      </div>
      {k.tool !== 'none' && <p className="sketch-hint" role="status">{t(`sketch.hint.${k.tool}`)}</p>}
      {k.issue && <p className="sketch-issue" role="alert">{t(k.issue, { defaultValue: k.issue })}</p>}
    </div>
  );
}
