/**
 * The sketch at start: its IndexedDB database (apart from the project autosave), the local sketch or the
 * workshop named in the link restored from it, then the workshop joined. A results-wall link joins
 * read-only and keeps nothing.
 */
import { idbStorage } from '../state/autosave/idb';
import { memoryStorage } from '../state/autosave/storage';
import { SKETCH_DB } from '../sketch/sketch-persistence';
import { parseWorkshopLink } from '../sketch/workshop-link';
import type { AppStore } from '../state';
import { joinWorkshop } from './workshop-connection';

export async function startSketch(store: AppStore, hash: string, host: string): Promise<void> {
  const link = parseWorkshopLink(hash, host);
  if (link?.wall) {
    // The results wall keeps nothing in this browser: its sketch is the server's, and a second tab of the
    // desk's browser must never write the desk's stored sketch over with its own copy.
    store.getState().setWall(true);
    await joinWorkshop(store, link);
    return;
  }
  const storage = (await idbStorage(globalThis.indexedDB, SKETCH_DB)) ?? memoryStorage();
  await store.getState().attachSketchStorage(storage);
  if (!link) return;
  store.getState().setOpenPanel('sketch');
  await joinWorkshop(store, link);
}
