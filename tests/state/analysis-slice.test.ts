import type { Feature, FeatureCollection } from 'geojson';
import { shownRun } from '../../src/state/runs-slice';
import { describe, expect, it } from 'vitest';
import { createAnalysisService } from '../../src/core/analysis';
import type { AnalysisApi } from '../../src/protocol/analysis-api';
import { analysisActions, createAppStore, isAnalysisStale, layerActions, type AppStore } from '../../src/state';
import { fakeIo } from './fake-io';

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const pt = (lng: number, lat: number, props: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: props });
// 1e-3 degrees of longitude at the equator ≈ 111.2 m.
const streets = fc([{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [0.01, 0]] }, properties: { highway: 'residential' } }]);
const homes = fc([pt(0.001, 0, { id: 'h1', children_4_6: 2 }), pt(0.008, 0, { id: 'h2', children_4_6: 1 })]);
const facilities = fc([pt(0, 0, { id: 'p1', category: 'playground', name: 'Little Park' })]);

async function storeWithCity(analysis: AnalysisApi = createAnalysisService()): Promise<AppStore> {
  const store = createAppStore({ io: fakeIo(), analysis });
  const items = [['streets', streets], ['homes', homes], ['facilities', facilities]] as const;
  await store.getState().loadFiles(items.map(([role, data]) => ({
    role, source: { fileName: `${role}.geojson`, bytes: new TextEncoder().encode(JSON.stringify(data)) },
  })), 'skip');
  return store;
}

describe('analysis slice', () => {
  it('runs the access analysis on the project layers and keeps the result out of history', async () => {
    const store = await storeWithCity();
    await store.getState().runAnalysis();
    const a = store.getState().analysis;
    expect(a.status).toBe('done');
    expect(a.result!.categories.map((c) => c.category)).toEqual(['playground']);
    const walking = a.result!.categories[0].walkingM;
    expect(walking[0]).toBeGreaterThan(100);
    expect(walking[0]).toBeLessThan(120);
    expect(a.display.category).toBe('playground');
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('sends the inputs once per layer set; a role change makes a new dataset, a style change does not', async () => {
    const service = createAnalysisService();
    const sent: string[] = [];
    const store = await storeWithCity({ ...service, setInputs: (id, i) => (sent.push(id), service.setInputs(id, i)) } as AnalysisApi);
    await store.getState().runAnalysis();
    await store.getState().runAnalysis();
    expect(sent).toHaveLength(1);
    const homesLayer = store.getState().doc.layers.find((l) => l.role === 'homes')!;
    store.getState().commit(layerActions.setLayerOpacity, { id: homesLayer.id, opacity: 0.5 });
    expect(isAnalysisStale(store.getState())).toBe(false);
    await store.getState().ensureAnalysisInputs();
    expect(sent).toHaveLength(1);
    store.getState().commit(layerActions.setLayerRole, { id: homesLayer.id, role: 'other' });
    expect(isAnalysisStale(store.getState())).toBe(true);
    await store.getState().runAnalysis();
    expect(store.getState().analysis.status).toBe('failed');
    expect(store.getState().analysis.error?.code).toBe('analysis.missing-layers');
  });

  it('a cancelled run shows status cancelled, and the next run succeeds', async () => {
    const store = await storeWithCity();
    const run = store.getState().runAnalysis();
    store.getState().cancelAnalysis();
    await run;
    expect(store.getState().analysis.status).toBe('cancelled');
    expect(store.getState().analysis.result).toBeNull();
    await store.getState().runAnalysis();
    expect(store.getState().analysis.status).toBe('done');
  });

  it('settings edits are undoable and shape the request', async () => {
    const store = await storeWithCity();
    store.getState().commit(analysisActions.setThresholds, { thresholdsM: [1000, 200, 200] });
    store.getState().commit(analysisActions.setMaxSnap, { maxSnapM: 50 });
    store.getState().commit(analysisActions.setWalkSpeed, { band: '4-6', mps: 0.7 });
    expect(store.getState().doc.settings.thresholdsM).toEqual([200, 1000]);
    await store.getState().runAnalysis();
    const r = store.getState().analysis.result!;
    expect([...r.thresholdsM]).toEqual([200, 1000]);
    // h2 sits 0 m from the street but the snap limit is on the home leg only: both connect.
    expect(r.notConnectedHomes).toBe(0);
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc.settings.thresholdsM).toEqual([300, 500, 1000]);
  });

  it('explains a home: parts add up and the path reaches the facility', async () => {
    const store = await storeWithCity();
    await store.getState().runAnalysis();
    await store.getState().explainHome(1, 'playground');
    const path = store.getState().analysis.explain!.path!;
    expect(path.homeSnapM + path.networkM + path.facilitySnapM).toBeCloseTo(path.walkingM, 6);
    expect(path.walkingM).toBeCloseTo(store.getState().analysis.result!.categories[0].walkingM[1], 6);
  });

  it('setAccessResult shows a run made elsewhere', async () => {
    const service = createAnalysisService();
    const store = await storeWithCity(service);
    const id = await store.getState().ensureAnalysisInputs();
    const request = { categories: ['playground'], thresholds: [{ m: 300 }] };
    const r = await service.run('x', id, request);
    if (!r.ok) throw new Error(r.error.code);
    store.getState().setAccessResult(r.value, request, id);
    expect(store.getState().analysis).toMatchObject({ status: 'done', datasetId: id });
    // The run is recorded once, with its request, for both panels (runs slice).
    expect(shownRun(store.getState())).toMatchObject({ runId: r.value.runId, datasetId: id, request, summary: { categories: ['playground'], proposals: 0 } });
  });
});
