// The store → export-layers path (src/export/data-layers.ts) and the zip the io worker makes of it
// (core/export/data-zip.ts), on a hand-made document whose names and counts are known.
import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeRunSafeRoutes, prepareDataset, runAccessAnalysis, type AccessRequest } from '../../src/core/analysis';
import { CHILD_V1 } from '../../src/core/safety';
import { HOMES, MAX_SCHOOL_WALK_M, SCHOOLS, STREETS } from '../core/safety/hand-city';
import { buildDataZip } from '../../src/core/export/data-zip';
import { createCancelToken } from '../../src/core/jobs';
import { dataExportLayers } from '../../src/export/data-layers';

const pt = (x: number, props: Record<string, unknown>) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [x, 0] }, properties: props });
const fc = (features: ReturnType<typeof pt>[]): FeatureCollection => ({ type: 'FeatureCollection', features });

// Three homes (one kept child_name, a personal field), two schools, one park, and a second schools layer.
const homes = fc([pt(0, { id: 'h1', age_0_5: 1, child_name: 'Li' }), pt(1, { id: 'h2', age_0_5: 2 }), pt(2, { id: 'h3' })]);
const schools = fc([pt(0, { id: 's1' }), pt(1, { id: 's2' })]);
const parks = fc([pt(3, { id: 'p1' })]);
const schools2 = fc([pt(4, { id: 's3' })]);
const layer = (id: string, role: string, category?: string) => ({ id, name: id, role, ...(category ? { category } : {}), visible: true, opacity: 1, source: { kind: 'file', fileName: `${id}.geojson` } });
const data = (d: FeatureCollection, fieldNames: string[], kept = false) => ({
  fileName: 'x', data: d, geometryKind: 'point', bbox: null, featureCount: d.features.length, fieldNames, warnings: [],
  ...(kept ? { withheld: { fields: ['child_name'], kept: true } } : {}),
});
const state = {
  doc: { layers: [layer('a', 'homes'), layer('b', 'facilities', 'school'), layer('c', 'facilities', 'park-garden'), layer('d', 'facilities', 'school'), layer('gone', 'street')] },
  layerData: { a: data(homes, ['id', 'age_0_5', 'child_name'], true), b: data(schools, ['id']), c: data(parks, ['id']), d: data(schools2, ['id']) },
  analysis: { result: null, inputs: null },
  safety: { result: null },
  rules: { result: null },
  runs: { records: [] },
} as unknown as Parameters<typeof dataExportLayers>[0];

describe('data export from the store', () => {
  it('names every loaded layer as the CLI does, with its features, personal fields withheld, and no results before an analysis', () => {
    const { layers, rules } = dataExportLayers(state);
    expect(layers.map((l) => [l.name, l.data.features.length])).toEqual([
      ['input_homes', 3], ['input_facilities_school', 2], ['input_facilities_park_garden', 1], ['input_facilities_school_2', 1],
    ]);
    expect(layers[0].data.features[0].properties).toEqual({ id: 'h1', age_0_5: 1 });
    expect(rules).toBeNull();
  });

  it('zips one file per layer and format plus manifest.json, whose entries match the files', async () => {
    const { layers, rules } = dataExportLayers(state);
    const steps: number[] = [];
    const z = await buildDataZip({ layers, formats: ['csv', 'geojson'], date: '2026-01-02', rules }, {}, createCancelToken(), (p) => steps.push(p.fraction ?? -1));
    const files = unzipSync(z.bytes);
    const names = ['input_homes', 'input_facilities_school', 'input_facilities_park_garden', 'input_facilities_school_2'];
    expect(Object.keys(files)).toEqual([...names.map((n) => `${n}.geojson`), ...names.map((n) => `${n}.csv`), 'manifest.json']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest).toMatchObject({ tool: 'cfc-planner', command: 'export', date: '2026-01-02', rules: null });
    expect(manifest.files.map((f: { name: string; features: number }) => [f.name, f.features])).toEqual(
      [...names.map((n, i) => [`${n}.geojson`, [3, 2, 1, 1][i]]), ...names.map((n, i) => [`${n}.csv`, [3, 2, 1, 1][i]])]);
    for (const f of manifest.files) {
      expect(f.bytes).toBe(files[f.name].byteLength);
      expect(f.sha256).toBe(createHash('sha256').update(files[f.name]).digest('hex'));
    }
    expect(JSON.parse(new TextDecoder().decode(files['input_homes.geojson'])).features).toHaveLength(3);
    expect(steps.at(-1)).toBe(1);
    // Same date, same bytes.
    const again = await buildDataZip({ layers, formats: ['csv', 'geojson'], date: '2026-01-02', rules }, {}, createCancelToken());
    expect(Buffer.from(again.bytes).equals(Buffer.from(z.bytes))).toBe(true);
  });

  it('stops between files when cancelled', async () => {
    const { layers } = dataExportLayers(state);
    const token = createCancelToken();
    const run = buildDataZip({ layers, formats: ['geojson'], date: '2026-01-02', rules: null }, {}, token, () => token.cancel());
    await expect(run).rejects.toThrow('cancelled');
  });
});

describe('data export from the store: the Safe routes panel\'s result', () => {
  // The hand-made city (tests/core/safety/hand-city.ts) with its streets in two layers, joined in that order.
  const fcOf = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const request: AccessRequest = { categories: ['primary_school', 'middle_school'], thresholds: [{ m: 500 }], isochrones: 'none' };
  const prepared = prepareDataset({ streets: fcOf(STREETS), homes: fcOf(HOMES), facilities: [{ fc: fcOf(SCHOOLS), category: 'school' }], units: {} });
  const run = runAccessAnalysis(prepared, request);
  const profile = { ...CHILD_V1, route: { ...CHILD_V1.route, maxSchoolWalkM: MAX_SCHOOL_WALK_M } };
  const sr = computeRunSafeRoutes(prepared, run, 'run-1', request, { profile }).result;
  const line = (d: FeatureCollection) => ({ ...data(d, ['id']), geometryKind: 'line' });
  const city = (safetyRunId: string) => ({
    doc: { layers: [layer('s1', 'streets'), layer('s2', 'streets'), layer('h', 'homes'), layer('sc', 'facilities', 'school')] },
    layerData: { s1: line(fcOf(STREETS.slice(0, 3))), s2: line(fcOf(STREETS.slice(3))), h: data(fcOf(HOMES), ['id']), sc: data(fcOf(SCHOOLS), ['id']) },
    analysis: { result: { ...run.result, runId: 'run-1' }, inputs: { homesLayerId: 'h', streetLayerIds: ['s1', 's2'], unitLayerIds: {} } },
    rules: { result: null },
    runs: { records: [] },
    safety: { result: { ...sr, runId: safetyRunId } },
  }) as unknown as Parameters<typeof dataExportLayers>[0];

  it('adds its five layers when it is of the shown run: every home, every way of both street layers in order on its line, the hotspots', () => {
    const { layers } = dataExportLayers(city('run-1'));
    const by = new Map(layers.map((l) => [l.name, l.data.features]));
    expect(layers.map((l) => l.name).slice(-5)).toEqual(['safe_routes', 'street_safety', 'hotspots_crossings', 'hotspots_segments', 'safe_routes_units']);
    expect(by.get('safe_routes')!.map((f) => [f.properties!['residence_id'], f.properties!['status']])).toEqual([
      ['H1', 'ok'], ['H2', 'ok'], ['H3', 'unreachable'], ['H4', 'beyond'], ['H5', 'ok'],
    ]);
    expect(by.get('street_safety')!.map((f) => [f.properties!['way_id'], f.geometry])).toEqual(STREETS.map((s) => [s.properties!['id'], s.geometry]));
    // Without the crossings file: Main Road's crossing (H1 goes straight across) and Main Road itself (H5 walks along it).
    expect(by.get('hotspots_crossings')!.map((f) => [f.geometry, f.properties!['routes'], f.properties!['children_7_12']])).toEqual([[{ type: 'Point', coordinates: [0.001, 0] }, 1, 2]]);
    expect(by.get('hotspots_segments')!.map((f) => f.properties!['way_id'])).toEqual(['main']);
    expect(by.get('safe_routes_units')!.map((f) => [f.properties!['unit_id'], f.properties!['total']])).toEqual([['whole_extract', 11]]);
  });

  it('leaves them out when they are of another run', () => {
    const names = dataExportLayers(city('run-0')).layers.map((l) => l.name);
    expect(names).toEqual(['input_streets', 'input_streets_2', 'input_homes', 'input_facilities_school', 'access', 'coverage']);
  });
});
