/**
 * The columnar layer tables are lossless for what the analyses read: geometries come back as they went in
 * (x, y only), tags keep their values and types, and concatenating tables equals the table of the
 * concatenated layers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import {
  buildFacilityTable, buildStreetTable, concatFacilityTables, concatStreetTables, concatTagColumns, geometryAt, geometryColumns,
  streetFeatures, streetId, tagColumns, tagsAt, buildCrossingTable, concatCrossingTables, crossingFeatures,
} from '../../../src/core/tables';
import { readControl } from '../../../src/core/safety';
import { featureId } from '../../../src/core/model';

const coord = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
const line = fc.array(coord, { minLength: 2, maxLength: 5 });
const ring = fc.array(coord, { minLength: 3, maxLength: 6 }).map((r) => [...r, r[0]!]);
const geometry: fc.Arbitrary<Geometry | null> = fc.oneof(
  fc.constant(null),
  coord.map((c): Geometry => ({ type: 'Point', coordinates: c })),
  fc.array(coord, { maxLength: 3 }).map((c): Geometry => ({ type: 'MultiPoint', coordinates: c })),
  line.map((c): Geometry => ({ type: 'LineString', coordinates: c })),
  fc.array(line, { maxLength: 3 }).map((c): Geometry => ({ type: 'MultiLineString', coordinates: c })),
  fc.array(ring, { minLength: 1, maxLength: 3 }).map((c): Geometry => ({ type: 'Polygon', coordinates: c })),
  fc.array(fc.array(ring, { minLength: 1, maxLength: 2 }), { maxLength: 3 }).map((c): Geometry => ({ type: 'MultiPolygon', coordinates: c })),
);

describe('geometry columns', () => {
  it('give every geometry back as it went in', () => {
    fc.assert(fc.property(fc.array(geometry, { maxLength: 12 }), (gs) => {
      const cols = geometryColumns(gs);
      gs.forEach((g, i) => expect(geometryAt(cols, i)).toEqual(g));
    }), { numRuns: 200 });
  });

  it('keep x and y only, and read a collection as no geometry', () => {
    const cols = geometryColumns([
      { type: 'LineString', coordinates: [[1, 2, 30], [3, 4, 40]] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }] },
    ]);
    expect(geometryAt(cols, 0)).toEqual({ type: 'LineString', coordinates: [[1, 2], [3, 4]] });
    expect(geometryAt(cols, 1)).toBeNull();
    expect(Array.from(cols.coords)).toEqual([1, 2, 3, 4]);
  });
});

const tagValue = fc.oneof(fc.constantFrom('residential', 'footway', 'no', 'yes', ''), fc.integer({ min: 0, max: 5 }), fc.boolean(), fc.constant(null));
const props = fc.array(fc.dictionary(fc.constantFrom('highway', 'foot', 'lanes', 'tunnel', 'other'), tagValue), { maxLength: 20 });
const kept = (p: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(p).filter(([k, v]) => keys.includes(k) && v !== null && v !== undefined));

describe('tag columns', () => {
  const keys = ['highway', 'foot', 'lanes', 'tunnel'];
  it('keep the listed keys with their values and types, and nothing else', () => {
    fc.assert(fc.property(props, (ps) => {
      const t = tagColumns(ps, keys);
      ps.forEach((p, i) => expect(tagsAt(t, i)).toEqual(kept(p, keys)));
    }), { numRuns: 200 });
  });

  it('concatenated equal the columns of the concatenated features', () => {
    fc.assert(fc.property(props, props, (a, b) => {
      const joined = concatTagColumns([tagColumns(a, keys), tagColumns(b, keys)]);
      [...a, ...b].forEach((p, i) => expect(tagsAt(joined, i)).toEqual(kept(p, keys)));
    }), { numRuns: 100 });
  });
});

const streetLayer = (n: number, offset: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    ...(i % 3 === 0 ? { id: `w${offset + i}` } : {}),
    properties: { highway: i % 2 ? 'residential' : 'footway', ...(i % 4 === 1 ? { osm_id: 900 + i } : {}), unread: 'x' },
    geometry: { type: i % 5 ? 'LineString' : 'MultiLineString', coordinates: i % 5 ? [[i, 0], [i, 1]] : [[[i, 0], [i, 1]], [[i, 2], [i, 3]]] },
  } as FeatureCollection['features'][number])),
});

describe('street tables', () => {
  it('name every way as featureId does, after concatenation too', () => {
    const a = streetLayer(7, 0);
    const b = streetLayer(5, 100);
    const joined = concatStreetTables([buildStreetTable(a), buildStreetTable(b)]);
    const all = [...a.features, ...b.features];
    expect(joined.count).toBe(12);
    all.forEach((f, i) => expect(streetId(joined, i)).toBe(featureId(f.properties, i, f.id)));
    const direct = buildStreetTable({ type: 'FeatureCollection', features: all });
    expect(streetFeatures(joined)).toEqual(streetFeatures(direct));
    all.forEach((f, i) => expect(streetFeatures(joined).features[i]!.geometry).toEqual(f.geometry));
    expect(streetFeatures(joined).features[0]!.properties).toEqual({ highway: 'footway' });
  });
});

describe('facility tables', () => {
  it('built per layer and concatenated equal the table of all layers', () => {
    const layer = (cat: string, n: number): FeatureCollection => ({
      type: 'FeatureCollection',
      features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: i % 2 ? { category: 'school' } : {}, geometry: { type: 'Point', coordinates: [i, n] } })),
    });
    const layers = [{ fc: layer('playground', 3), category: 'playground' }, { fc: layer('kindergarten', 4), category: 'kindergarten' }];
    expect(concatFacilityTables(layers.map((l) => buildFacilityTable([l])))).toEqual(buildFacilityTable(layers));
  });
});

describe('crossing table', () => {
  const control = fc.dictionary(fc.constantFrom('crossing', 'highway', 'crossing:signals', 'crossing:markings', 'crossing_ref', 'name'),
    fc.constantFrom('traffic_signals', 'marked', 'zebra', 'uncontrolled', 'unmarked', 'grade_separated', 'yes', 'no', 'crossing'));
  const layer = fc.array(fc.tuple(geometry, control), { maxLength: 12 }).map((fs): FeatureCollection => ({
    type: 'FeatureCollection', features: fs.map(([g, p]) => ({ type: 'Feature', geometry: g as Geometry, properties: p })),
  }));
  it('keeps each point where it was with the control the core reads from it, and only points', () => {
    fc.assert(fc.property(layer, (l) => {
      const points = l.features.filter((f) => f.geometry?.type === 'Point');
      const back = crossingFeatures(buildCrossingTable(l)).features;
      expect(back.map((f) => f.geometry)).toEqual(points.map((f) => f.geometry));
      expect(back.map((f) => readControl(f.properties))).toEqual(points.map((f) => readControl(f.properties)));
    }), { numRuns: 200 });
  });
  it('concatenated equals the table of the concatenated layers', () => {
    fc.assert(fc.property(layer, layer, (a, b) => {
      const joined = concatCrossingTables([buildCrossingTable(a), buildCrossingTable(b)]);
      expect(crossingFeatures(joined)).toEqual(crossingFeatures(buildCrossingTable({ type: 'FeatureCollection', features: [...a.features, ...b.features] })));
    }), { numRuns: 100 });
  });
});
