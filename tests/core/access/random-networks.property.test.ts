/**
 * Property: on random small networks (shared and crossing vertices, tunnels, foot=no, motorways, islands,
 * homes beyond the snap limit) the core's walking distances equal the independent oracle's within 1e-6 m.
 * PROPERTY_RUNS=2000 runs more cases; PROPERTY_SEED=<n> replays a reported seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNetwork, snapPoints } from '../../../src/core/network';
import { computeCategoryAccess } from '../../../src/core/access';
import { expectAgreesWithOracle, propertyOptions } from './oracle-agreement';
import { randomScene, sceneLayers } from './random-scene';

const typed = (pts: number[][]) => ({ lng: Float64Array.from(pts.map((p) => p[0]!)), lat: Float64Array.from(pts.map((p) => p[1]!)) });

describe('random networks against the oracle', () => {
  it('walking distances agree within 1e-6 m', () => {
    fc.assert(fc.property(randomScene, expectAgreesWithOracle), propertyOptions(300));
  });

  it('a cutoff keeps every distance within it and reports the rest as Infinity', () => {
    fc.assert(fc.property(randomScene, fc.integer({ min: 10, max: 600 }), (scene, cutoffM) => {
      const { streets, homes, facilities } = sceneLayers(scene);
      const net = buildNetwork(streets, { islandMaxM: scene.islandMaxM });
      const h = typed(homes);
      const f = typed(facilities);
      const homeSnap = snapPoints(net, h.lng, h.lat);
      const facilitySnap = snapPoints(net, f.lng, f.lat);
      const all = Int32Array.from(facilities.map((_, i) => i));
      const full = computeCategoryAccess(net, homeSnap, facilitySnap, all);
      const cut = computeCategoryAccess(net, homeSnap, facilitySnap, all, { cutoffM });
      full.walkingM.forEach((w, i) => expect(cut.walkingM[i]).toBe(w <= cutoffM ? w : Infinity));
    }), propertyOptions(200));
  });
});
