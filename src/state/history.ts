/**
 * Undo history as a stack of immutable documents (iD): actions never know about it. Each commit says
 * whether it is recorded (Excalidraw's capture policy): 'record' adds an undo step, 'merge' folds into
 * the previous step when it carries the same merge key (slider drags), 'skip' changes the document
 * without a step (scene initialisation, remote updates).
 */
import type { Project } from '../core/model';

export type Capture = 'record' | 'merge' | 'skip';

export interface HistoryEntry {
  /** The document before the step. */
  readonly doc: Project;
  /** Name of the action, for "Undo …" labels. */
  readonly label: string;
  readonly mergeKey?: string;
}

export interface History {
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
}

export const EMPTY_HISTORY: History = { past: [], future: [] };
export const HISTORY_LIMIT = 200;

/** The history after moving from `before` to a new document by the action `label`. */
export function recordStep(h: History, before: Project, label: string, capture: Capture, mergeKey?: string): History {
  if (capture === 'skip') return h;
  const last = h.past[h.past.length - 1];
  if (capture === 'merge' && last && mergeKey !== undefined && last.mergeKey === mergeKey) return { past: h.past, future: [] };
  const past = [...h.past, { doc: before, label, mergeKey }];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, future: [] };
}

export function undoStep(h: History, current: Project): { history: History; doc: Project } | null {
  const last = h.past[h.past.length - 1];
  if (!last) return null;
  return {
    doc: last.doc,
    history: { past: h.past.slice(0, -1), future: [{ doc: current, label: last.label }, ...h.future] },
  };
}

export function redoStep(h: History, current: Project): { history: History; doc: Project } | null {
  const next = h.future[0];
  if (!next) return null;
  return {
    doc: next.doc,
    history: { past: [...h.past, { doc: current, label: next.label }], future: h.future.slice(1) },
  };
}
