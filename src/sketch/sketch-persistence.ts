/**
 * The sketch kept as it is drawn (y-indexeddb's job, done here in a few lines over the autosave's storage
 * interface): after every change of the Y.Doc, whoever made it, the whole state as one Yjs update under
 * `sketch:<room>`. Writes never overlap; changes made during a write are written right after it. A
 * reload applies the stored update before anything else, so every stroke comes back and later merges
 * with a server like any offline edit.
 */
import * as Y from 'yjs';
import type { AutosaveStorage } from '../state/autosave/storage';

/** The IndexedDB database of sketches (apart from the project autosave, which clears its own records). */
export const SKETCH_DB = 'cfc-planner-sketch';
export const SKETCH_PREFIX = 'sketch:';
/** The sketch drawn without a workshop. */
export const LOCAL_ROOM = 'local';

export const sketchKey = (room: string): string => `${SKETCH_PREFIX}${room}`;

/** Transactions that only replay what storage held carry this origin (undo never tracks them). */
export const STORAGE_ORIGIN = { source: 'storage' };

/** Applies the stored sketch of `room` to `ydoc`; false when nothing (or nothing readable) was stored. */
export async function restoreSketch(ydoc: Y.Doc, storage: AutosaveStorage, room: string): Promise<boolean> {
  const stored = await storage.get(sketchKey(room));
  if (!(stored instanceof Uint8Array) || stored.length === 0) return false;
  try {
    Y.applyUpdate(ydoc, stored, STORAGE_ORIGIN);
    return true;
  } catch {
    return false; // a damaged record: the sketch starts empty and the next change overwrites it
  }
}

export interface SketchPersistence {
  /** Resolves when everything changed so far is written. */
  flush(): Promise<void>;
  stop(): void;
}

export function persistSketch(ydoc: Y.Doc, storage: AutosaveStorage, room: string, onError: (e: unknown) => void = () => {}): SketchPersistence {
  let dirty = false;
  let writing: Promise<void> | null = null;
  let stopped = false;

  function pump(): Promise<void> {
    if (writing) return writing;
    writing = (async () => {
      while (dirty && !stopped) {
        dirty = false;
        try {
          await storage.write([[sketchKey(room), Y.encodeStateAsUpdate(ydoc)]]);
        } catch (e) {
          onError(e);
        }
      }
    })().finally(() => {
      writing = null;
    });
    return writing;
  }

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === STORAGE_ORIGIN) return;
    dirty = true;
    void pump();
  };
  ydoc.on('update', onUpdate);
  return {
    async flush() {
      while (dirty || writing) await pump();
    },
    stop() {
      stopped = true;
      ydoc.off('update', onUpdate);
    },
  };
}

/** Forgets a room's stored sketch (an erased workshop). */
export function forgetSketch(storage: AutosaveStorage, room: string): Promise<void> {
  return storage.write([], [sketchKey(room)]);
}
