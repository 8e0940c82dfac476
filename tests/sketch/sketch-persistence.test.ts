import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memoryStorage } from '../../src/state/autosave/storage';
import { addFeature, canUndo, createSketchDoc, deleteFeature, moveFeature, readFeatures } from '../../src/sketch/sketch-doc';
import { persistSketch, restoreSketch, sketchKey } from '../../src/sketch/sketch-persistence';

const pt = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

describe('sketch persistence', () => {
  it('a reload restores every stroke written so far, and nothing of another room', async () => {
    const storage = memoryStorage();
    const a = createSketchDoc();
    const p = persistSketch(a.ydoc, storage, 'room-1');
    addFeature(a, { id: 's1', geometry: pt(1, 2), properties: { kind: 'wish', emoji: '🌳' } });
    addFeature(a, { id: 'r1', geometry: { type: 'LineString', coordinates: [[1, 2], [1.001, 2.001]] }, properties: { kind: 'route' } });
    addFeature(a, { id: 'x', geometry: pt(3, 3), properties: { kind: 'danger' } });
    moveFeature(a, 's1', pt(1.5, 2.5));
    deleteFeature(a, 'x');
    await p.flush();
    p.stop();
    expect(storage.map.get(sketchKey('room-1'))).toBeInstanceOf(Uint8Array);

    const b = createSketchDoc(); // the reloaded tab
    expect(await restoreSketch(b.ydoc, storage, 'room-1')).toBe(true);
    expect(readFeatures(b)).toEqual(readFeatures(a));
    expect(readFeatures(b).map((f) => [f.id, f.geometry.coordinates])).toEqual([
      ['r1', [[1, 2], [1.001, 2.001]]],
      ['s1', [1.5, 2.5]],
    ]);
    // The restore itself is not an edit of this person's: nothing to undo.
    expect(canUndo(b)).toBe(false);
    expect(await restoreSketch(createSketchDoc().ydoc, storage, 'room-2')).toBe(false);
  });

  it('coalesces rapid changes into few writes, and the last write holds the last change', async () => {
    const storage = memoryStorage();
    const a = createSketchDoc();
    const p = persistSketch(a.ydoc, storage, 'local');
    for (let i = 0; i < 50; i++) addFeature(a, { id: `f${i}`, geometry: pt(i / 100, 0), properties: { kind: 'favourite' } });
    await p.flush();
    expect(storage.writes).toBeLessThan(50);
    const b = new Y.Doc();
    Y.applyUpdate(b, storage.map.get(sketchKey('local')) as Uint8Array);
    expect(b.getMap('features').size).toBe(50);
  });

  it('a restored sketch merges with edits made elsewhere meanwhile, without duplicates', async () => {
    const storage = memoryStorage();
    const tab = createSketchDoc();
    const p = persistSketch(tab.ydoc, storage, 'w');
    addFeature(tab, { id: 'mine', geometry: pt(1, 1), properties: { kind: 'wish' } });
    await p.flush();
    // The server's copy: what the tab sent before it died, plus a peer's feature.
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(tab.ydoc));
    server.getMap('features').set('peer', { type: 'Feature', id: 'peer', geometry: pt(2, 2), properties: { kind: 'danger' } });
    const reloaded = createSketchDoc();
    await restoreSketch(reloaded.ydoc, storage, 'w');
    Y.applyUpdate(reloaded.ydoc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(reloaded.ydoc)));
    expect(readFeatures(reloaded).map((f) => f.id)).toEqual(['mine', 'peer']);
  });

  it('a damaged record is ignored, not thrown', async () => {
    const storage = memoryStorage([[sketchKey('local'), new Uint8Array([1, 2, 3, 250, 9])]]);
    const sd = createSketchDoc();
    expect(await restoreSketch(sd.ydoc, storage, 'local')).toBe(false);
    expect(readFeatures(sd)).toEqual([]);
  });
});
