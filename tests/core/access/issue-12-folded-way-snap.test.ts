/**
 * Issue 12 regression: fast-check seed 2051843454 found core 311.23 m against oracle 181.47 m. The shrunk
 * scene's way runs (2,4)→(1,8)→(3,0): its first segment lies inside its second (the way folds back over
 * itself), so the facility's nearest point lies on both. Which one a floating-point tie picked decided the
 * answer; now a point on several segments is attached to all of them and walks from the nearer.
 * Hand-made twins of the shape: tests/fixtures/access/issue-12-folded-way-{facility,home}.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectAgreesWithOracle } from './oracle-agreement';
import { randomScene, type Scene } from './random-scene';

describe('issue 12: a snapped point on overlapping segments', () => {
  it('seed 2051843454 of the random-network property agrees with the oracle', () => {
    fc.assert(fc.property(randomScene, expectAgreesWithOracle), { numRuns: 300, seed: 2051843454 });
  });

  it('the shrunk counterexample (with its coincident vertices and zero-length street) agrees', () => {
    const scene: Scene = {
      vertices: [[0, 0], [0, 0], [0, 0], [0, 0], [3, 0], [2, 4], [0, 0], [0, 0], [1, 8]],
      ways: [
        { path: [2026320161, 1869246143, 618848959], highway: 'residential', foot: undefined, access: undefined, tunnel: undefined },
        { path: [0, 0], highway: 'residential', foot: undefined, access: undefined, tunnel: undefined },
      ],
      homes: [[0, 0]],
      facilities: [[0, 49124]],
      islandMaxM: 0,
    };
    expectAgreesWithOracle(scene);
  });
});
