/**
 * The analysis from layer tables — each built on its own as the io worker builds it, sent through a real
 * MessageChannel with its buffers transferred, assembled by key — gives exactly the access results of the
 * GeoJSON path: on the demo city byte for byte against a digest taken from the previous, GeoJSON-only
 * pipeline (commit 2cf3f1f), and on random scenes against the independent oracle.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { createAnalysisService, createLayerTableStore, prepareDataset, runAccessAnalysis, type AccessAnalysisResult, type AnalysisInputs, type LayerInputKeys } from '../../../src/core/analysis';
import { buildLayerTable, layerTableBuffers, type LayerSpec, type LayerTable } from '../../../src/core/tables';
import { CHILD_V1 } from '../../../src/core/safety';
import { demoInputs } from './demo-inputs';
import { oracleAccess } from '../access/oracle';
import { randomScene, sceneLayers } from '../access/random-scene';
import { propertyOptions } from '../access/oracle-agreement';

const CATEGORIES = ['playground', 'kindergarten', 'primary_school', 'middle_school'];
const REQUEST = { categories: CATEGORIES, thresholds: [{ m: 300 }, { m: 500 }, { m: 1000 }] };
/**
 * sha-256 of the demo city's result (digest() below) from the GeoJSON pipeline of commit 2cf3f1f, before
 * layers became tables. Regenerating data/demo changes it: take it again from prepareDataset (the GeoJSON
 * path), which the test also compares with the tables path directly.
 */
const DEMO_DIGEST_BEFORE = '57e104faa26ead872df30b58c2e33ed734b5e4987c2ac9010aafe1257cdc5666';

function digest(result: AccessAnalysisResult): string {
  const h = createHash('sha256');
  const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  for (const c of result.categories) {
    h.update(c.category);
    h.update(bytes(c.walkingM));
    h.update(bytes(c.nearestFacility));
  }
  for (const c of result.coverage) {
    h.update(c.level);
    h.update(bytes(c.childrenWithin));
    h.update(bytes(c.homes));
  }
  h.update(bytes(result.snapLegs));
  for (const i of result.isochrones) h.update(bytes(i.pieceCoords));
  return h.digest('hex');
}

/** Sends each table through a real MessageChannel, buffers transferred, as the io worker does. */
async function overChannel(tables: [string, LayerTable][]): Promise<[string, LayerTable][]> {
  const { port1, port2 } = new MessageChannel();
  const got: [string, LayerTable][] = [];
  const all = new Promise<void>((resolve) => port2.on('message', (m: [string, LayerTable]) => (got.push(m), got.length === tables.length && resolve())));
  for (const [key, t] of tables) {
    const buffers = layerTableBuffers(t);
    port1.postMessage([key, t], buffers);
    // Transferred, not copied: the sender's buffers are gone.
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
  }
  await all;
  port1.close();
  return got;
}

/** The inputs' layers as per-layer tables under keys, and the keys that make the dataset. */
function layerTables(inputs: AnalysisInputs, streetLayers: FeatureCollection[] = [inputs.streets]): { tables: [string, LayerTable][]; keys: LayerInputKeys } {
  const tables: [string, LayerTable][] = [];
  const add = (key: string, fc: FeatureCollection, spec: LayerSpec) => (tables.push([key, buildLayerTable(fc, spec)]), key);
  const keys: LayerInputKeys = {
    streets: streetLayers.map((s, i) => add(`streets-${i}`, s, { kind: 'streets' })),
    homes: add('homes', inputs.homes, { kind: 'homes', ...(inputs.homeFieldMapping ? { fieldMapping: inputs.homeFieldMapping } : {}) }),
    facilities: inputs.facilities.map((f, i) => add(`facilities-${i}`, f.fc, { kind: 'facilities', ...(f.category ? { category: f.category } : {}) })),
    units: Object.fromEntries(Object.entries(inputs.units ?? {}).map(([level, u]) => [level, add(`units-${level}`, u!, { kind: 'units' })])),
    ...(inputs.crossings ? { crossings: add('crossings', inputs.crossings, { kind: 'crossings' }) } : {}),
  };
  return { tables, keys };
}

async function serviceFromTables(inputs: AnalysisInputs, streetLayers?: FeatureCollection[]) {
  const store = createLayerTableStore();
  const service = createAnalysisService({ layerTables: store });
  const { tables, keys } = layerTables(inputs, streetLayers);
  for (const [key, t] of await overChannel(tables)) store.put(key, t);
  await service.setLayerInputs('ds', keys);
  return service;
}

async function runFromTables(inputs: AnalysisInputs, request: typeof REQUEST, streetLayers?: FeatureCollection[]): Promise<AccessAnalysisResult> {
  const r = await (await serviceFromTables(inputs, streetLayers)).run('job', 'ds', request);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('access from layer tables', () => {
  it('equals the GeoJSON pipeline on the demo city, byte for byte', async () => {
    const inputs = await demoInputs();
    const fromGeoJson = runAccessAnalysis(prepareDataset(inputs), REQUEST).result;
    expect(digest(fromGeoJson)).toBe(DEMO_DIGEST_BEFORE);
    const fromTables = await runFromTables(inputs, REQUEST);
    expect(digest(fromTables)).toBe(digest(fromGeoJson));
    expect(digest(fromTables)).toBe(DEMO_DIGEST_BEFORE);
    expect(fromTables.homeCount).toBe(fromGeoJson.homeCount);
    expect(fromTables.coverage.map((c) => c.unitCount)).toEqual(fromGeoJson.coverage.map((c) => c.unitCount));
  }, 120_000);

  it('equals the independent oracle on random scenes (streets split over two layers)', async () => {
    const point = (p: number[]) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: p } });
    await fc.assert(fc.asyncProperty(randomScene, async (scene) => {
      const { streets, homes, facilities } = sceneLayers(scene);
      const half = Math.ceil(streets.features.length / 2);
      const layers: FeatureCollection[] = [
        { type: 'FeatureCollection', features: streets.features.slice(0, half) },
        { type: 'FeatureCollection', features: streets.features.slice(half) },
      ];
      const inputs: AnalysisInputs = {
        streets,
        homes: { type: 'FeatureCollection', features: homes.map(point) },
        facilities: [{ fc: { type: 'FeatureCollection', features: facilities.map(point) }, category: 'playground' }],
      };
      const request = { categories: ['playground'], thresholds: [{ m: 300 }], islandMaxM: scene.islandMaxM, isochrones: 'none' as const };
      const r = await runFromTables(inputs, request as typeof REQUEST, layers);
      const oracle = oracleAccess(streets, homes, facilities, { islandM: scene.islandMaxM });
      const walking = r.categories[0]!.walkingM;
      oracle.walking.forEach((w, i) => {
        if (!Number.isFinite(w)) expect(walking[i]).toBe(Infinity);
        else expect(Math.abs(walking[i]! - w)).toBeLessThan(1e-6);
      });
    }), propertyOptions(100));
  }, 120_000);
});

describe('safe routes from layer tables', () => {
  // tests/fixtures/safety/detour-taken: the safe route takes the signalised crossing c1 of the crossings
  // layer (202.38 m walked against 91.18 m straight across Big Road, unsignalised). Its school is `school`
  // of unknown level, one table row per level it counts as, but one school.
  const fixture = JSON.parse(readFileSync(new URL('../../fixtures/safety/detour-taken/in/detour-taken.geojson', import.meta.url), 'utf8')) as FeatureCollection;
  const role = (r: string): FeatureCollection => ({ type: 'FeatureCollection', features: fixture.features.filter((f) => f.properties?.['role'] === r) });
  const inputs = (crossings: boolean): AnalysisInputs => ({
    streets: role('street'), homes: role('home'), facilities: [{ fc: role('school'), category: 'school' }], ...(crossings ? { crossings: role('crossing') } : {}),
  });
  async function safeRoutes(service: ReturnType<typeof createAnalysisService>) {
    const run = await service.run('job', 'ds', { categories: ['primary_school', 'middle_school'], thresholds: [{ m: 500 }] });
    if (!run.ok) throw new Error(run.error.code);
    const r = await service.safeRoutes('sr', run.value.runId, { profile: CHILD_V1 });
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  }

  it('read the crossings layer\'s control: the fixture\'s answer, and the GeoJSON path\'s', async () => {
    const fromTables = await safeRoutes(await serviceFromTables(inputs(true)));
    expect(fromTables.homes.walkingM[0]).toBeCloseTo(91.179966, 5);
    expect(fromTables.homes.safeM[0]).toBeCloseTo(202.375046, 5);
    expect(fromTables.homes.maxCrossingPlts[0]).toBe(2);
    expect(fromTables.homes.safeCostM[0]).toBeCloseTo(217.375046, 5);
    expect(fromTables.facilityIds).toEqual(['s1', 's1']);
    expect(fromTables.bySchool.map((b) => b.facilityId)).toEqual(['s1']);
    const geo = createAnalysisService();
    await geo.setInputs('ds', inputs(true));
    const fromGeoJson = await safeRoutes(geo);
    expect(fromTables.homes).toEqual(fromGeoJson.homes);
    expect(fromTables.crossingHotspots).toEqual(fromGeoJson.crossingHotspots);
  });

  it('without a crossings layer the signal is unknown: the same detour costs more, as on the GeoJSON path', async () => {
    const r = await safeRoutes(await serviceFromTables(inputs(false)));
    const geo = createAnalysisService();
    await geo.setInputs('ds', inputs(false));
    expect(r.homes).toEqual((await safeRoutes(geo)).homes);
    // With c1 signalised the fixture's cost is 217.38 m (its out/ file). Unmarked, both crossings of Big Road cost more than
    // walking its 55 m between them (PLTS 4, four times the length), so the route takes the road itself: dearer, still 202 m.
    expect(r.homes.safeM[0]).toBeCloseTo(202.375046, 5);
    expect(r.homes.maxSegmentPlts[0]).toBe(4);
    expect(r.homes.safeCostM[0]).toBeGreaterThan(217.375046 + 100);
  });
});
