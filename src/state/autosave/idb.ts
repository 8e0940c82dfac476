/**
 * IndexedDB as an AutosaveStorage: one database, one object store of key → value (structured clones, so
 * layer data can be stored as Blobs, which the browser writes off the main thread). No library: the few
 * calls below are all the autosave needs.
 */
import type { AutosaveStorage } from './storage';

export const AUTOSAVE_DB = 'cfc-planner-autosave';
export const AUTOSAVE_STORE = 'records';

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

const finished = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

function openDb(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const req = factory.open(name, 1);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(AUTOSAVE_STORE)) req.result.createObjectStore(AUTOSAVE_STORE);
  };
  return done(req);
}

/** Null when IndexedDB is missing or refuses to open (some private modes): the app then runs without autosave. */
export async function idbStorage(factory: IDBFactory | undefined = globalThis.indexedDB, name = AUTOSAVE_DB): Promise<AutosaveStorage | null> {
  if (!factory) return null;
  let db: IDBDatabase;
  try {
    db = await openDb(factory, name);
  } catch {
    return null;
  }
  // Default durability: a killed tab is a dead renderer; the browser process still commits the transaction.
  const store = (mode: IDBTransactionMode) => {
    const tx = db.transaction(AUTOSAVE_STORE, mode);
    return { tx, os: tx.objectStore(AUTOSAVE_STORE) };
  };
  return {
    get: (key) => done(store('readonly').os.get(key)),
    keys: async () => (await done(store('readonly').os.getAllKeys())).map(String),
    write(puts, deletes = []) {
      const { tx, os } = store('readwrite');
      for (const k of deletes) os.delete(k);
      for (const [k, v] of puts) os.put(v, k);
      return finished(tx);
    },
  };
}
