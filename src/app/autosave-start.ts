/**
 * Start-up with autosave: reopen the last session from IndexedDB when there is one, else (or when it
 * cannot be reopened) load the demo city, which counts as a fresh start; then keep saving as the user
 * works, and write at once when the tab is hidden or closed.
 */
import type { AppStore, View } from '../state';
import { idbStorage, restoreAutosave, startAutosave, type AutosaveWriter } from '../state/autosave';

export async function startWithAutosave(store: AppStore, opts: { loadDemo: (() => Promise<unknown>) | null; view: View | null }): Promise<AutosaveWriter | null> {
  const storage = await idbStorage();
  const outcome = storage ? await restoreAutosave(store, storage, { loadDemo: opts.loadDemo ?? undefined, view: opts.view }) : { kind: 'none' as const };
  if (outcome.kind !== 'restored') {
    if (opts.loadDemo && !(outcome.kind === 'failed' && outcome.demoLoaded)) await opts.loadDemo();
    store.getState().markFresh();
  }
  if (!storage) return null;
  const writer = startAutosave(store, storage, outcome.kind === 'restored' ? { seeds: outcome.seeds } : {});
  const save = () => void writer.flush();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });
  window.addEventListener('pagehide', save);
  return writer;
}
