/**
 * Properties of counting children's marks, on small random scenes near Shenzhen:
 * - every count and every disagreement equals a brute-force oracle that checks every mark against every
 *   crossing and way with Turf's geodesic distances (no index, no code shared with the core);
 * - moving one mark far away never increases a count, and takes it out of every count and disagreement.
 */
import * as turf from '@turf/turf';
import fc from 'fast-check';
import type { Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { countChildrenMarks, indexMarksNetwork, NEAR_CROSSING_M, NEAR_WAY_M, type MarksNetworkInput, type SketchMark } from '../../../src/core/safety';

const BASE: Position = [114.05, 22.55];
const STEP = 2.5e-5; // ≈ 2.6 m east, 2.8 m north
const pt = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })).map(([i, j]): [number, number] => [BASE[0]! + i * STEP, BASE[1]! + j * STEP]);
const line = (min: number) => fc.array(pt, { minLength: min, maxLength: 4 }).filter((c) => c.some((p) => p[0] !== c[0]![0] || p[1] !== c[0]![1]));

const sceneArb = fc.record({
  streets: fc.array(fc.record({ coords: line(2), plts: fc.integer({ min: 0, max: 4 }), basis: fc.integer({ min: 0, max: 4 }) }), { maxLength: 5 }),
  crossings: fc.array(fc.record({ at: pt, plts: fc.integer({ min: 1, max: 4 }), control: fc.integer({ min: 0, max: 3 }) }), { maxLength: 4 }),
  hotCrossings: fc.array(pt, { maxLength: 3 }),
  hotWays: fc.uniqueArray(fc.nat({ max: 4 }), { maxLength: 3 }),
  dangers: fc.array(pt, { maxLength: 6 }),
  routes: fc.array(line(2), { maxLength: 3 }),
});
type Scene = typeof sceneArb extends fc.Arbitrary<infer T> ? T : never;

function input(s: Scene): MarksNetworkInput {
  return {
    streets: s.streets.map((w): Geometry => ({ type: 'LineString', coordinates: w.coords })),
    street: { plts: s.streets.map((w) => w.plts), basis: s.streets.map((w) => w.basis) },
    crossingPoints: { lng: s.crossings.map((c) => c.at[0]), lat: s.crossings.map((c) => c.at[1]), plts: s.crossings.map((c) => c.plts), control: s.crossings.map((c) => c.control) },
    crossingHotspots: s.hotCrossings.map(([lng, lat]) => ({ lng, lat })),
    wayHotspots: s.hotWays.filter((w) => w < s.streets.length).map((way) => ({ way })),
  };
}

function marks(s: Scene): SketchMark[] {
  return [
    ...s.dangers.map((c, i) => ({ id: `d${i}`, geometry: { type: 'Point', coordinates: c }, properties: { kind: 'danger' } })),
    ...s.routes.map((c, i) => ({ id: `r${i}`, geometry: { type: 'LineString', coordinates: c }, properties: { kind: 'route' } })),
  ];
}

/** Too close to a threshold to call (Turf's geodesic and the core's plane differ by far less than this). */
const EDGE_M = 0.01;

function oracle(s: Scene) {
  const inp = input(s);
  let edge = false;
  const within = (m: number, r: number) => {
    if (Math.abs(m - r) < EDGE_M) edge = true;
    return m <= r;
  };
  const dPt = (a: Position, b: Position) => turf.distance(a, b, { units: 'meters' });
  const dLine = (p: Position, c: Position[]) => turf.pointToLineDistance(p, turf.lineString(c), { units: 'meters' });
  const dLines = (a: Position[], b: Position[]) => (turf.lineIntersect(turf.lineString(a), turf.lineString(b)).features.length > 0 ? 0
    : Math.min(...a.map((p) => dLine(p, b)), ...b.map((p) => dLine(p, a))));
  const hotWays = inp.wayHotspots.map((w) => s.streets[w.way]!.coords);
  const crossings = s.hotCrossings.map((h) => ({
    danger: s.dangers.filter((d) => within(dPt(d, h), NEAR_CROSSING_M)).length,
    routes: s.routes.filter((r) => within(dLine(h, r), NEAR_CROSSING_M)).length,
  }));
  const ways = hotWays.map((w) => ({
    danger: s.dangers.filter((d) => within(dLine(d, w), NEAR_WAY_M)).length,
    routes: s.routes.filter((r) => within(dLines(r, w), NEAR_WAY_M)).length,
  }));
  const disagreeing = s.dangers.flatMap((d, i) => {
    const nearC = s.crossings.filter((c) => within(dPt(d, c.at), NEAR_CROSSING_M));
    const nearW = s.streets.filter((w) => within(dLine(d, w.coords), NEAR_WAY_M));
    const alarming = nearC.some((c) => c.plts >= 3) || nearW.some((w) => w.plts === 0 || w.plts >= 3);
    return !alarming && nearC.length + nearW.length > 0 ? [`d${i}`] : [];
  });
  return { crossings, ways, disagreeing: disagreeing.sort(), edge };
}

describe('children\'s marks, properties', () => {
  it('counts and disagreements equal a brute-force Turf oracle', () => {
    fc.assert(fc.property(sceneArb, (s) => {
      const want = oracle(s);
      fc.pre(!want.edge);
      const got = countChildrenMarks(indexMarksNetwork(input(s)), marks(s));
      expect(got.crossings).toEqual(want.crossings);
      expect(got.ways).toEqual(want.ways);
      expect(got.disagreements.flatMap((d) => d.marks.map((m) => m.id)).sort()).toEqual(want.disagreeing);
      for (const d of got.disagreements) expect(d.plts === 1 || d.plts === 2).toBe(true);
    }), { seed: 9006, numRuns: 300 });
  });

  it('moving a mark far away never increases a count and takes it out of every one', () => {
    fc.assert(fc.property(sceneArb, fc.nat(), (s, pick) => {
      const all = marks(s);
      fc.pre(all.length > 0);
      const ix = indexMarksNetwork(input(s));
      const before = countChildrenMarks(ix, all);
      const k = pick % all.length;
      const moved = all.map((m, i) => {
        if (i !== k) return m;
        const c = m.geometry.coordinates as Position | Position[];
        const far = (p: Position) => [p[0]! + 0.5, p[1]! + 0.5];
        return { ...m, geometry: { type: m.geometry.type, coordinates: m.geometry.type === 'Point' ? far(c as Position) : (c as Position[]).map(far) } };
      });
      const after = countChildrenMarks(ix, moved);
      const sum = (xs: readonly { danger: number; routes: number }[]) => xs.reduce((n, x) => n + x.danger + x.routes, 0);
      [...before.crossings, ...before.ways].forEach((b, i) => {
        const a = [...after.crossings, ...after.ways][i]!;
        expect(a.danger).toBeLessThanOrEqual(b.danger);
        expect(a.routes).toBeLessThanOrEqual(b.routes);
      });
      // Only the moved mark's own contributions go: a mark is counted once per hotspot at most.
      const own = countChildrenMarks(ix, [all[k]!]);
      expect(sum(after.crossings) + sum(after.ways)).toBe(sum(before.crossings) + sum(before.ways) - sum(own.crossings) - sum(own.ways));
      expect(after.disagreements.some((d) => d.marks.some((m) => m.id === all[k]!.id))).toBe(false);
      expect(after.dangerMarks).toBe(before.dangerMarks);
    }), { seed: 9007, numRuns: 300 });
  });
});
