/** The property shared by the random-network test and its regressions: core distances equal the oracle's. */
import { expect } from 'vitest';
import { buildNetwork, snapPoints } from '../../../src/core/network';
import { computeCategoryAccess } from '../../../src/core/access';
import { oracleAccess } from './oracle';
import { sceneLayers, type Scene } from './random-scene';

const typed = (pts: number[][]) => ({ lng: Float64Array.from(pts.map((p) => p[0]!)), lat: Float64Array.from(pts.map((p) => p[1]!)) });

/** fast-check options from the environment: PROPERTY_RUNS=2000 for a long local run, PROPERTY_SEED to replay. */
export function propertyOptions(defaultRuns: number): { numRuns: number; seed?: number } {
  const runs = Number(process.env['PROPERTY_RUNS']);
  const seed = Number(process.env['PROPERTY_SEED']);
  return { numRuns: runs > 0 ? runs : defaultRuns, ...(Number.isInteger(seed) && process.env['PROPERTY_SEED'] ? { seed } : {}) };
}

/** Asserts that every home's walking distance in `scene` equals the oracle's within 1e-6 m. */
export function expectAgreesWithOracle(scene: Scene): void {
  const { streets, homes, facilities } = sceneLayers(scene);
  const net = buildNetwork(streets, { islandMaxM: scene.islandMaxM });
  const h = typed(homes);
  const f = typed(facilities);
  const homeSnap = snapPoints(net, h.lng, h.lat);
  const facilitySnap = snapPoints(net, f.lng, f.lat);
  const access = computeCategoryAccess(net, homeSnap, facilitySnap, Int32Array.from(facilities.map((_, i) => i)));
  const oracle = oracleAccess(streets, homes, facilities, { islandM: scene.islandMaxM });
  oracle.walking.forEach((w, i) => {
    if (!Number.isFinite(w)) expect(access.walkingM[i]).toBe(Infinity);
    else {
      expect(Math.abs(access.walkingM[i]! - w)).toBeLessThan(1e-6);
      expect(Math.abs(oracle.perFacility[access.nearestFacility[i]!]![i]! - w)).toBeLessThan(1e-6);
    }
  });
}
