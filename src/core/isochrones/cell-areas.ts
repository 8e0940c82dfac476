/**
 * Isochrone areas on a fine grid. A cell belongs to area(T) when its centre lies within the walk-in width of
 * a reachable street piece and no home beyond T stands in it (or on its edge). Both conditions only grow
 * with T, so the cell sets, and the polygons traced from them, are nested exactly.
 */
import { METERS_PER_DEGREE } from '../network';
import type { CellGrid } from './trace-cells';

/** A lattice in a local equirectangular frame: x = (lng − lng0)·cosφ0·M, y = (lat − lat0)·M, metres. */
export interface Lattice {
  readonly lng0: number;
  readonly lat0: number;
  readonly cosLat0: number;
  readonly cellM: number;
  readonly nx: number;
  readonly ny: number;
}

/** Cells are never more than this many, so a whole city stays cheap: cellM grows instead. */
const MAX_CELLS = 16_000_000;

export function latticeAround(bbox: readonly [number, number, number, number], marginM: number, cellM: number): Lattice {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const cosLat0 = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const widthM = (maxLng - minLng) * cosLat0 * METERS_PER_DEGREE + 2 * marginM;
  const heightM = (maxLat - minLat) * METERS_PER_DEGREE + 2 * marginM;
  const size = Math.max(cellM, Math.sqrt((widthM * heightM) / MAX_CELLS));
  return {
    lng0: minLng - marginM / (cosLat0 * METERS_PER_DEGREE),
    lat0: minLat - marginM / METERS_PER_DEGREE,
    cosLat0,
    cellM: size,
    nx: Math.max(1, Math.ceil(widthM / size)),
    ny: Math.max(1, Math.ceil(heightM / size)),
  };
}

const toX = (l: Lattice, lng: number): number => (lng - l.lng0) * l.cosLat0 * METERS_PER_DEGREE;
const toY = (l: Lattice, lat: number): number => (lat - l.lat0) * METERS_PER_DEGREE;

/** Lattice corner (i, j) in lon/lat. */
export const cornerLngLat = (l: Lattice, i: number, j: number): [number, number] =>
  [l.lng0 + (i * l.cellM) / (l.cosLat0 * METERS_PER_DEGREE), l.lat0 + (j * l.cellM) / METERS_PER_DEGREE];

/** Marks the cells whose centre is within widthM of one of the pieces (2-point lines in lon/lat). */
export function rasterisePieces(l: Lattice, pieces: readonly number[][][], widthM: number): CellGrid {
  const cells = new Uint8Array(l.nx * l.ny);
  const g = l.cellM;
  const w2 = widthM * widthM;
  for (const piece of pieces) {
    const ax = toX(l, piece[0]![0]!);
    const ay = toY(l, piece[0]![1]!);
    const bx = toX(l, piece[1]![0]!);
    const by = toY(l, piece[1]![1]!);
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const i0 = Math.max(0, Math.floor((Math.min(ax, bx) - widthM) / g));
    const i1 = Math.min(l.nx - 1, Math.floor((Math.max(ax, bx) + widthM) / g));
    const j0 = Math.max(0, Math.floor((Math.min(ay, by) - widthM) / g));
    const j1 = Math.min(l.ny - 1, Math.floor((Math.max(ay, by) + widthM) / g));
    for (let j = j0; j <= j1; j++) {
      const cy = (j + 0.5) * g;
      for (let i = i0; i <= i1; i++) {
        const k = i + j * l.nx;
        if (cells[k] === 1) continue;
        const cx = (i + 0.5) * g;
        let t = len2 > 0 ? ((cx - ax) * dx + (cy - ay) * dy) / len2 : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = ax + t * dx - cx;
        const ey = ay + t * dy - cy;
        if (ex * ex + ey * ey <= w2) cells[k] = 1;
      }
    }
  }
  return { nx: l.nx, ny: l.ny, cells };
}

/**
 * Clears every cell a home touches: the cell it lies in, and its neighbours when it lies within a hair of
 * a cell edge (a point on a shared edge would otherwise be drawn on the boundary of an included cell).
 */
export function excludeHomes(l: Lattice, grid: CellGrid, lng: Float64Array, lat: Float64Array, excluded: (h: number) => boolean): void {
  const eps = 1e-6 * l.cellM;
  for (let h = 0; h < lng.length; h++) {
    if (!excluded(h) || !Number.isFinite(lng[h]!) || !Number.isFinite(lat[h]!)) continue;
    const x = toX(l, lng[h]!);
    const y = toY(l, lat[h]!);
    const i0 = Math.max(0, Math.floor((x - eps) / l.cellM));
    const i1 = Math.min(l.nx - 1, Math.floor((x + eps) / l.cellM));
    const j0 = Math.max(0, Math.floor((y - eps) / l.cellM));
    const j1 = Math.min(l.ny - 1, Math.floor((y + eps) / l.cellM));
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) grid.cells[i + j * l.nx] = 0;
  }
}
