import { describe, expect, it } from 'vitest';
import { projectSchema } from '../../src/core/model';
import { layerActions as A, createAppStore } from '../../src/state';
import { bytesOf, fakeIo, fc } from './fake-io';

describe('app store', () => {
  it('loads files in order as one step, keeps data beside the document, and stays serialisable', async () => {
    const store = createAppStore({ io: fakeIo() });
    const ids = await store.getState().loadFiles([
      { source: { fileName: 'playground.geojson', bytes: bytesOf(fc(3)) } },
      { source: { fileName: 'b.geojson', bytes: bytesOf(fc(2)) }, role: 'homes', names: { en: 'B', zh: '乙' } },
    ]);
    const s = store.getState();
    expect(s.doc.layers.map((l) => [l.id, l.role, l.name, l.category])).toEqual([
      [ids[0], 'other', 'playground', undefined],
      [ids[1], 'homes', 'B', undefined],
    ]);
    expect(s.layerData[ids[0]].featureCount).toBe(3);
    expect(s.layerData[ids[1]].names?.zh).toBe('乙');
    expect(s.history.past).toHaveLength(1);
    expect(s.jobs).toEqual({});
    expect(projectSchema.safeParse(JSON.parse(JSON.stringify(s.doc))).success).toBe(true);
  });

  it('a broken file becomes an error naming the file; earlier layers are untouched', async () => {
    const store = createAppStore({ io: fakeIo() });
    await store.getState().loadFiles([{ source: { fileName: 'good.geojson', bytes: bytesOf(fc(1)) } }]);
    const before = store.getState().doc;
    const ids = await store.getState().loadFiles([{ source: { fileName: 'bad.geojson', bytes: bytesOf('{nope') } }]);
    expect(ids).toEqual([]);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().errors).toMatchObject([{ subject: 'bad.geojson', error: { code: 'bad-json' } }]);
    store.getState().dismissError(store.getState().errors[0].id);
    expect(store.getState().errors).toEqual([]);
  });

  it('remove is undoable and the data survives for redo', async () => {
    const store = createAppStore({ io: fakeIo() });
    const [id] = await store.getState().loadFiles([{ source: { fileName: 'a.geojson', bytes: bytesOf(fc(1)) } }], 'skip');
    expect(store.getState().history.past).toHaveLength(0);
    store.getState().commit(A.removeLayer, { id });
    expect(store.getState().doc.layers).toHaveLength(0);
    store.getState().undo();
    expect(store.getState().doc.layers.map((l) => l.id)).toEqual([id]);
    expect(store.getState().layerData[id]).toBeDefined();
    store.getState().redo();
    expect(store.getState().doc.layers).toHaveLength(0);
  });

  it('zoomToLayer asks the map for the layer bbox; session changes are not in history', async () => {
    const store = createAppStore({ io: fakeIo() }, { session: { language: 'zh' } });
    const [id] = await store.getState().loadFiles([{ source: { fileName: 'a.geojson', bytes: bytesOf(fc(1)) } }]);
    store.getState().zoomToLayer(id);
    expect(store.getState().cameraRequest).toMatchObject({ kind: 'bbox', bbox: [0, 0, 1, 1] });
    store.getState().select({ layerId: id, featureIndex: 0 });
    expect(store.getState().language).toBe('zh');
    expect(store.getState().history.past).toHaveLength(1);
  });
});
