import { emptyProject, type Project } from '../core/model';
import { EMPTY_HISTORY, recordStep, redoStep, undoStep } from './history';
import type { SliceCreator } from './slice';
import type { DocumentSlice } from './types';

export const createDocumentSlice = (initial: Project = emptyProject()): SliceCreator<DocumentSlice> => (set, get) => ({
  doc: initial,
  history: EMPTY_HISTORY,
  commit(action, args, capture = 'record', mergeKey) {
    const { doc, history } = get();
    const next = action.apply(doc, args);
    if (next === doc) return;
    set({ doc: next, history: recordStep(history, doc, action.name, capture, mergeKey) });
  },
  undo() {
    const r = undoStep(get().history, get().doc);
    if (r) set({ doc: r.doc, history: r.history });
  },
  redo() {
    const r = redoStep(get().history, get().doc);
    if (r) set({ doc: r.doc, history: r.history });
  },
});
