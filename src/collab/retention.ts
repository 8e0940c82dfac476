import * as Y from 'yjs';
import { META_MAP, isExpired } from '../core/sketch';
import type { WorkshopStore } from './sqlite-store';

// At start, every stored workshop older than its meta.retention_days is erased.

export function expiredWorkshops(store: WorkshopStore, nowMs: number): string[] {
  const out: string[] = [];
  for (const name of store.names()) {
    const state = store.get(name);
    if (!state) continue;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      if (isExpired(doc.getMap(META_MAP).toJSON(), nowMs)) out.push(name);
    } finally {
      doc.destroy();
    }
  }
  return out;
}

/** `onErase` sees each workshop's state just before it goes. */
export function eraseExpired(
  store: WorkshopStore,
  nowMs: number,
  onErase: (name: string, state: Uint8Array) => void = () => {},
): string[] {
  const names = expiredWorkshops(store, nowMs);
  for (const name of names) {
    const state = store.get(name);
    if (state) onErase(name, state);
    store.delete(name);
  }
  return names;
}
