/**
 * Monaco and Moscow end to end (roads + residential buildings + playgrounds / schools), checked against
 * the independent oracle in ./oracle.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildNetwork, snapPoints } from '../../../src/core/network';
import { computeCategoryAccess, explainPath } from '../../../src/core/access';
import { oracleAccess, oracleHaversine } from './oracle';
import { loadLayer, locations } from './real-data';

const CASES = [
  ['monaco', 'facilities_playground'], ['monaco', 'facilities_school'],
  ['moscow', 'facilities_playground'], ['moscow', 'facilities_school'],
] as const;

describe.each(CASES)('%s %s', (city, facilityLayer) => {
  const streets = loadLayer(city, 'roads');
  const homes = locations(loadLayer(city, 'residential_buildings'));
  const facilities = locations(loadLayer(city, facilityLayer));
  const net = buildNetwork(streets);
  const homeSnap = snapPoints(net, homes.lng, homes.lat);
  const facilitySnap = snapPoints(net, facilities.lng, facilities.lat);
  const all = Int32Array.from(facilities.points.map((_, i) => i));
  const access = computeCategoryAccess(net, homeSnap, facilitySnap, all, { category: facilityLayer });
  const oracle = oracleAccess(streets, homes.points, facilities.points);

  it('snaps every home and facility to the same point and leg as brute force', () => {
    for (const [snap, expected] of [[homeSnap, oracle.snaps], [facilitySnap, oracle.facilitySnaps]] as const) {
      expected.forEach((o, i) => {
        if (!o) return expect(snap.segment[i]).toBe(-1);
        expect(snap.snapM[i]).toBeCloseTo(o.leg, 6);
        expect(snap.lng[i]).toBeCloseTo(o.point[0], 9);
        expect(snap.lat[i]).toBeCloseTo(o.point[1], 9);
      });
    }
  });

  it('gives every home the oracle walking distance within 1e-6 m, and a nearest facility that attains it', () => {
    let reachable = 0;
    oracle.walking.forEach((w, h) => {
      if (!Number.isFinite(w)) {
        expect(access.walkingM[h]).toBe(Infinity);
        expect(access.nearestFacility[h]).toBe(-1);
        return;
      }
      reachable++;
      expect(Math.abs(access.walkingM[h]! - w)).toBeLessThan(1e-6);
      expect(Math.abs(oracle.perFacility[access.nearestFacility[h]!]![h]! - w)).toBeLessThan(1e-6);
      expect(access.networkM[h]! + access.homeSnapM[h]! + facilitySnap.snapM[access.nearestFacility[h]!]!).toBeCloseTo(w, 6);
    });
    expect(reachable).toBeGreaterThan(homes.points.length / 2);
  });

  it('explains a path whose length is the walking distance', () => {
    for (let h = 0; h < homes.points.length; h += 17) {
      const path = explainPath(net, homeSnap, facilitySnap, h, access, homes, facilities);
      if (!Number.isFinite(access.walkingM[h]!)) {
        expect(path).toBeNull();
        continue;
      }
      expect(path!.coordinates[0]).toEqual([homes.lng[h], homes.lat[h]]);
      expect(path!.coordinates.at(-1)).toEqual([facilities.lng[path!.facilityIdx], facilities.lat[path!.facilityIdx]]);
      let length = 0;
      for (let i = 0; i + 1 < path!.coordinates.length; i++) length += oracleHaversine(path!.coordinates[i]!, path!.coordinates[i + 1]!);
      // Partial segments are measured as t·len, the polyline by haversine: they agree to well under a millimetre.
      expect(Math.abs(length - path!.walkingM)).toBeLessThan(1e-3);
      expect(path!.walkingM).toBe(access.walkingM[h]);
    }
  });
});
