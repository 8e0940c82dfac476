/**
 * Home-to-unit assignment on random unit hierarchies (city, district, street, community), checked level by
 * level against a brute-force oracle written here (winding numbers with exact orientation on lattice
 * coordinates; nothing shared with src/core). Batches are large enough that locateAll uses its grid of
 * precomputed answers, and the points concentrate where that grid could go wrong: exactly on shared
 * borders and vertices (ties to the smallest id), a hair off an edge, in gaps and in overlaps.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Geometry } from 'geojson';
import { createUnitLocator } from '../../../src/core/coverage';
import { mulberry32 } from '../../fixtures/seeded-random';

type Ring = number[][];
type Part = Ring[];
interface Unit { id: string; parts: Part[] }

/** Offset to real-world magnitudes; lattice steps are powers of two, so every vertex and midpoint is exact. */
const OX = 114;
const OY = 22;
const STEP = 1 / 16;
const SPAN = 4;

// ---- oracle ---------------------------------------------------------------------------------------

const orient = (a: number[], b: number[], px: number, py: number): number => (b[0] - a[0]) * (py - a[1]) - (px - a[0]) * (b[1] - a[1]);

function onSegment(a: number[], b: number[], px: number, py: number): boolean {
  return orient(a, b, px, py) === 0 &&
    px >= Math.min(a[0], b[0]) && px <= Math.max(a[0], b[0]) && py >= Math.min(a[1], b[1]) && py <= Math.max(a[1], b[1]);
}

/** 'edge' on the ring, else its winding number around the point is nonzero ('in') or zero ('out'). */
function ringSide(ring: Ring, px: number, py: number): 'edge' | 'in' | 'out' {
  let wn = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    const a = ring[k];
    const b = ring[k + 1];
    if (onSegment(a, b, px, py)) return 'edge';
    if (a[1] <= py) {
      if (b[1] > py && orient(a, b, px, py) > 0) wn++;
    } else if (b[1] <= py && orient(a, b, px, py) < 0) wn--;
  }
  return wn !== 0 ? 'in' : 'out';
}

/** Closed polygon: on any ring, or inside the outer ring and strictly outside every hole. */
function partContains(part: Part, px: number, py: number): boolean {
  const sides = part.map((r) => ringSide(r, px, py));
  if (sides.includes('edge')) return true;
  return sides[0] === 'in' && sides.slice(1).every((s) => s === 'out');
}

function oracle(units: readonly Unit[], px: number, py: number): number {
  let best = -1;
  units.forEach((u, i) => {
    if (u.parts.some((p) => partContains(p, px, py)) && (best < 0 || Number(u.id) < Number(units[best].id))) best = i;
  });
  return best;
}

// ---- random hierarchies ---------------------------------------------------------------------------

const at = (x: number, y: number): number[] => [OX + x, OY + y];
const closed = (pts: number[][]): Ring => [...pts, pts[0]];
const box = (x0: number, y0: number, x1: number, y1: number): Ring => closed([at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1)]);

function makeLevels(rand: () => number): Unit[][] {
  const lat = (lo: number, hi: number): number => Math.round((lo + rand() * (hi - lo)) / STEP) * STEP;
  const usedIds = new Set<number>();
  const id = (): string => {
    let v = Math.floor(rand() * 500);
    while (usedIds.has(v)) v++;
    usedIds.add(v);
    return String(v);
  };
  const city: Unit[] = rand() < 0.8 ? [{ id: id(), parts: [[box(0, 0, SPAN, SPAN)]] }] : [{ id: id(), parts: [[box(0.5, 0.5, 3.5, 3.5)]] }];
  // Districts: strips between cuts from (bottom_i, 0) to (top_i, SPAN), so most borders are slanted.
  const k = 1 + Math.floor(rand() * 3);
  const cuts = (): number[] => [0, ...Array.from({ length: k }, (_, i) => lat(((i + 1) * SPAN) / (k + 1) - 0.25, ((i + 1) * SPAN) / (k + 1) + 0.25)), SPAN];
  const bottoms = cuts();
  const tops = cuts();
  const xAt = (i: number, y: number): number => bottoms[i] + ((tops[i] - bottoms[i]) * y) / SPAN;
  const districts: Unit[] = [];
  const streets: Unit[] = [];
  for (let d = 0; d <= k; d++) {
    const dropped = rand() < 0.2; // a gap at district level, still with streets inside
    if (!dropped) districts.push({ id: id(), parts: [[closed([at(bottoms[d], 0), at(bottoms[d + 1], 0), at(tops[d + 1], SPAN), at(tops[d], SPAN)])]] });
    // Streets: the district cut at a few heights; vertices lie exactly on the district's slanted sides.
    const ys = [0, ...[lat(0.5, 1.5), lat(2, 3.5)].filter(() => rand() < 0.7), SPAN];
    for (let s = 0; s + 1 < ys.length; s++) {
      if (rand() < 0.15) continue; // a gap at street level
      const [y0, y1] = [ys[s], ys[s + 1]];
      streets.push({ id: id(), parts: [[closed([at(xAt(d, y0), y0), at(xAt(d + 1, y0), y0), at(xAt(d + 1, y1), y1), at(xAt(d, y1), y1)])]] });
    }
  }
  if (rand() < 0.4) districts.push({ id: id(), parts: [[box(lat(0, 2), lat(0, 2), lat(2, 4), lat(2, 4))]] }); // overlap
  if (rand() < 0.4) streets.push({ id: id(), parts: [[box(lat(0, 2), lat(0, 2), lat(2, 4), lat(2, 4))]] });
  if (streets.length > 1 && rand() < 0.3) streets.push({ id: id(), parts: streets[0].parts }); // duplicate: tie by id
  // Communities: copies of streets (borders shared with the level above), boxes and triangles that
  // straddle borders or sit in gaps, one with a hole, one in two parts.
  const communities: Unit[] = [];
  const n = 4 + Math.floor(rand() * 16);
  for (let c = 0; c < n; c++) {
    const r = rand();
    const x = lat(-0.25, 3.5);
    const y = lat(-0.25, 3.5);
    const w = lat(STEP, 1.5);
    if (r < 0.3 && streets.length) communities.push({ id: id(), parts: streets[Math.floor(rand() * streets.length)].parts });
    else if (r < 0.6) communities.push({ id: id(), parts: [[box(x, y, x + w, y + w)]] });
    else if (r < 0.8) communities.push({ id: id(), parts: [[closed([at(x, y), at(x + w, y + lat(0, 1)), at(x + lat(0, 1), y + w)])]] });
    else if (r < 0.9) communities.push({ id: id(), parts: [[box(x, y, x + 1, y + 1), box(x + 0.25, y + 0.25, x + 0.75, y + 0.75).reverse()]] });
    else communities.push({ id: id(), parts: [[box(x, y, x + w, y + w)], [box(x + 2, y - 1, x + 2.5, y - 0.5)]] });
  }
  return [city, districts, streets, communities];
}

function makePoints(rand: () => number, units: readonly Unit[][], count: number): { lng: Float64Array; lat: Float64Array } {
  const edges = units.flat().flatMap((u) => u.parts.flat().flatMap((ring) => ring.slice(1).map((b, i) => [ring[i], b])));
  const lng = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const r = rand();
    let x: number, y: number;
    if (r < 0.35) [x, y] = [OX - 0.3 + rand() * (SPAN + 0.6), OY - 0.3 + rand() * (SPAN + 0.6)];
    else if (r < 0.6) [x, y] = at(Math.round(rand() * 68 - 2) * STEP, Math.round(rand() * 68 - 2) * STEP); // vertices, axis edges
    else {
      const [a, b] = edges[Math.floor(rand() * edges.length)];
      const t = Math.floor(rand() * 5) / 4; // ends, quarters and midpoint: exact points on the edge
      [x, y] = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      if (r > 0.85) {
        const d = (rand() < 0.5 ? -1 : 1) * 1e-9; // a hair off the edge
        if (rand() < 0.5) x += d;
        else y += d;
      }
    }
    lng[i] = x;
    lat[i] = y;
  }
  return { lng, lat };
}

const toGeometry = (u: Unit): Geometry => (u.parts.length === 1 ? { type: 'Polygon', coordinates: u.parts[0] } : { type: 'MultiPolygon', coordinates: u.parts });

describe('locateAll on random unit hierarchies', () => {
  it('assigns every point at every level like the brute-force oracle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const rand = mulberry32(seed);
        const levels = makeLevels(rand);
        const { lng, lat } = makePoints(rand, levels, 3000);
        for (const units of levels) {
          const loc = createUnitLocator(units.map(toGeometry), units.map((u) => u.id));
          const got = loc.locateAll(lng, lat);
          for (let i = 0; i < lng.length; i++) {
            const want = oracle(units, lng[i], lat[i]);
            if (got[i] !== want) expect({ seed, i, x: lng[i] - OX, y: lat[i] - OY, got: got[i] }).toEqual({ seed, i, x: lng[i] - OX, y: lat[i] - OY, got: want });
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('answers a large batch exactly as point-by-point locate, outside points and NaN included', () => {
    const rand = mulberry32(7);
    const levels = makeLevels(rand);
    const { lng, lat } = makePoints(rand, levels, 5000);
    lng[0] = NaN;
    lat[1] = Infinity;
    lng[2] = OX - 10;
    // Within the point test's on-edge tolerance (~1e-12) of an edge: the grid must leave these to locate().
    for (let i = 3; i < 600; i++) {
      const d = (i % 2 ? 1 : -1) * 10 ** -(11 + (i % 4));
      if (i % 3) lng[i] += d;
      else lat[i] += d;
    }
    for (const units of levels) {
      const loc = createUnitLocator(units.map(toGeometry), units.map((u) => u.id));
      const got = loc.locateAll(lng, lat);
      const want = Int32Array.from(lng, (x, i) => loc.locate(x, lat[i]));
      expect(got).toEqual(want);
      expect([got[0], got[1], got[2]]).toEqual([-1, -1, -1]);
      // A second, smaller batch reuses the grid built for the first.
      expect(loc.locateAll(lng.subarray(0, 100), lat.subarray(0, 100))).toEqual(want.subarray(0, 100));
    }
  });
});
