/** Summaries and hotspots on the hand-made fixtures, with hand-counted answers. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossingHotspots, routeWeights, summariseBySchool, summariseRoutes, wayHotspots, weightedMedian } from '../../../src/core/safety';
import { runFixture } from './run-fixture';

const load = (name: string) => runFixture(JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures/safety', name, 'in', `${name}.geojson`), 'utf8')));
const homesOnly = (n: number) => ({ weight: new Float64Array(n).fill(1), children: false });

describe('weights', () => {
  it('children of 7–12 when any home has them, else one per home', () => {
    const zero = new Float64Array(2);
    expect(routeWeights({ children: { '0-3': Float64Array.of(4, 4), '4-6': zero, '7-12': zero, '13-18': zero } })).toEqual(homesOnly(2));
    expect(routeWeights({ children: { '0-3': zero, '4-6': zero, '7-12': Float64Array.of(2, NaN), '13-18': zero } }))
      .toEqual({ weight: Float64Array.of(2, 0), children: true });
  });
  it('weighted median', () => {
    expect(weightedMedian([3, 1, 2], [1, 1, 1])).toBe(2);
    expect(weightedMedian([1, 5], [1, 3])).toBe(5);
    expect(weightedMedian([], [])).toBeNaN();
  });
});

describe('summaries', () => {
  it('per school: beyond homes count in the denominator', () => {
    const { routes } = load('beyond-and-unreachable');
    const [s1] = summariseBySchool(routes, 1, homesOnly(4));
    expect(s1).toMatchObject({ total: 2, safe: 1, unsafe: 0, beyond: 1, unreachable: 0, safeShare: 0.5, unsafeShare: 0, medianDetour: 1 });
  });
  it('per unit: unreachable homes count too', () => {
    const { routes } = load('beyond-and-unreachable');
    const [u0, u1] = summariseRoutes(routes, Int32Array.of(0, 0, 1, 1), 2, { weight: Float64Array.of(3, 1, 2, 2), children: true });
    expect(u0).toMatchObject({ total: 4, safe: 3, beyond: 1, safeShare: 0.75 });
    expect(u1).toMatchObject({ total: 4, safe: 0, unreachable: 4, safeShare: 0 });
    expect(u1!.medianDetour).toBeNaN();
  });
  it('unsafe routes and long detours', () => {
    const taken = load('detour-taken').routes;
    const [t] = summariseBySchool(taken, 1, homesOnly(1));
    expect(t).toMatchObject({ safe: 1, unsafe: 0, longDetours: 1 });
    expect(t!.medianDetour).toBeCloseTo(1.82 / 0.82, 9);
    const notTaken = load('detour-not-taken').routes;
    expect(summariseBySchool(notTaken, 1, homesOnly(1))[0]).toMatchObject({ safe: 0, unsafe: 1, unsafeShare: 1, longDetours: 0 });
  });
});

describe('hotspots', () => {
  it('the trunk crossing, with the crossed road\'s ref; the bridge is no hotspot', () => {
    const { routes } = load('footway-meets-trunk');
    expect(crossingHotspots(routes, homesOnly(2))).toEqual([{ node: expect.any(Number), lng: 0, lat: 0, plts: 4, control: 'unmarked', roads: ['G4'], routes: 1, weight: 1 }]);
  });
  it('crossings of PLTS 2 are not hotspots', () => {
    expect(crossingHotspots(load('past-vs-turn').routes, homesOnly(2))).toEqual([]);
  });
  it('ways of PLTS ≥ 3 ranked by the children whose route uses them', () => {
    const { routes } = load('past-vs-turn');
    const ways = wayHotspots(routes, { weight: Float64Array.of(3, 5), children: true });
    // Main Street (feature 0) carries both routes (3 + 5); Side Street (feature 1) only h2's (5).
    expect(ways.map((w) => [w.way, w.plts, w.basis, w.routes, w.weight])).toEqual([[0, 3, 'sidewalk', 2, 8], [1, 3, 'sidewalk', 1, 5]]);
    // Equal children (none): more routes first. More children beat more routes.
    expect(wayHotspots(routes, { weight: Float64Array.of(0, 0), children: true }).map((w) => w.way)).toEqual([0, 1]);
    expect(wayHotspots(routes, { weight: Float64Array.of(0, 1), children: true }).map((w) => [w.way, w.weight])).toEqual([[0, 1], [1, 1]]);
  });
});
