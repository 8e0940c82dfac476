/**
 * Property: on random networks whose ways are densely noded (every stretch between two junction points
 * split into three by two vertices inside it, as real streets are), the core's safe route of every home
 * costs exactly what the brute-force oracle's cheapest route costs, and its length, worst segment, worst
 * crossing and stressful-crossing count are those of one of the oracle's cheapest routes. The turn-aware
 * search walks such turn-free chains without its heap; this checks it against the oracle where chains are
 * the common case (the scenes of oracle.property.test.ts have few of them). Also: the facts read off the
 * search's tree (TreeFacts) equal those of walking each route, stressful ways and crossings included.
 */
import fc from 'fast-check';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeCategoryAccess } from '../../../src/core/access';
import { buildNetwork, snapPoints } from '../../../src/core/network';
import { CHILD_V1, computeSafeRoutes, routeHomes } from '../../../src/core/safety';
import { oracleRoutes, SPEEDS } from './oracle';

const BASE = [10, 45];
const STEP = 2e-4;
const opt = <T>(...xs: T[]) => fc.constantFrom<T | undefined>(undefined, ...xs);

const scene = fc.record({
  vertices: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 3, maxLength: 6 }),
  ways: fc.array(fc.record({
    path: fc.array(fc.nat(), { minLength: 2, maxLength: 4 }),
    highway: fc.constantFrom('residential', 'footway', 'primary', 'tertiary', 'service', 'trunk', 'unclassified', 'living_street'),
    name: fc.constantFrom(undefined, 'A', 'B', 'C'),
    maxspeed: opt(...Object.keys(SPEEDS)),
    lanes: opt('1', '3', '4'),
    sidewalk: fc.constantFrom<Record<string, string>>({}, { sidewalk: 'both' }, { sidewalk: 'no' }),
  }), { minLength: 2, maxLength: 6 }),
  crossings: fc.array(fc.record({
    at: fc.nat(),
    tags: fc.constantFrom<Record<string, string>>({ crossing: 'traffic_signals' }, { crossing: 'zebra' }, { crossing: 'unmarked' }, { crossing: 'grade_separated' }),
  }), { maxLength: 3 }),
  homes: fc.array(fc.tuple(fc.integer({ min: -3000, max: 43000 }), fc.integer({ min: -3000, max: 43000 })), { minLength: 1, maxLength: 3 }),
  schools: fc.array(fc.tuple(fc.integer({ min: -3000, max: 43000 }), fc.integer({ min: -3000, max: 43000 })), { minLength: 1, maxLength: 3 }),
});
type Scene = typeof scene extends fc.Arbitrary<infer T> ? T : never;

/** Grid position in tenths of a step → coordinates (equal tenths give equal doubles: shared vertices stay shared). */
const at = (x10: number, y10: number) => [BASE[0]! + (x10 / 10) * STEP, BASE[1]! + (y10 / 10) * STEP];

function layers(s: Scene) {
  const grid = (i: number) => s.vertices[i % s.vertices.length]!;
  const streets: FeatureCollection<LineString> = { type: 'FeatureCollection', features: s.ways.map((w): Feature<LineString> => {
    const props: Record<string, string> = { highway: w.highway, ...w.sidewalk };
    for (const k of ['name', 'maxspeed', 'lanes'] as const) if (w[k] !== undefined) props[k] = w[k]!;
    const coords: number[][] = [];
    w.path.forEach((p, i) => {
      const [x, y] = grid(p);
      if (i > 0) {
        const [x0, y0] = grid(w.path[i - 1]!);
        if (x0 !== x || y0 !== y) {
          // Two vertices inside the stretch, at 0.3 and 0.7 of it from its lower end (so both directions of a
          // way, and two ways over one stretch, get the same points); tenths never land on a grid vertex.
          const lowFirst = x0 < x || (x0 === x && y0 < y);
          const [ax, ay, bx, by] = lowFirst ? [x0, y0, x, y] : [x, y, x0, y0];
          const inside = [3, 7].map((f) => at(ax * 10 + f * (bx - ax), ay * 10 + f * (by - ay)));
          coords.push(...(lowFirst ? inside : inside.reverse()));
        }
      }
      coords.push(at(x * 10, y * 10));
    });
    return { type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: coords } };
  }) };
  const crossings: FeatureCollection<Point> = { type: 'FeatureCollection', features: s.crossings.map((c): Feature<Point> => {
    const [x, y] = grid(c.at);
    return { type: 'Feature', properties: c.tags, geometry: { type: 'Point', coordinates: at(x * 10, y * 10) } };
  }) };
  const place = ([x, y]: [number, number]) => [BASE[0]! + x * STEP * 1e-4, BASE[1]! + y * STEP * 1e-4];
  return { streets, crossings, homes: s.homes.map(place), schools: s.schools.map(place) };
}

describe('safe routes on densely noded ways against the brute-force oracle', () => {
  it('agree on random scenes', () => {
    let compared = 0;
    let chainVertices = 0;
    fc.assert(fc.property(scene, (s) => {
      const { streets, crossings, homes, schools } = layers(s);
      const net = buildNetwork(streets, { islandMaxM: 0 });
      for (let v = 0; v < net.nodeCount; v++) if (net.offsets[v + 1]! - net.offsets[v]! === 2) chainVertices++;
      const arr = (ps: number[][], k: number) => Float64Array.from(ps.map((p) => p[k]!));
      const homeSnap = snapPoints(net, arr(homes, 0), arr(homes, 1));
      const schoolSnap = snapPoints(net, arr(schools, 0), arr(schools, 1));
      const access = computeCategoryAccess(net, homeSnap, schoolSnap, Int32Array.from(schools.map((_, i) => i)));
      const routes = computeSafeRoutes({ net, streets, crossings, homeSnap, schoolSnap, access, profile: CHILD_V1 });
      // Facts from the search's tree (whole cities) equal those of walking each route (one home shown).
      const homeSchool = Int32Array.from(routes.status, (st, h) => (st === 0 ? routes.school[h]! : -1));
      const walked = routeHomes(routes.graph, homeSnap, schoolSnap, homeSchool, 2, undefined, undefined, true);
      const shared = routeHomes(routes.graph, homeSnap, schoolSnap, homeSchool, 2);
      shared.facts.forEach((f, h) => {
        const w = walked.facts[h];
        expect(f === null).toBe(w === null);
        if (!f || !w) return;
        expect(Math.abs(f.lengthM - w.lengthM)).toBeLessThan(1e-9);
        expect({ ...f, lengthM: 0, segments: [] }).toEqual({ ...w, lengthM: 0, segments: [] });
      });
      homes.forEach((home, h) => {
        const perSchool = schools.map((school) => oracleRoutes(streets, crossings, home, school));
        if (perSchool.some((o) => (o.homeSnap?.also.length ?? 0) > 0 || (o.schoolSnap?.also.length ?? 0) > 0)) return;
        const walks = perSchool.map((o) => o.walking);
        const best = Math.min(...walks);
        if (!Number.isFinite(best)) {
          expect(routes.status[h]).toBe(2);
          return;
        }
        expect(routes.walkingM[h]).toBeCloseTo(best, 6);
        // Ties between schools or with the maximum walk: which one is chosen is a matter of rounding.
        if (walks.filter((w) => Math.abs(w - best) < 1e-6).length > 1 || Math.abs(best - CHILD_V1.route.maxSchoolWalkM) < 1e-6) return;
        expect(routes.school[h]).toBe(walks.indexOf(best));
        expect(routes.status[h]).toBe(0);
        const optimal = perSchool[walks.indexOf(best)]!.routes;
        expect(Math.abs(routes.safeCostM[h]! - optimal[0]!.cost)).toBeLessThan(1e-6);
        const mine = [routes.maxSegmentPlts[h], routes.maxCrossingPlts[h], routes.crossingsPlts3[h]];
        const match = optimal.some((r) => Math.abs(r.length - routes.safeM[h]!) < 1e-6 && r.maxSeg === mine[0] && r.maxCross === mine[1] && r.n3 === mine[2]);
        expect(match, JSON.stringify({ mine, length: routes.safeM[h], optimal })).toBe(true);
        compared++;
      });
    }), { numRuns: 600, seed: 20261204 });
    expect(compared).toBeGreaterThan(300);
    // The scenes really are chain-heavy: at least two vertices inside every stretch.
    expect(chainVertices).toBeGreaterThan(600 * 4);
  });
});
