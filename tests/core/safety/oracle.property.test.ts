/**
 * Property: on small random networks with random tags and crossing points, the core's safe route of every
 * home costs exactly what the brute-force oracle's cheapest route costs, and its length, worst segment,
 * worst crossing and stressful-crossing count are those of one of the oracle's cheapest routes.
 */
import fc from 'fast-check';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeCategoryAccess } from '../../../src/core/access';
import { buildNetwork, snapPoints } from '../../../src/core/network';
import { CHILD_V1, computeSafeRoutes } from '../../../src/core/safety';
import { oracleRoutes, SPEEDS } from './oracle';

const BASE = [10, 45];
const STEP = 2e-4;
const opt = <T>(...xs: T[]) => fc.constantFrom<T | undefined>(undefined, ...xs);

const scene = fc.record({
  vertices: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 3, maxLength: 7 }),
  ways: fc.array(fc.record({
    path: fc.array(fc.nat(), { minLength: 2, maxLength: 4 }),
    highway: fc.constantFrom('residential', 'footway', 'primary', 'tertiary', 'secondary_link', 'service', 'trunk', 'steps', 'unclassified', 'living_street'),
    name: fc.constantFrom(undefined, 'A', 'B', 'C', 'D'),
    ref: opt('R1'),
    maxspeed: opt(...Object.keys(SPEEDS)),
    lanes: opt('1', '3', '4'),
    sidewalk: fc.constantFrom<Record<string, string>>({}, { sidewalk: 'both' }, { sidewalk: 'no' }, { 'sidewalk:left': 'no', 'sidewalk:right': 'no' }, { 'sidewalk:both': 'separate' }),
  }), { minLength: 2, maxLength: 7 }),
  crossings: fc.array(fc.record({
    at: fc.nat(),
    tags: fc.constantFrom<Record<string, string>>({ crossing: 'traffic_signals' }, { highway: 'traffic_signals' }, { crossing: 'zebra' }, { crossing: 'unmarked' },
      { crossing: 'uncontrolled' }, { crossing_ref: 'zebra' }, { 'crossing:markings': 'yes' }, { crossing: 'grade_separated' }, { 'crossing:signals': 'yes' }),
  }), { maxLength: 3 }),
  homes: fc.array(fc.tuple(fc.integer({ min: -3000, max: 43000 }), fc.integer({ min: -3000, max: 43000 })), { minLength: 1, maxLength: 3 }),
  schools: fc.array(fc.tuple(fc.integer({ min: -3000, max: 43000 }), fc.integer({ min: -3000, max: 43000 })), { minLength: 1, maxLength: 3 }),
  maxSchoolWalkM: fc.constantFrom(3000, 60),
});

function layers(s: fc.Arbitrary<unknown> extends never ? never : typeof scene extends fc.Arbitrary<infer T> ? T : never) {
  const vertex = (i: number) => {
    const [x, y] = s.vertices[i % s.vertices.length]!;
    return [BASE[0]! + x * STEP, BASE[1]! + y * STEP];
  };
  const streets: FeatureCollection<LineString> = { type: 'FeatureCollection', features: s.ways.map((w): Feature<LineString> => {
    const props: Record<string, string> = { highway: w.highway, ...w.sidewalk };
    for (const k of ['name', 'ref', 'maxspeed', 'lanes'] as const) if (w[k] !== undefined) props[k] = w[k]!;
    return { type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: w.path.map(vertex) } };
  }) };
  const crossings: FeatureCollection<Point> = { type: 'FeatureCollection', features: s.crossings.map((c): Feature<Point> => (
    { type: 'Feature', properties: c.tags, geometry: { type: 'Point', coordinates: vertex(c.at) } })) };
  const place = ([x, y]: [number, number]) => [BASE[0]! + x * STEP * 1e-4, BASE[1]! + y * STEP * 1e-4];
  return { streets, crossings, homes: s.homes.map(place), schools: s.schools.map(place) };
}

describe('safe routes against the brute-force oracle', () => {
  it('agree on random scenes', () => {
    let compared = 0;
    fc.assert(fc.property(scene, (s) => {
      const { streets, crossings, homes, schools } = layers(s);
      const net = buildNetwork(streets, { islandMaxM: 0 });
      const arr = (ps: number[][], k: number) => Float64Array.from(ps.map((p) => p[k]!));
      const homeSnap = snapPoints(net, arr(homes, 0), arr(homes, 1));
      const schoolSnap = snapPoints(net, arr(schools, 0), arr(schools, 1));
      const access = computeCategoryAccess(net, homeSnap, schoolSnap, Int32Array.from(schools.map((_, i) => i)));
      const profile = { ...CHILD_V1, route: { ...CHILD_V1.route, maxSchoolWalkM: s.maxSchoolWalkM } };
      const routes = computeSafeRoutes({ net, streets, crossings, homeSnap, schoolSnap, access, profile });
      homes.forEach((home, h) => {
        const perSchool = schools.map((school) => oracleRoutes(streets, crossings, home, school));
        // Points lying on several segments at once are the access oracle's business, not this one's.
        if (perSchool.some((o) => (o.homeSnap?.also.length ?? 0) > 0 || (o.schoolSnap?.also.length ?? 0) > 0)) return;
        const walks = perSchool.map((o) => o.walking);
        const best = Math.min(...walks);
        const status = ['ok', 'beyond', 'unreachable'][routes.status[h]!];
        if (!Number.isFinite(best)) {
          expect(status).toBe('unreachable');
          return;
        }
        expect(routes.walkingM[h]).toBeCloseTo(best, 6);
        // Ties between schools or with the maximum walk: which one is chosen is a matter of rounding.
        if (walks.filter((w) => Math.abs(w - best) < 1e-6).length > 1 || Math.abs(best - s.maxSchoolWalkM) < 1e-6) return;
        const f = walks.indexOf(best);
        expect(routes.school[h]).toBe(f);
        if (best > s.maxSchoolWalkM) {
          expect(status).toBe('beyond');
          return;
        }
        expect(status).toBe('ok');
        const optimal = perSchool[f]!.routes;
        expect(Math.abs(routes.safeCostM[h]! - optimal[0]!.cost)).toBeLessThan(1e-6);
        const mine = [routes.maxSegmentPlts[h], routes.maxCrossingPlts[h], routes.crossingsPlts3[h]];
        const match = optimal.some((r) => Math.abs(r.length - routes.safeM[h]!) < 1e-6 && r.maxSeg === mine[0] && r.maxCross === mine[1] && r.n3 === mine[2]);
        expect(match, JSON.stringify({ mine, length: routes.safeM[h], optimal })).toBe(true);
        compared++;
      });
    }), { numRuns: 1500, seed: 20261203 });
    // The property must have compared real routes, not only skipped cases.
    expect(compared).toBeGreaterThan(500);
  });
});
