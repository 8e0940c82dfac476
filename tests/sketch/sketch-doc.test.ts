import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_FEATURES } from '../../src/core/sketch';
import {
  addFeature, canRedo, canUndo, createSketchDoc, deleteFeature, getFeature, moveFeature, readFeatures, redo, undo, updateProperties,
} from '../../src/sketch/sketch-doc';

const pt = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });
const T0 = new Date('2026-12-03T10:00:00Z');
const T1 = new Date('2026-12-03T10:05:00Z');

describe('sketch document', () => {
  it('stores a feature as plain GeoJSON under its id in the features map, with timestamps', () => {
    const sd = createSketchDoc();
    const w = addFeature(sd, { id: 'a', geometry: pt(114.05, 22.54), properties: { kind: 'wish', emoji: '🛝', age_band: '7_12', group: 'class 3' } }, T0);
    expect(w.ok).toBe(true);
    // Read back through the raw Y.Map: exactly the document structure other programs rely on.
    expect(sd.ydoc.getMap('features').get('a')).toEqual({
      type: 'Feature', id: 'a', geometry: { type: 'Point', coordinates: [114.05, 22.54] },
      properties: { kind: 'wish', emoji: '🛝', age_band: '7_12', group: 'class 3', created: T0.toISOString(), updated: T0.toISOString() },
    });
  });

  it('moves a feature by replacing it whole, keeping its properties and created time', () => {
    const sd = createSketchDoc();
    addFeature(sd, { id: 'a', geometry: pt(1, 2), properties: { kind: 'danger' } }, T0);
    expect(moveFeature(sd, 'a', pt(3, 4), T1).ok).toBe(true);
    const f = getFeature(sd, 'a')!;
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [3, 4] });
    expect(f.properties).toEqual({ kind: 'danger', created: T0.toISOString(), updated: T1.toISOString() });
    expect(moveFeature(sd, 'missing', pt(0, 0)).ok).toBe(false);
  });

  it('deletes, and undo/redo walk back through add, move and delete', () => {
    const sd = createSketchDoc();
    addFeature(sd, { id: 'a', geometry: pt(1, 2), properties: { kind: 'favourite' } }, T0);
    moveFeature(sd, 'a', pt(5, 6), T1);
    expect(deleteFeature(sd, 'a')).toBe(true);
    expect(readFeatures(sd)).toEqual([]);
    expect(undo(sd)).toBe(true); // the delete
    expect(getFeature(sd, 'a')!.geometry.coordinates).toEqual([5, 6]);
    expect(undo(sd)).toBe(true); // the move
    expect(getFeature(sd, 'a')!.geometry.coordinates).toEqual([1, 2]);
    expect(undo(sd)).toBe(true); // the add
    expect(readFeatures(sd)).toEqual([]);
    expect(canUndo(sd)).toBe(false);
    expect(redo(sd)).toBe(true);
    expect(getFeature(sd, 'a')!.geometry.coordinates).toEqual([1, 2]);
    expect(canRedo(sd)).toBe(true);
  });

  it("undo never touches another person's edits", () => {
    const mine = createSketchDoc();
    const theirs = createSketchDoc();
    // Two replicas kept in step as a provider would (updates applied with a foreign origin).
    mine.ydoc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(theirs.ydoc, u, 'peer'));
    theirs.ydoc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(mine.ydoc, u, 'peer'));
    addFeature(mine, { id: 'm', geometry: pt(1, 1), properties: { kind: 'wish' } });
    addFeature(theirs, { id: 't', geometry: pt(2, 2), properties: { kind: 'danger' } });
    expect(readFeatures(mine).map((f) => f.id)).toEqual(['m', 't']);
    expect(undo(mine)).toBe(true);
    expect(undo(mine)).toBe(false); // nothing else of mine
    expect(readFeatures(mine).map((f) => f.id)).toEqual(['t']);
    expect(readFeatures(theirs).map((f) => f.id)).toEqual(['t']);
  });

  it('drops forbidden keys and refuses features without a kind or a usable geometry', () => {
    const sd = createSketchDoc();
    const w = addFeature(sd, { id: 'a', geometry: pt(1, 2), properties: { kind: 'wish', name: 'Lily', category: 'playground', note: 'x'.repeat(141) } });
    expect(w.ok).toBe(true);
    expect(getFeature(sd, 'a')!.properties).not.toHaveProperty('name');
    expect(getFeature(sd, 'a')!.properties).not.toHaveProperty('category'); // only proposals carry it
    expect(getFeature(sd, 'a')!.properties).not.toHaveProperty('note'); // over 140 characters
    expect(w.ok && w.issues.map((i) => i.code).sort()).toEqual(['bad_value', 'proposal_only', 'unknown_key']);
    expect(addFeature(sd, { id: 'b', geometry: pt(1, 2), properties: { kind: 'selfie' } })).toMatchObject({ ok: false, code: 'refused' });
    expect(addFeature(sd, { id: 'c', geometry: pt(200, 2), properties: { kind: 'wish' } })).toMatchObject({ ok: false, code: 'refused' });
    expect(addFeature(sd, { id: 'd', geometry: { type: 'MultiPoint', coordinates: [[1, 2]] }, properties: { kind: 'wish' } }).ok).toBe(false);
    expect(updateProperties(sd, 'a', { age_band: 'adult' }).ok && getFeature(sd, 'a')!.properties.age_band).toBeUndefined();
    expect(readFeatures(sd).map((f) => f.id)).toEqual(['a']);
  });

  it('a proposal keeps its category and source; a peer\'s bad value is left out when read', () => {
    const sd = createSketchDoc();
    addFeature(sd, { id: 'p', geometry: pt(1, 2), properties: { kind: 'proposal', category: 'playground', source_id: 'w1', status: 'open' } });
    expect(getFeature(sd, 'p')!.properties).toMatchObject({ category: 'playground', source_id: 'w1', status: 'open' });
    sd.features.set('bad', { type: 'Feature', id: 'bad', geometry: pt(1, 2), properties: {} });
    expect(readFeatures(sd).map((f) => f.id)).toEqual(['p']);
  });

  it('refuses a new feature once the sketch holds MAX_FEATURES', () => {
    const sd = createSketchDoc();
    sd.ydoc.transact(() => {
      for (let i = 0; i < MAX_FEATURES; i++) sd.features.set(`f${i}`, { type: 'Feature', id: `f${i}`, geometry: pt(0, 0), properties: { kind: 'wish' } });
    });
    expect(addFeature(sd, { id: 'one-more', geometry: pt(1, 1), properties: { kind: 'wish' } })).toMatchObject({ ok: false, code: 'too_many' });
    expect(moveFeature(sd, 'f0', pt(1, 1)).ok).toBe(true); // changing one that exists is fine
  });
});
