/**
 * Start-up with autosave: reopen the last session from IndexedDB when there is one, else (or when it
 * cannot be reopened) load the demo city, which counts as a fresh start; then keep saving as the user
 * works, and write at once when the tab is hidden or closed. Only the tab holding the autosave lock
 * writes (autosave-owner.ts); another tab of the app says so and can take over.
 */
import type { AppStore, View } from '../state';
import { idbStorage, restoreAutosave, startAutosave, type AutosaveWriter } from '../state/autosave';
import { claimAutosave } from './autosave-owner';

export async function startWithAutosave(store: AppStore, opts: { loadDemo: (() => Promise<unknown>) | null; view: View | null; readOnly?: boolean }): Promise<void> {
  const storage = await idbStorage();
  const outcome = storage ? await restoreAutosave(store, storage, { loadDemo: opts.loadDemo ?? undefined, view: opts.view }) : { kind: 'none' as const };
  if (outcome.kind !== 'restored') {
    if (opts.loadDemo && !(outcome.kind === 'failed' && outcome.demoLoaded)) await opts.loadDemo();
    store.getState().markFresh();
  }
  // A results wall shows the project this browser has open and never writes it (nor asks to).
  if (!storage || opts.readOnly) return;
  let writer: AutosaveWriter | null = null;
  // Layer records this start found stored: not written again while unchanged (the writer checks they still are).
  const seeds = outcome.kind === 'restored' ? outcome.seeds : undefined;
  const ownership = claimAutosave({
    own(takeOver) {
      writer = startAutosave(store, storage, seeds ? { seeds } : {});
      if (takeOver) void writer.flush(); // the user asked for this tab's work to be the one kept
    },
    async lose() {
      const w = writer;
      writer = null;
      if (!w) return;
      await w.flush();
      w.stop();
    },
    state: (tab) => store.getState().setAutosaveTab(tab, () => ownership?.takeOver()),
  });
  const save = () => void writer?.flush();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });
  window.addEventListener('pagehide', save);
}
