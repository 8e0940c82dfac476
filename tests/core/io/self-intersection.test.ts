/**
 * crossesItself against turf's kinks (the check it replaced) as the oracle: the same yes/no on random polygons
 * with holes, vertices on a small grid so touching, collinear and repeated points are common. Plus the budget.
 */
import { kinks } from '@turf/turf';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { crossesItself } from '../../../src/core/io/self-intersection';

const ring = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { minLength: 3, maxLength: 12 }).map((pts) => [...pts, pts[0]] as Position[]);

describe('crossesItself', () => {
  it('answers as turf kinks does, on 3,000 random polygons with up to two holes', () => {
    fc.assert(
      fc.property(fc.array(ring, { minLength: 1, maxLength: 3 }), (rings) => {
        const expected = kinks({ type: 'Polygon', coordinates: rings }).features.length > 0;
        expect(crossesItself(rings, { left: 1e9 })).toBe(expected);
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('a square does not cross itself; a bowtie and a hole through the outer ring do', () => {
    const square: Position[] = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];
    expect(crossesItself([square], { left: 1e9 })).toBe(false);
    expect(crossesItself([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]], { left: 1e9 })).toBe(true);
    expect(crossesItself([square, [[1, 1], [1, 3], [1.5, 3], [1.5, 1], [1, 1]]], { left: 1e9 })).toBe(true);
  });

  it('gives up (undefined) when the budget runs out, and spends what it compared', () => {
    // Every segment of this comb overlaps every other in x: 1 + 2 + … comparisons, no crossing.
    const comb: Position[] = [[-1, -1], ...Array.from({ length: 200 }, (_, k) => [k % 2 ? 0 : 10, k]), [-1, 200]];
    comb.push(comb[0]);
    const budget = { left: 100 };
    expect(crossesItself([comb], budget)).toBeUndefined();
    expect(budget.left).toBeLessThan(0);
    expect(crossesItself([comb], { left: 1e9 })).toBe(false);
  });
});
