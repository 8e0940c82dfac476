/**
 * Isochrones: the street cut at the exact threshold point, and areas that nest and never draw a home
 * inside an area whose threshold it exceeds (Monaco, Moscow and random networks).
 */
import fc from 'fast-check';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildNetwork, snapPoints, type PedestrianNetwork } from '../../../src/core/network';
import { computeCategoryAccess, type CategoryAccessResult } from '../../../src/core/access';
import { isochrones, DEFAULT_CELL_M, DEFAULT_WALK_IN_WIDTH_M } from '../../../src/core/isochrones';
import { oracleHaversine } from '../access/oracle';
import { loadLayer, locations } from '../access/real-data';
import { randomScene, sceneLayers } from '../access/random-scene';

const U = (6_371_008.8 * Math.PI / 180) * 0.001;

type Homes = { lng: Float64Array; lat: Float64Array };
const inside = (area: Feature<Polygon | MultiPolygon> | undefined, lng: number, lat: number) =>
  !!area && booleanPointInPolygon(point([lng, lat]), area);

/** The three promises of the area definition, checked home by home and on sample points. */
function checkAreas(net: PedestrianNetwork, access: CategoryAccessResult, homes: Homes, snapM: Float64Array, thresholds: number[], samples: number[][]) {
  const iso = isochrones(net, access, homes, thresholds);
  const areaOf = (T: number) => iso.areas.features.find((f) => f.properties.threshold_m === T);
  for (const T of thresholds) {
    const area = areaOf(T);
    for (let h = 0; h < homes.lng.length; h++) {
      const within = access.walkingM[h]! <= T;
      if (!within) expect(inside(area, homes.lng[h]!, homes.lat[h]!), `home ${h} beyond ${T}`).toBe(false);
    }
    for (let h = 0; h < homes.lng.length; h++) {
      if (!(access.walkingM[h]! <= T) || !(snapM[h]! < DEFAULT_WALK_IN_WIDTH_M - 0.75 * DEFAULT_CELL_M)) continue;
      // Inside unless a home beyond T stands within a cell of it.
      let crowded = false;
      for (let k = 0; k < homes.lng.length; k++) {
        if (!(access.walkingM[k]! <= T) && oracleHaversine([homes.lng[h]!, homes.lat[h]!], [homes.lng[k]!, homes.lat[k]!]) < 2 * DEFAULT_CELL_M) crowded = true;
      }
      if (!crowded) expect(inside(area, homes.lng[h]!, homes.lat[h]!), `home ${h} within ${T}`).toBe(true);
    }
  }
  const sorted = [...thresholds].sort((a, b) => a - b);
  for (let k = 0; k + 1 < sorted.length; k++) {
    for (const [x, y] of samples) if (inside(areaOf(sorted[k]!), x!, y!)) expect(inside(areaOf(sorted[k + 1]!), x!, y!)).toBe(true);
  }
  return iso;
}

describe('reachable segments', () => {
  it('cut a T junction at the exact threshold point, from both ends and around a same-segment source', () => {
    const streets = { type: 'FeatureCollection' as const, features: [
      { type: 'Feature' as const, properties: { highway: 'residential' }, geometry: { type: 'LineString' as const, coordinates: [[0, 0], [0.002, 0]] } },
      { type: 'Feature' as const, properties: { highway: 'residential' }, geometry: { type: 'LineString' as const, coordinates: [[0.002, 0], [0.003, 0], [0.003, 0.002]] } },
    ] };
    const net = buildNetwork(streets);
    // A facility on the equator street at x = 0.0005 (snap leg 0.1 U).
    const fac = snapPoints(net, Float64Array.of(0.0005), Float64Array.of(-0.0001));
    const access = computeCategoryAccess(net, fac, fac, Int32Array.of(0));
    const iso = isochrones(net, access, { lng: new Float64Array(0), lat: new Float64Array(0) }, [1.1 * U, 2.6 * U]);
    const lines = (T: number) => iso.segments.features.find((f) => f.properties.threshold_m === T)!.geometry.coordinates as number[][][];
    // T = 1.1 U leaves 1 U of walk: 0.5 U west to the end, 1 U east to x = 0.0015.
    const short = lines(1.1 * U);
    expect(short).toHaveLength(1);
    expect(short[0]![0]![0]).toBeCloseTo(0, 12);
    expect(short[0]![1]![0]).toBeCloseTo(0.0015, 12);
    // T = 2.6 U: east end x = 0.002 at 1.6 U, corner (0.003, 0) at 2.6 U: the stem is not entered.
    const long = lines(2.6 * U).flat();
    expect(Math.max(...long.map((p) => p[0]!))).toBeCloseTo(0.003, 9);
    expect(Math.max(...long.map((p) => p[1]!))).toBeCloseTo(0, 9);
  });
});

describe.each([['monaco', 'facilities_playground'], ['moscow', 'facilities_school']])('%s %s areas', (city, layer) => {
  it('nest, hold every home within T whose snap leg is short, and no home beyond T', () => {
    const net = buildNetwork(loadLayer(city, 'roads'));
    const homes = locations(loadLayer(city, 'residential_buildings'));
    const fac = locations(loadLayer(city, layer));
    const homeSnap = snapPoints(net, homes.lng, homes.lat);
    const facSnap = snapPoints(net, fac.lng, fac.lat);
    const access = computeCategoryAccess(net, homeSnap, facSnap, Int32Array.from(fac.points.map((_, i) => i)));
    const samples = Array.from({ length: 400 }, (_, i) => [homes.lng[i % homes.lng.length]! + ((i * 37) % 101 - 50) * 1e-5, homes.lat[i % homes.lat.length]! + ((i * 53) % 97 - 48) * 1e-5]);
    const iso = checkAreas(net, access, homes, homeSnap.snapM, [300, 500, 1000], samples);
    expect(iso.areas.features).toHaveLength(3);
    // The check is not vacuous: some homes lie beyond 300 m and some within it.
    expect(Array.from(access.walkingM).some((w) => w > 300)).toBe(true);
    expect(Array.from(access.walkingM).some((w) => w <= 300)).toBe(true);
  });
});

describe('random networks', () => {
  it('areas nest and never hold a home beyond their threshold', () => {
    fc.assert(fc.property(randomScene, fc.array(fc.integer({ min: 20, max: 400 }), { minLength: 1, maxLength: 3 }), (scene, thresholds) => {
      const { streets, homes, facilities } = sceneLayers(scene);
      const net = buildNetwork(streets, { islandMaxM: scene.islandMaxM });
      const h = { lng: Float64Array.from(homes.map((p) => p[0]!)), lat: Float64Array.from(homes.map((p) => p[1]!)) };
      const f = { lng: Float64Array.from(facilities.map((p) => p[0]!)), lat: Float64Array.from(facilities.map((p) => p[1]!)) };
      const homeSnap = snapPoints(net, h.lng, h.lat);
      const access = computeCategoryAccess(net, homeSnap, snapPoints(net, f.lng, f.lat), Int32Array.from(facilities.map((_, i) => i)));
      checkAreas(net, access, h, homeSnap.snapM, [...new Set(thresholds)], homes);
    }), { numRuns: 60 });
  });
});
