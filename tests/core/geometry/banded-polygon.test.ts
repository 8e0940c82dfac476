/**
 * The banded point-in-polygon test (edges bucketed by latitude band) must answer exactly like turf's
 * booleanPointInPolygon (an independent implementation, boundary included by default) on polygons with
 * many vertices and holes, for points anywhere: random, on vertices, on edges, on band boundaries.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { booleanPointInPolygon } from '@turf/turf';
import { bandPolygon, flattenPolygon, pointInBandedPolygon } from '../../../src/core/geometry';
import { mulberry32 } from '../../fixtures/seeded-random';

/** A star-shaped ring of n vertices around (cx, cy); coordinates snapped to a grid so that points fall exactly on edges. */
function ring(rand: () => number, n: number, cx: number, cy: number, r: number): number[][] {
  const pts = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    const rr = r * (0.4 + 0.6 * rand());
    return [Math.round((cx + rr * Math.cos(a)) * 64) / 64, Math.round((cy + rr * Math.sin(a)) * 64) / 64];
  });
  return [...pts, pts[0]!];
}

describe('pointInBandedPolygon', () => {
  it('equals turf.booleanPointInPolygon on many-vertex polygons with holes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const rand = mulberry32(seed);
        const n = 20 + Math.floor(rand() * 400);
        const rings = [ring(rand, n, 5, 5, 5)];
        if (rand() < 0.5) rings.push(ring(rand, 3 + Math.floor(rand() * 50), 5, 5, 1.5).reverse());
        const flat = flattenPolygon(rings);
        const banded = bandPolygon(flat);
        const probes: number[][] = [];
        for (let k = 0; k < 300; k++) probes.push([-1 + rand() * 12, -1 + rand() * 12]);
        // Vertices, edge midpoints and grid points on band boundaries.
        for (const r of rings) for (let i = 0; i + 1 < r.length; i++) {
          probes.push(r[i]!, [(r[i]![0]! + r[i + 1]![0]!) / 2, (r[i]![1]! + r[i + 1]![1]!) / 2]);
        }
        for (let k = 0; k <= banded.bandCount; k++) probes.push([rand() * 10, banded.minY + k / banded.invBandH || banded.minY]);
        const polygon = { type: 'Polygon' as const, coordinates: rings };
        for (const [x, y] of probes) expect(pointInBandedPolygon(banded, x!, y!)).toBe(booleanPointInPolygon([x!, y!], polygon));
      }),
      { numRuns: 60 },
    );
  });
});
