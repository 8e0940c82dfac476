import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { isochroneStreets, runAccessAnalysis, resolveThresholdsM, SNAP_LEG_STRIDE, type AnalysisInputs } from '../../../src/core/analysis';
import { coverageRows } from '../../../src/core/coverage';
import { createCancelToken, JobCancelledError, type Progress } from '../../../src/core/jobs';

// Independent haversine (R = 6,371,008.8 m, access contract) for the expected values.
const R = 6_371_008.8;
function hav(a: number[], b: number[]): number {
  const r = Math.PI / 180;
  const dLat = (b[1] - a[1]) * r;
  const dLng = (b[0] - a[0]) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
const f = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry, properties });
const fc = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const box = (x0: number, y0: number, x1: number, y1: number): number[][][] => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];

// An L of streets near the equator: (0,0) → (0.004,0) → (0.004,0.004), plus a motorway that must not count.
const P0 = [0, 0], P1 = [0.004, 0], P2 = [0.004, 0.004];
const inputs: AnalysisInputs = {
  streets: fc(
    f({ type: 'LineString', coordinates: [P0, P1] }, { id: 's1', highway: 'residential' }),
    f({ type: 'LineString', coordinates: [P1, P2] }, { id: 's2', highway: 'footway' }),
    f({ type: 'LineString', coordinates: [[0.001, 0.0001], [0.004, 0.0021]] }, { id: 'm', highway: 'motorway' }),
  ),
  homes: fc(
    f({ type: 'Point', coordinates: [0.001, 0.0001] }, { id: 'h1', children_7_12: 3, children_0_3: 1 }),
    f({ type: 'Point', coordinates: [0.0039, 0.0035] }, { id: 'h2', children_7_12: 2 }),
    f({ type: 'Point', coordinates: [0.002, 0.003] }, { id: 'far', children_7_12: 5 }), // ≥ 222 m from any street
  ),
  facilities: [
    { fc: fc(f({ type: 'Point', coordinates: [0.0041, 0.002] }, { id: 'pg' })), category: 'playground' },
    { fc: fc(f({ type: 'Point', coordinates: [0.0041, 0.0021] }, { id: 'sc', category: 'primary_school' })) },
  ],
  units: {
    community: fc(f({ type: 'Polygon', coordinates: box(-0.001, -0.001, 0.003, 0.005) }, { id: 'west' }), f({ type: 'Polygon', coordinates: box(0.003, -0.001, 0.006, 0.005) }, { id: 'east' })),
  },
};
const request = { categories: ['playground', 'primary_school', 'nursery'], thresholds: [{ m: 500 }, { m: 1000 }], isochrones: 'segments' as const };

describe('runAccessAnalysis on a hand-built L of streets', () => {
  const progress: Progress[] = [];
  const run = runAccessAnalysis(inputs, { ...request, jobId: 'j1' }, (p) => progress.push(p));
  const { result } = run;
  const pg = result.categories[0];

  it('walks snap leg + along the streets + snap leg', () => {
    const leg1 = hav([0.001, 0.0001], [0.001, 0]);
    const net = hav([0.001, 0], P1) + hav(P1, [0.004, 0.002]);
    const leg2 = hav([0.0041, 0.002], [0.004, 0.002]);
    expect(result.homeSnapM[0]).toBeCloseTo(leg1, 3);
    expect(pg.networkM[0]).toBeCloseTo(net, 1);
    expect(pg.walkingM[0]).toBeCloseTo(leg1 + net + leg2, 1);
    expect(result.facilityIds[pg.nearestFacility[0]]).toBe('pg');
  });
  it('ignores the motorway and leaves far homes not connected', () => {
    expect(result.homeSnapM[2]).toBe(Infinity);
    expect(pg.walkingM[2]).toBe(Infinity);
    expect(pg.nearestFacility[2]).toBe(-1);
    expect(result.notConnectedHomes).toBe(1);
    expect(pg.unreachableHomes).toBe(1);
  });
  it('treats a category without facilities as unreachable everywhere', () => {
    expect(result.categories[2].facilityCount).toBe(0);
    expect([...result.categories[2].walkingM]).toEqual([Infinity, Infinity, Infinity]);
  });
  it('writes snap legs for homes then facilities', () => {
    expect(result.snapLegs.length).toBe((3 + 2) * SNAP_LEG_STRIDE);
    expect([...result.snapLegs.subarray(0, 4)].map((x) => +x.toFixed(9))).toEqual([0.001, 0.0001, 0.001, 0]);
    expect(result.snapLegs[4]).toBeCloseTo(result.homeSnapM[0], 9);
    expect(Number.isNaN(result.snapLegs[2 * SNAP_LEG_STRIDE + 2])).toBe(true);
  });
  it('computes coverage with the not-connected home in the denominator', () => {
    const com = result.units.find((u) => u.level === 'community')!;
    expect([...com.homeUnit]).toEqual([0, 1, 0]);
    const rows = coverageRows(result.coverage[0], com);
    const pick = (unit: string, t: number) => rows.find((r) => r.unitId === unit && r.category === 'playground' && r.ageBand === '7-12' && r.thresholdM === t)!;
    // west: h1 (3 children, ≈ 580 m) and far (5, unreachable)
    expect(pg.walkingM[0]).toBeGreaterThan(500);
    expect(pick('west', 500)).toMatchObject({ childrenTotal: 8, childrenWithin: 0, homesUnreachable: 1 });
    expect(pick('west', 1000)).toMatchObject({ childrenTotal: 8, childrenWithin: 3, share: 3 / 8 });
    expect(pick('east', 500)).toMatchObject({ childrenTotal: 2, childrenWithin: 2, share: 1 });
  });
  it('reports every stage in order with fractions rising to 1', () => {
    const stages = [...new Set(progress.map((p) => p.stage))];
    expect(stages).toEqual(['progress.network', 'progress.snap', 'progress.paths', 'progress.isochrones', 'progress.coverage']);
    progress.forEach((p, i) => i > 0 && expect(p.fraction!).toBeGreaterThanOrEqual(progress[i - 1].fraction!));
    expect(progress.at(-1)!.fraction).toBe(1);
    expect(progress.every((p) => p.jobId === 'j1')).toBe(true);
  });
  it('draws reachable streets per threshold: all of the L within 1000 m of the playground', () => {
    const seg = isochroneStreets(result.isochrones[0], result.thresholdsM).features;
    expect(seg.map((s) => s.properties.threshold_m)).toEqual([500, 1000]);
    const length = (i: number) => (seg[i].geometry.coordinates as number[][][]).reduce((s, l) => s + hav(l[0], l[1]), 0);
    expect(length(1)).toBeCloseTo(hav(P0, P1) + hav(P1, P2), 0);
    // within 500 m network distance: 445 m of the vertical leg (all of it) + (500 - 222.4) m of the horizontal one
    expect(length(0)).toBeCloseTo(hav(P1, P2) + (500 - hav(P1, [0.004, 0.002]) - hav([0.0041, 0.002], [0.004, 0.002])), 0);
  });
  it('explains a path whose length is the walking distance', () => {
    const path = run.explain(0, 'playground')!;
    const len = path.coordinates.slice(1).reduce((s, c, i) => s + hav([...path.coordinates[i]], [...c]), 0);
    expect(len).toBeCloseTo(pg.walkingM[0], 1);
    expect(run.explain(2, 'playground')).toBeNull();
    expect(run.explain(0, 'unknown')).toBeNull();
  });
});

describe('runAccessAnalysis requests', () => {
  it('converts minutes at the age band speed', () => {
    expect([...resolveThresholdsM([{ minutes: 10, ageBand: '4-6' }, { m: 300 }], { '4-6': 0.5 })]).toEqual([300]);
    expect([...resolveThresholdsM([{ minutes: 5, ageBand: '13-18' }, { m: 1000 }])]).toEqual([330, 1000]);
  });
  it('stops with JobCancelledError when cancelled', () => {
    const token = createCancelToken();
    expect(() => runAccessAnalysis(inputs, request, (p) => p.stage === 'progress.paths' && token.cancel(), token)).toThrow(JobCancelledError);
  });
  it('applies a cutoff: beyond it homes are unreachable', () => {
    const { result } = runAccessAnalysis(inputs, { ...request, cutoffM: 400 });
    expect(result.categories[0].walkingM[0]).toBe(Infinity);
    expect(result.categories[0].walkingM[1]).toBeLessThan(400);
  });
});
