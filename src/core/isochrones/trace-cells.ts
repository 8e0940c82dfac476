/**
 * A set of grid cells → exact polygons along the cell edges (no interpolation, so the drawn area is exactly
 * the cell set: nesting and exclusions carry over to the polygons without tolerance).
 */
import { bandPolygon, flattenPolygon, pointInBandedPolygon, type BandedPolygon } from '../geometry';

/** Lattice geometry: cell (i, j) spans lattice corners (i, j)–(i+1, j+1). */
export interface CellGrid {
  readonly nx: number;
  readonly ny: number;
  /** 1 = included; index i + j * nx. */
  readonly cells: Uint8Array;
}

type Ring = Array<[number, number]>;

const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

/**
 * Outer rings counter-clockwise and holes clockwise, in lattice coordinates, grouped per polygon.
 * Boundary edges are walked with the inside on the left; where two included cells touch only at a corner
 * the walk turns left, so it keeps to one cell and no ring ever touches itself.
 */
export function traceCells(grid: CellGrid): Ring[][] {
  const { nx, ny, cells } = grid;
  const inside = (i: number, j: number): boolean => i >= 0 && j >= 0 && i < nx && j < ny && cells[i + j * nx] === 1;
  const vx = nx + 1;
  // Boundary edges keyed by start corner and direction (0 E, 1 N, 2 W, 3 S).
  const edges = new Set<number>();
  const key = (x: number, y: number, d: number): number => (x + y * vx) * 4 + d;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      if (!inside(i, j)) continue;
      if (!inside(i, j - 1)) edges.add(key(i, j, 0));
      if (!inside(i + 1, j)) edges.add(key(i + 1, j, 1));
      if (!inside(i, j + 1)) edges.add(key(i + 1, j + 1, 2));
      if (!inside(i - 1, j)) edges.add(key(i, j + 1, 3));
    }
  }
  const rings: Array<{ ring: Ring; probe: [number, number] }> = [];
  for (const start of edges) {
    if (!edges.has(start)) continue;
    const ring: Ring = [];
    let k = start;
    for (;;) {
      edges.delete(k);
      const d = k & 3;
      const corner = k >> 2;
      const x = corner % vx;
      const y = (corner - x) / vx;
      ring.push([x, y]);
      const ex = x + DX[d]!;
      const ey = y + DY[d]!;
      const left = key(ex, ey, (d + 1) & 3);
      const straight = key(ex, ey, d);
      const right = key(ex, ey, (d + 3) & 3);
      if (edges.has(left)) k = left;
      else if (edges.has(straight)) k = straight;
      else if (edges.has(right)) k = right;
      else break;
    }
    const probe: [number, number] = [(ring[0]![0] + (ring[1] ?? ring[0]!)[0]) / 2, (ring[0]![1] + (ring[1] ?? ring[0]!)[1]) / 2];
    ring.push([ring[0]![0], ring[0]![1]]);
    rings.push({ ring: simplifyCollinear(ring), probe });
  }
  return groupRings(rings);
}

function simplifyCollinear(ring: Ring): Ring {
  const n = ring.length - 1;
  const out: Ring = [];
  for (let i = 0; i < n; i++) {
    const p = ring[(i + n - 1) % n]!;
    const c = ring[i]!;
    const q = ring[(i + 1) % n]!;
    if ((c[0] - p[0]) * (q[1] - c[1]) - (c[1] - p[1]) * (q[0] - c[0]) !== 0) out.push(c);
  }
  out.push([out[0]![0], out[0]![1]]);
  return out;
}

const signedArea = (ring: Ring): number => {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return a / 2;
};

function groupRings(rings: Array<{ ring: Ring; probe: [number, number] }>): Ring[][] {
  const outers = rings.filter((r) => signedArea(r.ring) > 0).map((r) => ({
    ring: r.ring, area: signedArea(r.ring), holes: [] as Ring[], shape: undefined as BandedPolygon | undefined,
  }));
  // Probes are unit-edge midpoints, which never lie on another ring; each outer is banded once, when a hole asks.
  const contains = (o: (typeof outers)[number], px: number, py: number) =>
    pointInBandedPolygon((o.shape ??= bandPolygon(flattenPolygon([o.ring]))), px, py);
  for (const { ring: hole, probe: [px, py] } of rings.filter((r) => signedArea(r.ring) < 0)) {
    let owner: (typeof outers)[number] | undefined;
    for (const o of outers) if (contains(o, px, py) && (!owner || o.area < owner.area)) owner = o;
    owner?.holes.push(hole);
  }
  return outers.map((o) => [o.ring, ...o.holes]);
}
