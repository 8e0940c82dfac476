import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { booleanPointInPolygon } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { createUnitLocator, compareIds } from '../../../src/core/coverage';
import { mulberry32 } from '../../fixtures/seeded-random';

const box = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const poly = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });

describe('createUnitLocator on hand-built units', () => {
  // A (id 2) and B (id 1) share the edge x = 1; C has a hole that D (id 9) fills; E is two separate squares.
  const geoms: Geometry[] = [
    poly(box(0, 0, 1, 1)),
    poly(box(1, 0, 2, 1)),
    poly(box(0, 2, 3, 5), box(1, 3, 2, 4).reverse()),
    poly(box(1, 3, 2, 4)),
    { type: 'MultiPolygon', coordinates: [[box(10, 10, 11, 11)], [box(20, 20, 21, 21)]] } as MultiPolygon,
  ];
  const ids = ['2', '1', 'c', '9', 'e'];
  const loc = createUnitLocator(geoms, ids);

  it('puts interior points in their unit', () => {
    expect(loc.locate(0.5, 0.5)).toBe(0);
    expect(loc.locate(1.5, 0.5)).toBe(1);
    expect(loc.locate(0.5, 2.5)).toBe(2);
  });
  it('breaks a shared border by the smallest id', () => {
    expect(loc.locate(1, 0.5)).toBe(1); // on x = 1: both A (2) and B (1) contain it
    expect(loc.locate(1, 1)).toBe(1); // shared corner
  });
  it('leaves points outside every unit at -1', () => {
    expect(loc.locate(5, 0.5)).toBe(-1);
    expect(loc.locate(-0.0001, 0.5)).toBe(-1);
    expect(loc.locate(NaN, 0.5)).toBe(-1);
  });
  it('respects holes: the hole belongs to the unit that fills it', () => {
    expect(loc.locate(1.5, 3.5)).toBe(3);
    const withoutD = createUnitLocator([geoms[2]], ['c']);
    expect(withoutD.locate(1.5, 3.5)).toBe(-1);
    // On the hole's edge the point touches C's boundary and D: '9' sorts before 'c' as a string.
    expect(loc.locate(1, 3.5)).toBe(3);
  });
  it('finds both parts of a multipolygon', () => {
    expect(loc.locate(10.5, 10.5)).toBe(4);
    expect(loc.locate(20.5, 20.5)).toBe(4);
    expect(loc.locate(15, 15)).toBe(-1);
  });
  it('orders numeric ids as numbers', () => {
    const l = createUnitLocator([poly(box(0, 0, 1, 1)), poly(box(0, 0, 1, 1))], ['10', '9']);
    expect(l.locate(0.5, 0.5)).toBe(1);
    expect(compareIds('10', '9')).toBeGreaterThan(0);
    expect(compareIds('a10', 'a9')).toBeLessThan(0);
  });
});

/** A random simple star-shaped polygon around (cx, cy), optionally with a smaller star hole. */
function star(rand: () => number, cx: number, cy: number, r: number, hole: boolean): number[][][] {
  const ring = (rr: number, k: number): number[][] => {
    const pts: number[][] = [];
    for (let i = 0; i < k; i++) {
      const a = (2 * Math.PI * i) / k;
      const d = rr * (0.5 + 0.5 * rand());
      pts.push([cx + d * Math.cos(a), cy + d * Math.sin(a)]);
    }
    pts.push(pts[0]);
    return pts;
  };
  const rings = [ring(r, 5 + Math.floor(rand() * 12))];
  if (hole) rings.push(ring(r * 0.3, 4 + Math.floor(rand() * 4)));
  return rings;
}

describe('createUnitLocator against a brute-force turf oracle', () => {
  it('assigns random points exactly like testing every unit with booleanPointInPolygon', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const rand = mulberry32(seed);
        const nUnits = 5 + Math.floor(rand() * 40);
        const geoms: Geometry[] = [];
        const ids: string[] = [];
        const used = new Set<number>();
        for (let u = 0; u < nUnits; u++) {
          let id = Math.floor(rand() * 1000);
          while (used.has(id)) id++;
          used.add(id);
          ids.push(String(id));
          const parts = rand() < 0.2 ? 2 : 1;
          const coords = Array.from({ length: parts }, () => star(rand, rand() * 10, rand() * 10, 0.5 + rand() * 2, rand() < 0.4));
          geoms.push(parts === 1 ? { type: 'Polygon', coordinates: coords[0] } : { type: 'MultiPolygon', coordinates: coords });
        }
        const loc = createUnitLocator(geoms, ids);
        for (let p = 0; p < 300; p++) {
          const x = -1 + rand() * 12;
          const y = -1 + rand() * 12;
          let want = -1;
          geoms.forEach((g, u) => {
            if (booleanPointInPolygon([x, y], g as Polygon | MultiPolygon) && (want === -1 || Number(ids[u]) < Number(ids[want]))) want = u;
          });
          expect(loc.locate(x, y)).toBe(want);
        }
      }),
      { numRuns: 40 },
    );
  });
});
