/**
 * Content versions of layer data. Layer data is immutable (a fix or "keep fields" makes a new object), so
 * one object and one role (what is saved depends on the role: personal fields) is one version, and one
 * storage key. Keys carry a per-session nonce, so they never collide with a previous session's records.
 */
import type { LayerData } from '../types';
import { layerKey } from './storage';

export class LayerVersions {
  private readonly keys = new WeakMap<LayerData, Map<string, string>>();
  private n = 0;

  constructor(private readonly nonce: string) {}

  /** The storage key for this layer's data as saved under this role; a new one for new content. */
  keyOf(layerId: string, data: LayerData, role: string): string {
    let byRole = this.keys.get(data);
    if (!byRole) this.keys.set(data, (byRole = new Map()));
    let key = byRole.get(role);
    if (!key) byRole.set(role, (key = layerKey(layerId, `${this.nonce}.${++this.n}`)));
    return key;
  }

  /** After a restore: this data is already stored under `key` (so it is not written again). */
  seed(data: LayerData, role: string, key: string): void {
    let byRole = this.keys.get(data);
    if (!byRole) this.keys.set(data, (byRole = new Map()));
    byRole.set(role, key);
  }
}

export const sessionNonce = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
