/** Projects and the demo (issue 12): replace-or-add, New project, and the demo-mix guard, on hand-made cities. */
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createAnalysisService } from '../../src/core/analysis';
import { emptyProject, type Project } from '../../src/core/model';
import { analysisPlan, createAppStore, demoMixBlocked, hasUnsavedWork, layerActions, type AppStore, type LoadItem } from '../../src/state';
import { fakeIo } from './fake-io';

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const pt = (lng: number, lat: number, props: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: props });
const line = (coords: [number, number][]): Feature => ({ type: 'Feature', geometry: { type: 'LineString', coordinates: coords }, properties: { highway: 'residential' } });
const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

/** A tiny city at `x0`: one street, two homes, a playground. */
const city = (x0: number) => ({
  streets: fc([line([[x0, 0], [x0 + 0.01, 0]])]),
  homes: fc([pt(x0 + 0.001, 0, { id: 'h1', children_4_6: 2 }), pt(x0 + 0.008, 0, { id: 'h2', children_4_6: 1 })]),
  facilities: fc([pt(x0, 0, { id: 'p1', category: 'playground' })]),
});

const items = (c: ReturnType<typeof city>, demo: boolean): LoadItem[] =>
  (['streets', 'homes', 'facilities'] as const).map((role) => ({
    role, source: { fileName: `${role}.geojson`, bytes: bytes(c[role]) }, ...(demo ? { demoFile: `${role}.fgb` } : {}),
  }));

async function demoStore(): Promise<AppStore> {
  const store = createAppStore({ io: fakeIo(), analysis: createAnalysisService() });
  await store.getState().loadFiles(items(city(0), true), 'skip');
  return store;
}

const real = () => items(city(1), false).map((i) => ({ ...i.source, fileName: `real-${i.source.fileName}` }));
const kinds = (s: AppStore) => s.getState().doc.layers.map((l) => `${l.source.kind}:${l.role}`);

describe('real data dropped on the demo city', () => {
  it('waits for the answer; "replace" swaps every demo layer for the new ones in one undo step', async () => {
    const store = await demoStore();
    await store.getState().runAnalysis();
    expect(store.getState().analysis.result).not.toBeNull();
    const demoDoc = store.getState().doc;

    expect(await store.getState().requestImport(real())).toEqual([]);
    expect(store.getState().demoChoice?.sources.map((s) => s.fileName)).toEqual(['real-streets.geojson', 'real-homes.geojson', 'real-facilities.geojson']);
    expect(store.getState().doc).toBe(demoDoc);

    const ids = await store.getState().answerDemoChoice('replace');
    expect(ids).toHaveLength(3);
    expect(store.getState().demoChoice).toBeNull();
    expect(kinds(store)).toEqual(['inline:other', 'inline:other', 'inline:facilities']);
    expect(store.getState().history.past).toHaveLength(1);
    // The camera goes to the new data (fakeIo's layers all have the box [0, 0, 1, 1]).
    expect(store.getState().cameraRequest).toMatchObject({ kind: 'bbox', bbox: [0, 0, 1, 1] });
    // Nothing computed from the demo survives.
    expect(store.getState().analysis).toMatchObject({ result: null, inputs: null, datasetId: null, status: 'idle' });

    store.getState().undo();
    expect(store.getState().doc).toBe(demoDoc);
    store.getState().redo();
    expect(store.getState().doc.layers.map((l) => l.id)).toEqual(ids);
  });

  it('"add" keeps the demo layers; "cancel" (Escape) loads nothing', async () => {
    const store = await demoStore();
    await store.getState().requestImport(real().slice(0, 1));
    await store.getState().answerDemoChoice('add');
    expect(kinds(store)).toEqual(['demo:streets', 'demo:homes', 'demo:facilities', 'inline:other']);
    const doc = store.getState().doc;
    await store.getState().requestImport(real().slice(1, 2));
    expect(await store.getState().answerDemoChoice('cancel')).toEqual([]);
    expect(store.getState().doc).toBe(doc);
  });

  it('without demo layers files load at once', async () => {
    const store = createAppStore({ io: fakeIo() });
    expect(await store.getState().requestImport(real().slice(0, 1))).toHaveLength(1);
    expect(store.getState().demoChoice).toBeNull();
  });
});

describe('the demo-mix guard', () => {
  it('the plan names the layers by role; a demo layer among real ones blocks the analysis and the rules check alike', async () => {
    const store = await demoStore();
    await store.getState().requestImport(real());
    await store.getState().answerDemoChoice('add');
    const [, , , rs, rh, rf] = store.getState().doc.layers.map((l) => l.id);
    store.getState().commit(layerActions.setLayerRole, { id: rs!, role: 'streets' });
    store.getState().commit(layerActions.setLayerRole, { id: rh!, role: 'homes' });

    let plan = analysisPlan(store.getState());
    expect(plan.streets.map((l) => l.source.kind)).toEqual(['demo', 'inline']);
    expect(plan.homes?.source.kind).toBe('demo'); // the first homes layer in draw order
    expect(plan.facilities.map((f) => [f.layer.id === rf, f.categories])).toEqual([[false, ['playground']], [true, ['playground']]]);
    expect(plan.mixesDemo).toBe(true);
    expect(demoMixBlocked(store.getState())).toBe(true);

    await store.getState().runAnalysis();
    expect(store.getState().analysis).toMatchObject({ status: 'failed', error: { code: 'analysis.demo-mix' }, result: null });
    await store.getState().rules.checkRules();
    expect(store.getState().rules.error).toMatchObject({ code: 'analysis.demo-mix' });

    store.getState().setAllowDemoMix(true);
    expect(demoMixBlocked(store.getState())).toBe(false);
    await store.getState().runAnalysis();
    expect(store.getState().analysis.status).toBe('done');

    // Without the demo layers the plan is all real, and nothing blocks.
    for (const id of store.getState().doc.layers.filter((l) => l.source.kind === 'demo').map((l) => l.id)) {
      store.getState().commit(layerActions.removeLayer, { id });
    }
    plan = analysisPlan(store.getState());
    expect([plan.mixesDemo, plan.homes?.id, plan.streets.map((l) => l.id)]).toEqual([false, rh, [rs]]);
  });

  it('all-demo or all-real plans do not mix; unit layers are named per level', () => {
    const doc: Project = {
      ...emptyProject(),
      layers: [
        { id: 'c', name: 'City', role: 'city', visible: true, opacity: 1, source: { kind: 'demo', file: 'units_city.fgb' } },
        { id: 'c2', name: 'City 2', role: 'city', visible: true, opacity: 1, source: { kind: 'demo', file: 'other.fgb' } },
        { id: 'k', name: 'Communities', role: 'community', visible: true, opacity: 1, source: { kind: 'demo', file: 'units_community.fgb' } },
        { id: 'x', name: 'Orphan', role: 'homes', visible: true, opacity: 1, source: { kind: 'inline', data: { type: 'FeatureCollection', features: [] } } },
      ],
    };
    const data = Object.fromEntries(['c', 'c2', 'k'].map((id) => [id, { fileName: id, data: fc([]), geometryKind: 'polygon' as const, bbox: null, featureCount: 0, fieldNames: [], warnings: [], roleGuess: 'other' as const }]));
    // 'x' has no data: it is not used, so it does not make the plan a mix.
    const plan = analysisPlan({ doc, layerData: data });
    expect(Object.fromEntries(Object.entries(plan.units).map(([k, l]) => [k, l.id]))).toEqual({ city: 'c', community: 'k' });
    expect(plan.missing).toEqual(['streets', 'homes', 'facilities']);
    expect(plan.mixesDemo).toBe(false);
  });
});

describe('New project', () => {
  it('empties the document in one undo step and forgets the results', async () => {
    const store = await demoStore();
    await store.getState().runAnalysis();
    const before = store.getState().doc;
    store.getState().newProject();
    expect(store.getState().doc.layers).toEqual([]);
    expect(store.getState().doc.scenarios.map((s) => s.proposals.length)).toEqual([0]);
    expect(store.getState().analysis.result).toBeNull();
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc).toBe(before);
  });

  it('asks first only when real layers or edits would be lost', async () => {
    const store = await demoStore();
    expect(hasUnsavedWork(store.getState())).toBe(false);
    store.getState().commit(layerActions.setLayerVisible, { id: store.getState().doc.layers[0]!.id, visible: false });
    expect(hasUnsavedWork(store.getState())).toBe(true);
    store.getState().markSaved();
    expect(hasUnsavedWork(store.getState())).toBe(false);
    const empty = createAppStore({ io: fakeIo() });
    await empty.getState().requestImport(real().slice(0, 1));
    expect(hasUnsavedWork(empty.getState())).toBe(true);
  });
});
