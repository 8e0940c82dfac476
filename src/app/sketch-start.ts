/**
 * The sketch at start: its IndexedDB database (apart from the project autosave), the local sketch or the
 * workshop named in the link restored from it, then the workshop joined.
 */
import { idbStorage } from '../state/autosave/idb';
import { memoryStorage } from '../state/autosave/storage';
import { SKETCH_DB } from '../sketch/sketch-persistence';
import { parseWorkshopLink } from '../sketch/workshop-link';
import type { AppStore } from '../state';
import { joinWorkshop } from './workshop-connection';

export async function startSketch(store: AppStore, hash: string, host: string): Promise<void> {
  const storage = (await idbStorage(globalThis.indexedDB, SKETCH_DB)) ?? memoryStorage();
  await store.getState().attachSketchStorage(storage);
  const link = parseWorkshopLink(hash, host);
  if (!link) return;
  store.getState().setOpenPanel('sketch');
  await joinWorkshop(store, link);
}
