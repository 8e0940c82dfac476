/**
 * Safe routes as export layers (core/export/safe-route-layers.ts) on the hand-made city of
 * tests/core/safety/hand-city.ts, without its crossings file, whose answers are worked out by hand in
 * tests/cli/safe-routes.test.ts: H1 (2 children) goes straight across Main Road (an unmarked PLTS 4
 * crossing at (0.001, 0)), H2 (1) walks a quiet street, H3 (1) is unreachable, H4 (3) is beyond 250 m,
 * H5 (4) walks along Main Road (a PLTS 4 way). So: five home rows, six walkable ways, one crossing and one
 * way hotspot, the whole area and two communities. The layers carry the same values as analyze's CSVs.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { crossingHotspotsCsv, safeRoutesCsv, segmentHotspotsCsv, streetSafetyCsv } from '../../../src/cli/safe-routes-csv';
import { safeRouteUnitsCsv } from '../../../src/cli/safe-routes-units-csv';
import { computeRunSafeRoutes, prepareDataset, runAccessAnalysis, type AccessRequest } from '../../../src/core/analysis';
import {
  exportFiles, HOTSPOT_CROSSING_COLUMNS, HOTSPOT_SEGMENT_COLUMNS, resultLayers, SAFE_ROUTE_UNITS_COLUMNS, SAFE_ROUTES_COLUMNS, STREET_SAFETY_COLUMNS,
  type ExportLayer,
} from '../../../src/core/export';
import { loadSqlJs } from '../../../src/core/io/geopackage';
import { readLayer } from '../../../src/core/io/read-layer';
import { CHILD_V1 } from '../../../src/core/safety';
import { COMMUNITIES, HOMES, MAX_SCHOOL_WALK_M, SCHOOLS, STREETS } from '../safety/hand-city';
import { parseCsv } from '../../e2e/helpers/csv';

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const request: AccessRequest = { categories: ['primary_school', 'middle_school'], thresholds: [{ m: 500 }], isochrones: 'none' };
const data = prepareDataset({ streets: fc(STREETS), homes: fc(HOMES), facilities: [{ fc: fc(SCHOOLS), category: 'school' }], units: { community: fc(COMMUNITIES) } });
const run = runAccessAnalysis(data, request);
const sr = computeRunSafeRoutes(data, run, 'r', request, { profile: { ...CHILD_V1, route: { ...CHILD_V1.route, maxSchoolWalkM: MAX_SCHOOL_WALK_M } } }).result;
const wayIds = STREETS.map((f) => String(f.properties!['id']));
const homeIds = run.tables.homes.ids;
const unitGeometries = { community: COMMUNITIES.map((f) => f.geometry) };
const layers = resultLayers({ result: run.result, homeIds, unitGeometries, safeRoutes: { result: sr, wayIds, wayGeometries: STREETS.map((f) => f.geometry) } });
const byName = new Map(layers.map((l) => [l.name, l]));
const features = (name: string) => byName.get(name)!.data.features;
const props = (name: string) => features(name).map((f) => f.properties!);
const geometryOf = (id: string): Geometry => STREETS.find((f) => f.properties!['id'] === id)!.geometry;

/** A CSV of analyze's as rows of text, and a layer's properties as the same text (null → '', numbers at the CSV's decimals). */
const text = (v: unknown, digits?: number): string => (v === null || v === undefined ? '' : typeof v === 'number' && digits !== undefined ? v.toFixed(digits) : String(v));
const DIGITS: Record<string, number> = { walking_distance_m: 2, safe_distance_m: 2, safe_cost_m: 2, detour_ratio: 4, lon: 7, lat: 7, safe_share: 6, unsafe_share: 6, median_detour_ratio: 4 };
const asText = (rows: readonly Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, text(v, DIGITS[k])])));

describe('safe routes as export layers', () => {
  it('come after the other results, in a fixed order, with the contract\'s columns', () => {
    expect(layers.map((l) => l.name)).toEqual(['access', 'coverage', 'safe_routes', 'street_safety', 'hotspots_crossings', 'hotspots_segments', 'safe_routes_units']);
    const columns: [string, readonly string[]][] = [
      ['safe_routes', SAFE_ROUTES_COLUMNS], ['street_safety', STREET_SAFETY_COLUMNS], ['hotspots_crossings', HOTSPOT_CROSSING_COLUMNS],
      ['hotspots_segments', HOTSPOT_SEGMENT_COLUMNS], ['safe_routes_units', SAFE_ROUTE_UNITS_COLUMNS],
    ];
    for (const [name, cols] of columns) for (const p of props(name)) expect(Object.keys(p), name).toEqual([...cols]);
    // Without safe routes there are none of them.
    expect(resultLayers({ result: run.result, homeIds, unitGeometries }).map((l) => l.name)).toEqual(['access', 'coverage']);
  });

  it('one point per home at the home, with its status as worked out by hand', () => {
    const f = features('safe_routes');
    expect(f).toHaveLength(HOMES.length);
    expect(f.map((x) => x.geometry)).toEqual(HOMES.map((h) => h.geometry));
    expect(props('safe_routes').map((p) => [p['residence_id'], p['status'], p['school_id'], p['unsafe'], p['max_crossing_plts']])).toEqual([
      ['H1', 'ok', 'S', 1, 4], ['H2', 'ok', 'S', 0, 0], ['H3', 'unreachable', null, null, null], ['H4', 'beyond', 'S', null, null], ['H5', 'ok', 'S', 1, 1],
    ]);
    // H1 straight across: no detour; H4 has a walking distance but no route.
    expect(props('safe_routes')[0]!['detour_ratio']).toBe(1);
    expect(props('safe_routes')[3]!['walking_distance_m']).toBeGreaterThan(MAX_SCHOOL_WALK_M);
    expect(props('safe_routes')[3]!['safe_distance_m']).toBeNull();
  });

  it('one line per walkable way on the way itself, with its PLTS and basis', () => {
    const f = features('street_safety');
    expect(f.map((x) => x.properties!['way_id'])).toEqual(wayIds);
    for (const x of f) expect(x.geometry).toEqual(geometryOf(String(x.properties!['way_id'])));
    expect(f.find((x) => x.properties!['way_id'] === 'main')!.properties).toMatchObject({ plts: 4, basis: 'sidewalk', speed_kmh: 60, speed_assumed: 0, lanes: 4, sidewalk: 'present' });
  });

  it('hotspots: the crossing of Main Road as a point, Main Road as a line, with routes and children', () => {
    expect(features('hotspots_crossings')).toEqual([{
      type: 'Feature', geometry: { type: 'Point', coordinates: [0.001, 0] },
      properties: { lon: 0.001, lat: 0, crossing_plts: 4, control: 'unmarked', roads: 'Main Road', routes: 1, children_7_12: 2 },
    }]);
    expect(features('hotspots_segments')).toEqual([{
      type: 'Feature', geometry: geometryOf('main'), properties: { way_id: 'main', plts: 4, basis: 'sidewalk', routes: 1, children_7_12: 4 },
    }]);
  });

  it('per unit: the whole area without a polygon, each community on its own', () => {
    const f = features('safe_routes_units');
    expect(f.map((x) => [x.properties!['unit_level'], x.properties!['unit_id'], x.properties!['total'], x.properties!['safe'], x.properties!['unsafe']])).toEqual([
      ['city', 'whole_extract', 11, 1, 6], ['community', 'C-W', 9, 0, 6], ['community', 'C-E', 2, 1, 0],
    ]);
    expect(f.map((x) => x.geometry)).toEqual([null, COMMUNITIES[0]!.geometry, COMMUNITIES[1]!.geometry]);
  });

  it('hold the values analyze --safe-routes writes to its CSV files, cell for cell', () => {
    const pairs: [string, string][] = [
      ['safe_routes', safeRoutesCsv(sr, homeIds)], ['street_safety', streetSafetyCsv(sr, wayIds)], ['hotspots_crossings', crossingHotspotsCsv(sr)],
      ['hotspots_segments', segmentHotspotsCsv(sr, wayIds)], ['safe_routes_units', safeRouteUnitsCsv(sr)],
    ];
    for (const [name, csv] of pairs) expect(asText(props(name)), name).toEqual(parseCsv(csv));
  });

  it('write every format with one feature per row (FlatGeobuf leaves out the whole area: no polygon) and read back with the app\'s loader', async () => {
    const sql = await loadSqlJs({});
    const safe = layers.filter((l) => l.name !== 'access' && l.name !== 'coverage');
    const files = exportFiles(safe, ['geojson', 'fgb', 'csv', 'gpkg'], { sql, date: '2026-12-03' });
    const counts = (format: string) => files.filter((f) => f.format === format).flatMap((f) => f.layers.map((l) => [l.layer, l.features]));
    const want = (l: ExportLayer) => l.data.features.length;
    expect(counts('geojson')).toEqual(safe.map((l) => [l.name, want(l)]));
    expect(counts('csv')).toEqual(safe.map((l) => [l.name, want(l)]));
    expect(counts('gpkg')).toEqual(safe.map((l) => [l.name, want(l)]));
    expect(counts('fgb')).toEqual(safe.map((l) => [l.name, l.name === 'safe_routes_units' ? 2 : want(l)]));
    expect(safe.map(want)).toEqual([5, 6, 1, 1, 3]);
    for (const f of files) {
      const r = await readLayer({ fileName: f.name, bytes: f.bytes }, { maxFeatures: 1000 });
      if (!r.ok) throw new Error(`${f.name}: ${r.error.code}`);
      // A GeoPackage names its tables, a single-layer file is named by its file; the app loads the features that have a geometry.
      const located = (layer: string) => byName.get(layer)!.data.features.filter((x) => x.geometry).length;
      expect(r.value.map((l) => [f.format === 'gpkg' ? l.name : l.name.replace(/\.\w+$/, ''), l.featureCount]), f.name).toEqual(f.layers.map((l) => [l.layer, located(l.layer)]));
    }
  });
});
