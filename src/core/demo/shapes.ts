/** Rectangles placed in fine-lattice coordinates, returned in metres (for areas) and lon/lat. */
import type { Polygon } from 'geojson';
import { FINE, toLngLat, type Grid, type Pos } from './grid';

/** Ring (counter-clockwise, closed) of the fine-lattice box [fi0, fi1] × [fj0, fj1]. */
export function boxRing(grid: Grid, fi0: number, fj0: number, fi1: number, fj1: number): Pos[] {
  const a = grid.at(fi0, fj0);
  return [a, grid.at(fi1, fj0), grid.at(fi1, fj1), grid.at(fi0, fj1), a];
}

/** A w × h metre box centred at (cu, cv) of fine cell (I, J), sizes converted with the mean fine side. */
export function cellBox(grid: Grid, I: number, J: number, cu: number, cv: number, wM: number, hM: number): Pos[] {
  const fineM = grid.cellM / FINE;
  const du = wM / fineM / 2;
  const dv = hM / fineM / 2;
  return boxRing(grid, I + cu - du, J + cv - dv, I + cu + du, J + cv + dv);
}

/** Shoelace area in m² of a closed metric ring. */
export function ringAreaM2(ring: readonly Pos[]): number {
  let s = 0;
  for (let k = 0; k + 1 < ring.length; k++) s += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  return Math.abs(s) / 2;
}

export const toPolygon = (ring: readonly Pos[]): Polygon => ({ type: 'Polygon', coordinates: [ring.map(toLngLat)] });
