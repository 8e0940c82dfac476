/**
 * Where autosave records live, as an interface: the app passes IndexedDB (`idb.ts`), tests the in-memory
 * store below. A `write` is one transaction: every put and delete lands, or none (a killed tab never
 * leaves half a save).
 */
export interface AutosaveStorage {
  get(key: string): Promise<unknown>;
  keys(): Promise<string[]>;
  write(puts: readonly (readonly [string, unknown])[], deletes?: readonly string[]): Promise<void>;
}

/** Keys: the current session, its layers (one record per layer id and content version), records set aside. */
export const CURRENT_KEY = 'current';
export const LAYER_PREFIX = 'layer:';
export const ASIDE_PREFIX = 'aside:';

export const layerKey = (layerId: string, version: string) => `${LAYER_PREFIX}${layerId}:${version}`;

/** An in-memory AutosaveStorage (tests; a browser without IndexedDB keeps the session in memory only). */
export function memoryStorage(initial: Iterable<readonly [string, unknown]> = []): AutosaveStorage & { readonly map: Map<string, unknown>; writes: number } {
  const map = new Map<string, unknown>(initial);
  const self = {
    map,
    writes: 0,
    get: (key: string) => Promise.resolve(map.get(key)),
    keys: () => Promise.resolve([...map.keys()].sort()),
    write(puts: readonly (readonly [string, unknown])[], deletes: readonly string[] = []) {
      self.writes++;
      for (const k of deletes) map.delete(k);
      for (const [k, v] of puts) map.set(k, v);
      return Promise.resolve();
    },
  };
  return self;
}
