/**
 * A grid of precomputed answers for one unit level, so most points are located by one array read.
 *
 * Why it is exact: a cell is "pure" when no edge of any unit polygon comes within MARGIN of it. The set of
 * points a cell lookup maps to a run of pure cells is a rectangle (the cell of a coordinate is monotone in
 * it), free of edges and at least MARGIN from all of them. Far from every edge, the floating-point
 * crossing test of pointInBandedPolygon answers as exact even-odd parity does (its on-edge tolerance and
 * its rounding act within ~1e-11 of an edge, MARGIN is ~1e-7 at city coordinates), and exact parity is
 * constant on a connected edge-free set. So every unit's containment answer, and with it the
 * smallest-id winner, is the same for every point of the rectangle: locating one point of it answers for
 * all. Cells an edge comes near are "mixed" and their points go through the full locator.
 */
import type { FlatPolygon } from '../geometry';

const MIXED = -2;
const UNKNOWN = -3;
/** Times the largest coordinate magnitude (at least 1): ≥ 1e-9, vs the point test's ~1.5e-12 on-edge tolerance and ~1e-13 rounding. */
const MARGIN_REL = 1e-9;
/** Cells per point located (the grid pays for itself when most points land in pure cells). */
const CELLS_PER_POINT = 0.5;
const MAX_SIDE = 2048;

export interface Extent {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface CellAnswers {
  readonly extent: Extent;
  readonly nx: number;
  readonly ny: number;
  readonly invW: number;
  readonly invH: number;
  /** Per cell (row-major): the unit index, -1 outside every unit, or MIXED: ask the full locator. */
  readonly ans: Int32Array | Int16Array;
}

/** Cell of a coordinate, clamped; monotone in v. `c | 0` is Math.floor for 0 ≤ c < n, and faster. */
const cellOf = (v: number, v0: number, inv: number, n: number): number => {
  const c = (v - v0) * inv;
  return c < 0 ? 0 : c >= n ? n - 1 : c | 0;
};

/**
 * Builds the grid for about `points` lookups over `extent` (the union of the parts' boxes; points outside
 * it are the caller's). `locate` is the exact locator the grid memoizes. Undefined when the extent is flat.
 */
export function buildCellAnswers(
  parts: readonly FlatPolygon[],
  extent: Extent,
  unitCount: number,
  points: number,
  locate: (lng: number, lat: number) => number,
): CellAnswers | undefined {
  const { x0, y0, x1, y1 } = extent;
  const w = x1 - x0;
  const h = y1 - y0;
  if (!(w > 0 && h > 0 && Number.isFinite(w) && Number.isFinite(h))) return undefined;
  // Square-ish cells, CELLS_PER_POINT cells per point.
  const side = Math.sqrt((w * h) / Math.max(1, CELLS_PER_POINT * points));
  const nx = Math.max(1, Math.min(MAX_SIDE, Math.ceil(w / side)));
  const ny = Math.max(1, Math.min(MAX_SIDE, Math.ceil(h / side)));
  const invW = nx / w;
  const invH = ny / h;
  const m = MARGIN_REL * Math.max(1, Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1));
  // Int16 when the unit indexes fit: half the memory, so more of the grid stays in cache.
  const ans = unitCount < 2 ** 15 ? new Int16Array(nx * ny).fill(UNKNOWN) : new Int32Array(nx * ny).fill(UNKNOWN);

  // Mark every cell whose box grown by m meets an edge, row by row along the edge.
  for (const { coords, ringStarts } of parts) {
    for (let r = 0; r + 1 < ringStarts.length; r++) {
      const start = ringStarts[r];
      const end = ringStarts[r + 1];
      for (let i = start, j = end - 1; i < end; j = i++) {
        const xi = coords[2 * i], yi = coords[2 * i + 1];
        const xj = coords[2 * j], yj = coords[2 * j + 1];
        const ylo = Math.min(yi, yj), yhi = Math.max(yi, yj);
        const r0 = cellOf(ylo - m, y0, invH, ny), r1 = cellOf(yhi + m, y0, invH, ny);
        for (let row = r0; row <= r1; row++) {
          // The edge's x range over the row's band (grown by m), clamped to the edge's own y range.
          const ba = Math.min(yhi, Math.max(ylo, y0 + row / invH - m));
          const bb = Math.min(yhi, Math.max(ylo, y0 + (row + 1) / invH + m));
          let xa: number, xb: number;
          if (yj === yi) {
            xa = Math.min(xi, xj);
            xb = Math.max(xi, xj);
          } else {
            const ta = Math.min(1, Math.max(0, (ba - yi) / (yj - yi)));
            const tb = Math.min(1, Math.max(0, (bb - yi) / (yj - yi)));
            const pa = xi + (xj - xi) * ta, pb = xi + (xj - xi) * tb;
            xa = Math.min(pa, pb);
            xb = Math.max(pa, pb);
          }
          const c0 = cellOf(xa - m, x0, invW, nx), c1 = cellOf(xb + m, x0, invW, nx);
          ans.fill(MIXED, row * nx + c0, row * nx + c1 + 1);
        }
      }
    }
  }

  // Answer each run of pure cells: from the pure cell below it when there is one (the two rectangles
  // together are one edge-free rectangle), otherwise by locating the centre of one of its cells.
  for (let row = 0; row < ny; row++) {
    let c = 0;
    while (c < nx) {
      if (ans[row * nx + c] === MIXED) {
        c++;
        continue;
      }
      let e = c;
      while (e < nx && ans[row * nx + e] !== MIXED) e++;
      let a = UNKNOWN;
      if (row > 0) {
        for (let k = c; k < e && a === UNKNOWN; k++) if (ans[(row - 1) * nx + k] !== MIXED) a = ans[(row - 1) * nx + k];
      }
      for (let k = c; k < e && a === UNKNOWN; k++) {
        const cx = x0 + (k + 0.5) / invW;
        const cy = y0 + (row + 0.5) / invH;
        // The centre must look itself up in this cell (always so unless cells are a few ulps wide).
        if (cellOf(cx, x0, invW, nx) === k && cellOf(cy, y0, invH, ny) === row) a = locate(cx, cy);
      }
      // No usable centre: leave the run to the full locator.
      ans.fill(a === UNKNOWN ? MIXED : a, row * nx + c, row * nx + e);
      c = e;
    }
  }

  return { extent, nx, ny, invW, invH, ans };
}

/** out[i] = locate(lng[i], lat[i]), read from the grid where the cell is pure. */
export function answerAll(
  cells: CellAnswers,
  lng: Float64Array,
  lat: Float64Array,
  out: Int32Array,
  locate: (lng: number, lat: number) => number,
): Int32Array {
  const { nx, ny, invW, invH, ans } = cells;
  const { x0, y0, x1, y1 } = cells.extent;
  for (let i = 0; i < lng.length; i++) {
    const x = lng[i];
    const y = lat[i];
    // Outside the extent (or NaN, which fails every comparison) is outside every unit, as in locate().
    if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1)) {
      out[i] = -1;
      continue;
    }
    const a = ans[cellOf(y, y0, invH, ny) * nx + cellOf(x, x0, invW, nx)];
    out[i] = a === MIXED ? locate(x, y) : a;
  }
  return out;
}
