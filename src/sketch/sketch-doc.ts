/**
 * One sketch as a Yjs document with exactly the structure of docs/co-sketch.md: `features` (id → a plain
 * GeoJSON Feature, replaced whole on every change) and `meta`. Every write goes through core/sketch's
 * sanitizer; undo and redo reach only this client's edits (Y.UndoManager tracking the local origin).
 * No DOM here: the same module runs in the browser and in unit tests.
 */
import * as Y from 'yjs';
import {
  FEATURES_MAP,
  META_MAP,
  MAX_FEATURES,
  sanitizeFeature,
  type SketchFeature,
  type SketchGeometry,
  type SketchIssue,
} from '../core/sketch';

export interface SketchDoc {
  readonly ydoc: Y.Doc;
  readonly features: Y.Map<unknown>;
  readonly meta: Y.Map<unknown>;
  /** The origin of this client's own transactions; the only one undo tracks. */
  readonly origin: object;
  readonly undoManager: Y.UndoManager;
}

export type SketchRefusal = 'refused' | 'too_many' | 'no_feature';

export type SketchWrite =
  | { readonly ok: true; readonly feature: SketchFeature; readonly issues: readonly SketchIssue[] }
  | { readonly ok: false; readonly code: SketchRefusal; readonly issues: readonly SketchIssue[] };

export function createSketchDoc(ydoc: Y.Doc = new Y.Doc()): SketchDoc {
  const features = ydoc.getMap<unknown>(FEATURES_MAP);
  const origin = { client: 'local' };
  // captureTimeout 0: every edit is its own undo step (a sticker, a route, a move).
  const undoManager = new Y.UndoManager(features, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  return { ydoc, features, meta: ydoc.getMap<unknown>(META_MAP), origin, undoManager };
}

export function destroySketchDoc(sd: SketchDoc): void {
  sd.undoManager.destroy();
  sd.ydoc.destroy();
}

/** A new feature id: random, stable for the feature's life, never derived from a person. */
export function newFeatureId(): string {
  return globalThis.crypto.randomUUID();
}

function write(sd: SketchDoc, id: string, value: unknown): SketchWrite {
  const { feature, issues } = sanitizeFeature(id, value);
  if (!feature) return { ok: false, code: 'refused', issues };
  sd.ydoc.transact(() => sd.features.set(id, feature), sd.origin);
  return { ok: true, feature, issues };
}

export interface NewFeature {
  readonly id?: string;
  readonly geometry: SketchGeometry | unknown;
  /** Checked by the sanitizer: anything else is dropped or refused there. */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** Adds a feature (created and updated set to `now`); refused when the sanitizer drops it or the sketch is full. */
export function addFeature(sd: SketchDoc, input: NewFeature, now: Date = new Date()): SketchWrite {
  const id = input.id ?? newFeatureId();
  if (!sd.features.has(id) && sd.features.size >= MAX_FEATURES) return { ok: false, code: 'too_many', issues: [] };
  const stamp = now.toISOString();
  return write(sd, id, { type: 'Feature', id, geometry: input.geometry, properties: { ...input.properties, created: stamp, updated: stamp } });
}

/** The stored feature, sanitised (a remote peer may have written anything). */
export function getFeature(sd: SketchDoc, id: string): SketchFeature | null {
  const v = sd.features.get(id);
  return v === undefined ? null : sanitizeFeature(id, v).feature;
}

/** Replaces the geometry (a drag writes once, when it ends); the properties stay. */
export function moveFeature(sd: SketchDoc, id: string, geometry: unknown, now: Date = new Date()): SketchWrite {
  const old = getFeature(sd, id);
  if (!old) return { ok: false, code: 'no_feature', issues: [] };
  return write(sd, id, { ...old, geometry, properties: { ...old.properties, updated: now.toISOString() } });
}

/** Changes some properties (a status, a note); `undefined` removes a key. */
export function updateProperties(sd: SketchDoc, id: string, patch: Record<string, unknown>, now: Date = new Date()): SketchWrite {
  const old = getFeature(sd, id);
  if (!old) return { ok: false, code: 'no_feature', issues: [] };
  const properties: Record<string, unknown> = { ...old.properties };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete properties[k];
    else properties[k] = v;
  }
  properties.updated = now.toISOString();
  return write(sd, id, { ...old, properties });
}

export function deleteFeature(sd: SketchDoc, id: string): boolean {
  if (!sd.features.has(id)) return false;
  sd.ydoc.transact(() => sd.features.delete(id), sd.origin);
  return true;
}

/** Every storable feature, in id order; what does not pass the rules is left out. */
export function readFeatures(sd: SketchDoc): SketchFeature[] {
  const out: SketchFeature[] = [];
  for (const key of [...sd.features.keys()].sort()) {
    const f = sanitizeFeature(key, sd.features.get(key)).feature;
    if (f) out.push(f);
  }
  return out;
}

export const undo = (sd: SketchDoc): boolean => sd.undoManager.undo() !== null;
export const redo = (sd: SketchDoc): boolean => sd.undoManager.redo() !== null;
export const canUndo = (sd: SketchDoc): boolean => sd.undoManager.canUndo();
export const canRedo = (sd: SketchDoc): boolean => sd.undoManager.canRedo();
