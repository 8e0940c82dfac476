/**
 * Does a polygon cross itself? The same answer as turf's `kinks(...).features.length > 0` (any two
 * segments that meet, except neighbours on one ring; touching counts), but it stops at the first crossing
 * and never lists them: turf collects every crossing point, and a star-shaped ring of 1,500 vertices
 * has over a million, so one hostile file took seconds per feature and gigabytes (issue 13). Segments are
 * swept by x so only those whose x-ranges overlap are compared, and a shared budget of comparisons bounds
 * the work a whole layer may spend here.
 */
import type { Position } from 'geojson';

/** Comparisons left for a layer; `undefined` answers mean the budget ran out and nothing was decided. */
export interface CheckBudget {
  left: number;
}

/**
 * Segment comparisons one layer may spend (under a second on a loaded machine). Real layers use 1.5–4.5 per
 * vertex (the Monaco and Moscow buildings, land use and boundaries), so this is 2 million vertices of polygons or
 * more; past it the remaining polygons are not checked, as polygons over KINKS_MAX_VERTICES never are.
 */
export const LAYER_CHECK_BUDGET = 10_000_000;

export function crossesItself(rings: readonly (readonly Position[])[], budget: CheckBudget): boolean | undefined {
  const n = rings.reduce((s, r) => s + Math.max(0, r.length - 1), 0);
  // Segment i: ring, index in ring, and its x-range; sorted by the left end for the sweep.
  const ring = new Int32Array(n);
  const idx = new Int32Array(n);
  const minX = new Float64Array(n);
  const maxX = new Float64Array(n);
  let s = 0;
  rings.forEach((r, ri) => {
    for (let i = 0; i < r.length - 1; i++, s++) {
      ring[s] = ri;
      idx[s] = i;
      minX[s] = Math.min(r[i][0], r[i + 1][0]);
      maxX[s] = Math.max(r[i][0], r[i + 1][0]);
    }
  });
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => minX[a] - minX[b]);
  for (let p = 0; p < n; p++) {
    const a = order[p];
    for (let q = p + 1; q < n; q++) {
      const b = order[q];
      if (minX[b] > maxX[a]) break;
      if (budget.left-- <= 0) return undefined;
      if (neighbours(rings, ring[a], idx[a], ring[b], idx[b])) continue;
      const r1 = rings[ring[a]];
      const r2 = rings[ring[b]];
      if (segmentsMeet(r1[idx[a]], r1[idx[a] + 1], r2[idx[b]], r2[idx[b] + 1])) return true;
    }
  }
  return false;
}

/** turf's exclusions: the same segment, consecutive segments, and the first and last of a closed ring. */
function neighbours(rings: readonly (readonly Position[])[], ra: number, ia: number, rb: number, ib: number): boolean {
  if (ra !== rb) return false;
  const lo = Math.min(ia, ib);
  const hi = Math.max(ia, ib);
  if (hi - lo <= 1) return true;
  const r = rings[ra];
  return lo === 0 && hi === r.length - 2 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1];
}

/** turf kinks' lineIntersects: parallel segments never meet; otherwise both parameters in [0, 1]. */
function segmentsMeet(p1: Position, p2: Position, p3: Position, p4: Position): boolean {
  const den = (p4[1] - p3[1]) * (p2[0] - p1[0]) - (p4[0] - p3[0]) * (p2[1] - p1[1]);
  if (den === 0) return false;
  const ay = p1[1] - p3[1];
  const bx = p1[0] - p3[0];
  const a = ((p4[0] - p3[0]) * ay - (p4[1] - p3[1]) * bx) / den;
  const b = ((p2[0] - p1[0]) * ay - (p2[1] - p1[1]) * bx) / den;
  return a >= 0 && a <= 1 && b >= 0 && b <= 1;
}
