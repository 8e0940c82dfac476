/**
 * Projects and the demo: real data dropped on the demo city waits for the user's choice (replace the demo,
 * the default, or add to it); "New project" starts afresh. Both forget results computed from layers that
 * left the document, so no number about the demo survives into the real city's analysis.
 */
import type { BBox, Project } from '../core/model';
import type { LoadSource } from '../protocol/io-api';
import { newProject } from './actions/project';
import type { SliceCreator } from './slice';
import type { AppState } from './types';

export type DemoAnswer = 'replace' | 'add' | 'cancel';

export interface ProjectSlice {
  /** Files waiting for the replace-or-add answer (only while demo layers are loaded). */
  readonly demoChoice: { readonly sources: readonly LoadSource[] } | null;
  /** The document as last saved or opened; "unsaved" compares against it. */
  readonly savedDoc: Project | null;
  /** The document as the start (untouched demo) or "New project" left it: autosave keeps nothing while it is current. */
  readonly freshDoc: Project | null;
  /** Loads user files: asks first when the demo city is loaded. */
  requestImport(sources: readonly LoadSource[]): Promise<string[]>;
  answerDemoChoice(answer: DemoAnswer): Promise<string[]>;
  /** Clears the document to an empty project (one undo step), every result and the sketch (the sketch's own undo step). */
  newProject(): void;
  /** Forgets analysis and rules results, selections and dialogs about layers no longer in the document. */
  clearResults(): void;
  markSaved(): void;
  /** The current document is a fresh start (nothing worth keeping yet); autosave clears what it kept. */
  markFresh(): void;
}

/** The union of boxes in degrees (a layer with swapped axes must not throw the camera off the globe). */
function unionBox(boxes: readonly (BBox | null)[]): BBox | null {
  const bs = boxes.filter((b): b is BBox => !!b && b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90);
  if (!bs.length) return null;
  return [Math.min(...bs.map((b) => b[0])), Math.min(...bs.map((b) => b[1])), Math.max(...bs.map((b) => b[2])), Math.max(...bs.map((b) => b[3]))];
}

export const demoLayerIds = (s: Pick<AppState, 'doc'>): string[] => s.doc.layers.filter((l) => l.source.kind === 'demo').map((l) => l.id);

/** True when starting afresh would lose work: real layers or edits since the last save or open. */
export const hasUnsavedWork = (s: Pick<AppState, 'doc' | 'savedDoc' | 'history'>): boolean =>
  s.doc !== s.savedDoc && (s.history.past.length > 0 || s.doc.layers.some((l) => l.source.kind !== 'demo'));

export const createProjectSlice = (): SliceCreator<ProjectSlice> => (set, get) => ({
  demoChoice: null,
  savedDoc: null,
  freshDoc: null,
  requestImport(sources) {
    if (!sources.length) return Promise.resolve([]);
    if (get().demoChoice || demoLayerIds(get()).length) {
      set((s) => ({ demoChoice: { sources: [...(s.demoChoice?.sources ?? []), ...sources] } }));
      return Promise.resolve([]);
    }
    return get().importFiles(sources);
  },
  async answerDemoChoice(answer) {
    const choice = get().demoChoice;
    set({ demoChoice: null });
    if (!choice || answer === 'cancel') return [];
    if (answer === 'add') return get().importFiles(choice.sources);
    const ids = await get().importFiles(choice.sources, demoLayerIds(get()));
    // The demo is gone from the view: show the new data (OSM imports move the camera themselves).
    const box = unionBox(ids.map((id) => get().layerData[id]?.bbox ?? null));
    if (box) get().requestBounds(box);
    return ids;
  },
  newProject() {
    get().commit(newProject, {});
    get().clearSketch();
    get().clearResults();
    get().markFresh();
  },
  clearResults() {
    get().clearAnalysis();
    get().clearSafety();
    if (get().rules.job) get().rules.cancelRulesJob();
    const ids = new Set(get().doc.layers.map((l) => l.id));
    set((s) => ({
      rules: { ...s.rules, result: null, selectedGap: null, selectedUnit: null, suggestions: null, error: null },
      selection: s.selection && ids.has(s.selection.layerId) ? s.selection : null,
      mappingQueue: s.mappingQueue.filter((id) => ids.has(id)),
      reportLayerId: s.reportLayerId && ids.has(s.reportLayerId) ? s.reportLayerId : null,
    }));
  },
  markSaved: () => set((s) => ({ savedDoc: s.doc })),
  markFresh: () => set((s) => ({ freshDoc: s.doc })),
});
