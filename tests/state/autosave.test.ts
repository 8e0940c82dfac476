/**
 * Autosave (issue 13, item 10) against an in-memory storage: what is written when (layer records only for
 * new content, the session record when anything shown changes, nothing while the document is fresh), the
 * round trip through the real project reader, and every broken-record path (set aside, one message).
 */
import type { FeatureCollection } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { createIoService } from '../../src/core/io/io-service';
import { createAppStore, hasUnsavedWork, layerActions, type AppStore, type LoadItem } from '../../src/state';
import { ASIDE_PREFIX, CURRENT_KEY, LAYER_PREFIX, memoryStorage, readSessionRecord, restoreAutosave, startAutosave, type LayerRecord, type SessionRecord } from '../../src/state/autosave';
import { keepPersonalFields } from '../../src/state/personal-fields';
import { bytesOf, fakeIo } from './fake-io';

const newStore = (): AppStore => createAppStore({ io: { ...fakeIo(), readProject: createIoService().readProject } });

const pts = (n: number, props: (i: number) => Record<string, unknown> = (i) => ({ name: `p${i}` })): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [114 + i / 1000, 22.5] }, properties: props(i) })),
});

const item = (fileName: string, data: FeatureCollection, extra: Partial<LoadItem> = {}): LoadItem => ({ source: { fileName, bytes: bytesOf(data) }, ...extra });

async function twoLayers(store: AppStore): Promise<[string, string]> {
  const ids = await store.getState().loadFiles([
    item('homes.geojson', pts(5, (i) => ({ name: `h${i}`, children_0_3: i })), { role: 'homes' }),
    item('playgrounds.geojson', pts(3), { role: 'facilities', category: 'playground' }),
  ]);
  return [ids[0]!, ids[1]!];
}

const layerKeys = (m: Map<string, unknown>) => [...m.keys()].filter((k) => k.startsWith(LAYER_PREFIX)).sort();
const session = (m: Map<string, unknown>) => m.get(CURRENT_KEY) as SessionRecord | undefined;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('autosave: what is written when', () => {
  it('each layer once per content version; edits to the document rewrite only the small session record', async () => {
    const a = newStore();
    const [homes, pg] = await twoLayers(a);
    const storage = memoryStorage();
    const w = startAutosave(a, storage);
    await w.flush();
    expect(w.stats).toEqual({ sessions: 1, layers: 2, clears: 0 });
    const first = layerKeys(storage.map);
    expect(first).toHaveLength(2);
    expect(session(storage.map)!.layers.map((l) => l.key).sort()).toEqual(first);

    a.getState().commit(layerActions.setLayerOpacity, { id: pg, opacity: 0.5 });
    a.getState().setOpenPanel('analysis');
    await w.flush();
    expect(w.stats).toEqual({ sessions: 2, layers: 2, clears: 0 });
    expect(layerKeys(storage.map)).toEqual(first);
    expect(session(storage.map)!.openPanel).toBe('analysis');

    // Nothing changed: nothing written.
    const writes = storage.writes;
    await w.flush();
    expect(storage.writes).toBe(writes);

    // New content for one layer (as a fix makes it): that layer alone is written, its old record goes.
    a.setState((s) => ({ layerData: { ...s.layerData, [pg]: { ...s.layerData[pg]!, data: pts(4), featureCount: 4 } } }));
    await w.flush();
    expect(w.stats.layers).toBe(3);
    const second = layerKeys(storage.map);
    expect(second).toHaveLength(2);
    expect(second.filter((k) => first.includes(k))).toEqual(first.filter((k) => k.startsWith(`${LAYER_PREFIX}${homes}:`)));
    expect(second.find((k) => !first.includes(k))).toMatch(new RegExp(`^${LAYER_PREFIX}${pg}:`));
    expect(session(storage.map)!.layers.find((l) => l.id === pg)!.featureCount).toBe(4);

    // What is saved depends on the role (personal fields): a role change is a new version.
    a.getState().commit(layerActions.setLayerRole, { id: homes, role: 'other' });
    await w.flush();
    expect(w.stats.layers).toBe(4);
    expect(layerKeys(storage.map)).toHaveLength(2);
    w.stop();
  });

  it('writes after a quiet moment, not on every change, and at the latest after the longest wait', async () => {
    const a = newStore();
    const [, pg] = await twoLayers(a);
    const storage = memoryStorage();
    const w = startAutosave(a, storage, { debounceMs: 300, maxWaitMs: 1000 });
    for (let i = 1; i <= 4; i++) {
      a.getState().commit(layerActions.setLayerOpacity, { id: pg, opacity: i / 10 });
      await wait(20);
    }
    expect(storage.writes).toBe(0);
    await wait(600);
    expect(w.stats.sessions).toBe(1);
    expect(JSON.parse(session(storage.map)!.doc).layers[1].opacity).toBe(0.4);
    // Changes every 40 ms never leave 300 ms of quiet; the longest wait still writes them.
    const t0 = Date.now();
    while (Date.now() - t0 < 1600) {
      a.getState().setView({ zoom: 12, lat: 22.5, lng: 114 + (Date.now() - t0) / 1e5 });
      await wait(40);
    }
    expect(w.stats.sessions).toBeGreaterThanOrEqual(2);
    w.stop();
  });

  it('keeps nothing while the document is fresh; an edit keeps it; undo back or New project clears it at once', async () => {
    const a = newStore();
    await a.getState().loadFiles([item('homes.fgb', pts(4), { role: 'homes', demoFile: 'homes.fgb' })], 'skip');
    a.getState().markFresh();
    // A layer record from an earlier session that nothing points at.
    const storage = memoryStorage([[`${LAYER_PREFIX}old:x`, { format: 1 }]]);
    const w = startAutosave(a, storage);
    a.getState().setView({ zoom: 13, lat: 22.5, lng: 114 });
    a.getState().setOpenPanel('rules');
    await w.flush();
    expect(session(storage.map)).toBeUndefined();
    expect(layerKeys(storage.map)).toEqual([]);

    const demo = a.getState().doc.layers[0]!.id;
    a.getState().commit(layerActions.setLayerVisible, { id: demo, visible: false });
    await w.flush();
    // Demo layers are references: only the session record.
    expect(session(storage.map)!.layers).toEqual([]);
    expect(JSON.parse(session(storage.map)!.doc).layers[0]).toMatchObject({ visible: false, source: { kind: 'demo', file: 'homes.fgb' } });
    a.getState().undo();
    await w.flush();
    expect(session(storage.map)).toBeUndefined();

    await a.getState().loadFiles([item('pg.geojson', pts(2))]);
    await w.flush();
    expect(layerKeys(storage.map)).toHaveLength(1);
    a.getState().newProject();
    await wait(30);
    expect(session(storage.map)).toBeUndefined();
    expect(layerKeys(storage.map)).toEqual([]);
    w.stop();
  });

  it('never stores personal fields, even kept for the session', async () => {
    const a = newStore();
    const [id] = await a.getState().loadFiles([item('homes.geojson', pts(2, (i) => ({ child_name: `kid ${i}`, children_0_3: 1 })), { role: 'homes' })]);
    keepPersonalFields(a, id!);
    expect(a.getState().layerData[id!]!.data.features[0]!.properties).toHaveProperty('child_name');
    const storage = memoryStorage();
    await startAutosave(a, storage).flush();
    const rec = storage.map.get(layerKeys(storage.map)[0]!) as LayerRecord;
    const text = await rec.data.text();
    expect(JSON.parse(text).features).toHaveLength(2);
    expect(text).not.toContain('child_name');
    expect(text).not.toContain('kid 0');
  });
});

describe('autosave: reopening', () => {
  it('a reload reopens the same layers, edits, view and panel through the project reader, with a fresh undo history', async () => {
    const a = newStore();
    const [homes, pg] = await twoLayers(a);
    a.getState().commit(layerActions.moveLayer, { id: homes, delta: 1 });
    a.getState().commit(layerActions.setLayerVisible, { id: pg, visible: false });
    a.getState().commit(layerActions.renameLayer, { id: pg, name: 'Spielplätze "north"' });
    a.getState().setView({ zoom: 14.5, lat: 22.51, lng: 114.002 });
    a.getState().setOpenPanel('analysis');
    const storage = memoryStorage();
    await startAutosave(a, storage).flush();

    const b = newStore();
    const loadDemo = vi.fn(() => Promise.resolve());
    const out = await restoreAutosave(b, storage, { loadDemo });
    expect(out.kind).toBe('restored');
    expect(loadDemo).not.toHaveBeenCalled();
    const s = b.getState();
    expect(s.errors).toEqual([]);
    // Moved up: the homes are drawn above the renamed, hidden playgrounds.
    expect(s.doc.layers.map((l) => [l.name, l.visible])).toEqual([['Spielplätze "north"', false], ['homes', true]]);
    expect(JSON.parse(s.projectJson())).toEqual(JSON.parse(a.getState().projectJson()));
    expect(s.doc.layers.map((l) => s.layerData[l.id]!.data.features)).toEqual(a.getState().doc.layers.map((l) => a.getState().layerData[l.id]!.data.features));
    expect(s.cameraRequest).toMatchObject({ kind: 'view', view: { zoom: 14.5, lat: 22.51, lng: 114.002 } });
    expect(s.openPanel).toBe('analysis');
    expect(s.history.past).toEqual([]);
    // Not saved to a file before the reload: still unsaved after it.
    expect(hasUnsavedWork(s)).toBe(true);

    // The reopened layers are known to be stored: the next write adds no layer record.
    if (out.kind !== 'restored') return;
    const before = layerKeys(storage.map);
    const w = startAutosave(b, storage, { seeds: out.seeds });
    b.getState().commit(layerActions.setLayerOpacity, { id: s.doc.layers[0]!.id, opacity: 0.3 });
    await w.flush();
    expect(w.stats).toMatchObject({ sessions: 1, layers: 0 });
    expect(layerKeys(storage.map)).toEqual(before);
  });

  it('a session with demo layers loads the demo first, then reopens on it', async () => {
    const demo = item('homes.fgb', pts(4), { role: 'homes', demoFile: 'homes.fgb' });
    const a = newStore();
    await a.getState().loadFiles([demo], 'skip');
    a.getState().markFresh();
    const storage = memoryStorage();
    const w = startAutosave(a, storage);
    await a.getState().loadFiles([item('pg.geojson', pts(2))]);
    a.getState().commit(layerActions.setLayerVisible, { id: a.getState().doc.layers[0]!.id, visible: false });
    await w.flush();

    const b = newStore();
    const out = await restoreAutosave(b, storage, { loadDemo: () => b.getState().loadFiles([demo], 'skip') });
    expect(out.kind).toBe('restored');
    expect(b.getState().doc.layers.map((l) => [l.name, l.visible, l.source.kind])).toEqual([['homes', false, 'demo'], ['pg', true, 'inline']]);
    expect(b.getState().layerData[b.getState().doc.layers[0]!.id]!.featureCount).toBe(4);
  });

  it('nothing stored: nothing happens', async () => {
    const b = newStore();
    expect(await restoreAutosave(b, memoryStorage())).toEqual({ kind: 'none' });
    expect(b.getState().errors).toEqual([]);
  });
});

describe('autosave: broken records', () => {
  const at = Date.UTC(2026, 0, 2, 3, 4, 5);
  const asideKey = `${ASIDE_PREFIX}2026-01-02T03:04:05.000Z`;

  async function saved(): Promise<ReturnType<typeof memoryStorage>> {
    const a = newStore();
    await twoLayers(a);
    const storage = memoryStorage();
    await startAutosave(a, storage).flush();
    return storage;
  }

  async function expectRefused(storage: ReturnType<typeof memoryStorage>, code: string, detail: RegExp) {
    const raw = storage.map.get(CURRENT_KEY);
    const b = newStore();
    const empty = b.getState().doc;
    const out = await restoreAutosave(b, storage, { now: () => at });
    expect(out).toMatchObject({ kind: 'failed', code, demoLoaded: false });
    // One message, about the autosave, with the reason.
    expect(b.getState().errors).toHaveLength(1);
    expect(b.getState().errors[0]).toMatchObject({ subject: 'autosave', error: { code: `autosave.${code}` } });
    expect(String(b.getState().errors[0]!.error.params?.['detail'])).toMatch(detail);
    expect(b.getState().doc).toBe(empty);
    // Set aside as it was, not deleted; the next start does not trip over it again.
    expect(storage.map.has(CURRENT_KEY)).toBe(false);
    expect(storage.map.get(asideKey)).toEqual(raw);
    expect(await restoreAutosave(newStore(), storage)).toEqual({ kind: 'none' });
    return b;
  }

  it.each([
    ['junk', 'not a record {', 'damaged', /not an object/],
    ['no format', { doc: '{}' }, 'damaged', /format/],
    ['a newer format', { format: 7, anything: true }, 'too-new', /format 7/],
    ['fields missing', { format: 1, doc: '{"layers": []}' }, 'damaged', /savedAt|layers|view/],
  ])('%s: the demo path, with a message; the record kept aside', async (_n, raw, code, detail) => {
    await expectRefused(memoryStorage([[CURRENT_KEY, raw]]), code, detail);
  });

  it('a document the project reader refuses (newer schemaVersion): too new; its layer records stay with it', async () => {
    const storage = await saved();
    const rec = session(storage.map)!;
    storage.map.set(CURRENT_KEY, { ...rec, doc: rec.doc.replace(/"schemaVersion": \d+/, '"schemaVersion": 99') });
    const keys = layerKeys(storage.map);
    const b = await expectRefused(storage, 'too-new', /schemaVersion 99/);
    // The demo starts fresh and autosave runs: the set-aside session's layers are not collected.
    b.getState().markFresh();
    await startAutosave(b, storage).flush();
    expect(layerKeys(storage.map)).toEqual(keys);
  });

  it('a layer record missing or unreadable: damaged, naming the layer', async () => {
    const storage = await saved();
    const [k0, k1] = layerKeys(storage.map);
    storage.map.delete(k0!);
    const id = session(storage.map)!.layers.find((l) => l.key === k0)!.id;
    await expectRefused(storage, 'damaged', new RegExp(`layer ${id}`));

    const other = await saved();
    other.map.set(layerKeys(other.map)[0]!, { format: 1, layerId: 'x', featureCount: 1, data: 'not a blob' });
    await expectRefused(other, 'damaged', /unreadable/);
    // The record that was there is kept with the set-aside session.
    expect(storage.map.has(k1!)).toBe(true);
  });

  it('features that are not JSON: refused by the project reader, reported as damaged', async () => {
    const storage = await saved();
    const key = layerKeys(storage.map)[0]!;
    storage.map.set(key, { ...(storage.map.get(key) as LayerRecord), data: new Blob(['{"type":"FeatureCollection","features":[{"type":']) });
    await expectRefused(storage, 'damaged', /./);
  });

  it('keeps only the newest three set-aside records', async () => {
    const storage = memoryStorage();
    for (let i = 0; i < 5; i++) {
      storage.map.set(CURRENT_KEY, `junk ${i}`);
      await restoreAutosave(newStore(), storage, { now: () => at + i * 1000 });
    }
    const aside = [...storage.map.keys()].filter((k) => k.startsWith(ASIDE_PREFIX));
    expect(aside.map((k) => storage.map.get(k))).toEqual(['junk 2', 'junk 3', 'junk 4']);
  });
});

describe('autosave records', () => {
  const valid = { format: 1, savedAt: 1, doc: '{"layers":[]}', layers: [], view: null, openPanel: 'layers', unsaved: false };

  it('an older format is migrated step by step; a missing step is refused', () => {
    const up = (raw: Record<string, unknown>) => ({ ...raw, doc: raw['document'] });
    const old = { ...valid, format: 1, document: '{"layers":[1]}', doc: undefined };
    const r = readSessionRecord(old, [{ from: 1, up }], 2);
    expect(r).toMatchObject({ ok: true, value: { format: 2, doc: '{"layers":[1]}' } });
    expect(readSessionRecord({ ...valid, format: 1 }, [], 2)).toMatchObject({ ok: false, code: 'damaged', detail: 'no migration from format 1' });
  });

  it('a panel this build does not know opens the layers panel', () => {
    expect(readSessionRecord({ ...valid, openPanel: 'timeline' })).toMatchObject({ ok: true, value: { openPanel: 'layers' } });
  });
});
