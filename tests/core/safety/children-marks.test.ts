/**
 * Children's marks against a safe-routes result (issue 9, item 6) on a hand-drawn scene at the equator,
 * where 1e-4° is 11.1195 m both ways (the contract's sphere): every count and disagreement below is worked
 * out by hand in the comments.
 */
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { countChildrenMarks, indexMarksNetwork, NEAR_CROSSING_M, NEAR_WAY_M, type MarksNetworkInput } from '../../../src/core/safety';
import type { SketchFeature } from '../../../src/core/sketch';

const M = 111_195.08 / 1e4; // metres per 1e-4° at the equator
const ln = (...c: [number, number][]): Geometry => ({ type: 'LineString', coordinates: c });

/**
 * 0 Main Road (PLTS 4, sidewalk) along y = 0; 1 Quiet Lane (PLTS 2, assumed_quiet) along y = 0.001;
 * 2 a footpath (PLTS 1, dedicated) x = 0.001 between them; 3 a motorway nobody may walk (PLTS 0) along y = -0.002.
 * Crossings: c0 (0.001, 0) PLTS 4 unmarked — the crossing hotspot; c1 (0.001, 0.001) PLTS 1 marked. Way hotspot: Main Road.
 */
const SCENE: MarksNetworkInput = {
  streets: [ln([0, 0], [0.002, 0]), ln([0, 0.001], [0.002, 0.001]), ln([0.001, 0], [0.001, 0.001]), ln([0, -0.002], [0.002, -0.002])],
  street: { plts: Uint8Array.of(4, 2, 1, 0), basis: Uint8Array.of(1, 3, 0, 0) },
  crossingPoints: { lng: Float64Array.of(0.001, 0.001), lat: Float64Array.of(0, 0.001), plts: Uint8Array.of(4, 1), control: Uint8Array.of(2, 1) },
  crossingHotspots: [{ lng: 0.001, lat: 0 }],
  wayHotspots: [{ way: 0 }],
};

let n = 0;
const danger = (x: number, y: number, age?: '7_12'): SketchFeature => ({ type: 'Feature', id: `d${++n}`, geometry: { type: 'Point', coordinates: [x, y] }, properties: { kind: 'danger', ...(age ? { age_band: age } : {}) } });
const route = (...c: [number, number][]): SketchFeature => ({ type: 'Feature', id: `r${++n}`, geometry: { type: 'LineString', coordinates: c }, properties: { kind: 'route' } });
const other = (id: string, geometry: SketchFeature['geometry'], kind: SketchFeature['properties']['kind']): SketchFeature => ({ type: 'Feature', id, geometry, properties: { kind } });

describe('children\'s marks on the hand scene', () => {
  const ix = indexMarksNetwork(SCENE);

  it('danger marks near the hotspots: 30 m of a crossing, 20 m of a way', () => {
    const r = countChildrenMarks(ix, [
      danger(0.001, 0.0002), // 22.2 m north of c0: near the crossing; 22.2 m from Main Road: not near the way
      danger(0.0015, 0.0001), // 11.1 m from Main Road, 56.7 m from c0: the way only
      danger(0.001, -0.00026), // 28.9 m south of c0: the crossing; 28.9 m from Main Road: not the way
      danger(0.001, -0.00028), // 31.1 m: neither
      danger(0.0019, -0.00017), // 18.9 m from Main Road: the way
    ]);
    expect(r.crossings).toEqual([{ danger: 2, routes: 0 }]);
    expect(r.ways).toEqual([{ danger: 2, routes: 0 }]);
    expect(r.dangerMarks).toBe(5);
  });

  it('routes passing through: within 30 m of the crossing, within 20 m of the way, each route once', () => {
    const r = countChildrenMarks(ix, [
      route([0.0005, 0.0005], [0.0015, -0.0005]), // crosses Main Road at c0: both
      route([0, 0.0003], [0.002, 0.0003]), // parallel at 33.4 m: neither
      route([0, 0.00025], [0.002, 0.00025]), // parallel at 27.8 m: the crossing, not the way
      route([0.0005, 0.00015], [0.0006, 0.00015]), // 16.7 m from Main Road, 47.5 m from c0: the way
      route([0.0002, 0.0001], [0.0003, 0.0001], [0.0004, 0.0001], [0.0003, 0.0001]), // 11.1 m along three segments: the way, once
    ]);
    expect(r.crossings).toEqual([{ danger: 0, routes: 2 }]);
    expect(r.ways).toEqual([{ danger: 0, routes: 3 }]);
    expect(r.routeMarks).toBe(5);
    expect(r.disagreements).toEqual([]);
  });

  it('disagreements: danger where everything near is PLTS 1–2, on the nearest crossing, else the nearest way', () => {
    const r = countChildrenMarks(ix, [
      danger(0.001, 0.0002), // near c0 (PLTS 4): agrees
      danger(0.0012, 0.00095, '7_12'), // c1 (PLTS 1) at 22.9 m, Quiet Lane at 5.6 m, footpath at 22.2 m: the crossing c1
      danger(0.0018, 0.00105), // Quiet Lane at 5.6 m, c1 at 88.9 m: the lane
      danger(0.0018, 0.0009), // the lane again, at 11.1 m: one disagreement of two marks
      danger(0.001, -0.0019), // 11.1 m from the motorway (unrated): the model does not call it safe
      danger(0.01, 0.01), // nothing near
      other('area', { type: 'Polygon', coordinates: [[[0.0017, 0.0009], [0.0019, 0.0009], [0.0019, 0.0011], [0.0017, 0.0009]]] }, 'danger'),
      other('wish', { type: 'Point', coordinates: [0.0018, 0.001] }, 'wish'),
    ]);
    expect(r.dangerMarks).toBe(6);
    expect(r.disagreements).toHaveLength(2);
    const [lane, crossing] = r.disagreements;
    expect(lane).toMatchObject({ target: 'way', way: 1, crossing: -1, plts: 2, basis: 'assumed_quiet' });
    expect(lane!.lng).toBeCloseTo(0.0018, 12);
    expect(lane!.lat).toBeCloseTo(0.001, 12);
    expect(lane!.marks.map((m) => m.distanceM)).toEqual([expect.closeTo(0.5 * M, 3), expect.closeTo(M, 3)]);
    // The crossing is named by the way it lies on with the smaller index (the lane, 1, before the footpath, 2).
    expect(crossing).toMatchObject({ target: 'crossing', crossing: 1, way: 1, plts: 1, basis: 'marked', lng: 0.001, lat: 0.001 });
    expect(crossing!.marks).toEqual([{ id: expect.any(String), lng: 0.0012, lat: 0.00095, ageBand: '7_12', distanceM: expect.closeTo(Math.hypot(2, 0.5) * M, 3) }]);
    expect(r.crossings).toEqual([{ danger: 1, routes: 0 }]);
  });

  it('distances are metres at any latitude: 0.0004° of longitude is 22.2 m at 60° N, 44.5 m at the equator', () => {
    const at = (lat: number): MarksNetworkInput => ({ ...SCENE, streets: [], street: { plts: [], basis: [] }, crossingPoints: { lng: [], lat: [], plts: [], control: [] },
      crossingHotspots: [{ lng: 0.001, lat }], wayHotspots: [] });
    expect(countChildrenMarks(indexMarksNetwork(at(60)), [danger(0.0014, 60)]).crossings).toEqual([{ danger: 1, routes: 0 }]);
    expect(countChildrenMarks(indexMarksNetwork(at(0)), [danger(0.0014, 0)]).crossings).toEqual([{ danger: 0, routes: 0 }]);
  });

  it('an empty result and an empty sketch', () => {
    const empty = indexMarksNetwork({ streets: [], street: { plts: [], basis: [] }, crossingPoints: { lng: [], lat: [], plts: [], control: [] }, crossingHotspots: [], wayHotspots: [] });
    expect(countChildrenMarks(empty, [danger(0, 0), route([0, 0], [1, 1])])).toEqual({ crossings: [], ways: [], disagreements: [], dangerMarks: 1, routeMarks: 1 });
    expect(countChildrenMarks(ix, [])).toEqual({ crossings: [{ danger: 0, routes: 0 }], ways: [{ danger: 0, routes: 0 }], disagreements: [], dangerMarks: 0, routeMarks: 0 });
    expect([NEAR_CROSSING_M, NEAR_WAY_M]).toEqual([30, 20]);
  });
});
