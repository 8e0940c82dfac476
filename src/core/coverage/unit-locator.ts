/**
 * Which unit polygon contains a point: a uniform grid over the bounding boxes of every polygon part, then
 * an exact point-in-polygon test on the few candidates, each testing only the edges of the point's
 * latitude band (src/core/geometry/banded-polygon.ts). When several units contain the point (a shared
 * border, overlapping data) the smallest id wins (access-contract.md). Large batches first read a grid of
 * precomputed answers (cell-answers.ts) and locate only the points near an edge.
 */
import type { Geometry } from 'geojson';
import { bandPolygon, flattenPolygon, pointInBandedPolygon, type BandedPolygon, type FlatPolygon } from '../geometry';
import { idRanks } from './id-order';
import { answerAll, buildCellAnswers, type CellAnswers } from './cell-answers';

export interface UnitLocator {
  readonly unitCount: number;
  /** Unit index containing (lng, lat), or -1 outside every unit. */
  locate(lng: number, lat: number): number;
  /** locate() over many points, same answers; -1 where outside. */
  locateAll(lng: Float64Array, lat: Float64Array, out?: Int32Array): Int32Array;
}

function polygonParts(g: Geometry | null | undefined): number[][][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonParts);
  return [];
}

/** Cells per side of the grid over the parts' boxes (about 2 per part per side, bounded). */
const gridSide = (parts: number): number => Math.max(1, Math.min(256, 2 * Math.ceil(Math.sqrt(parts))));
/** Below this many points a batch is located point by point (building the answer grid would not pay). */
const CELL_GRID_MIN_POINTS = 2048;

export function createUnitLocator(geometries: readonly (Geometry | null | undefined)[], ids: readonly string[]): UnitLocator {
  const rank = idRanks(ids);
  const flats: FlatPolygon[] = [];
  const parts: BandedPolygon[] = [];
  const partUnit: number[] = [];
  geometries.forEach((g, unitIdx) => {
    for (const rings of polygonParts(g)) {
      if (!rings.length || rings[0].length < 3) continue;
      flats.push(flattenPolygon(rings));
      parts.push(bandPolygon(flats[flats.length - 1]));
      partUnit.push(unitIdx);
    }
  });
  const P = parts.length;
  // Part boxes (the outer ring bounds the part; holes lie inside it).
  const box = new Float64Array(4 * P);
  let gx0 = Infinity, gy0 = Infinity, gx1 = -Infinity, gy1 = -Infinity;
  parts.forEach((p, k) => {
    let minX = Infinity, maxX = -Infinity;
    for (let i = 0; i < p.coords.length; i += 2) {
      const x = p.coords[i];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
    }
    box[4 * k] = minX;
    box[4 * k + 1] = p.minY;
    box[4 * k + 2] = maxX;
    box[4 * k + 3] = p.maxY;
    gx0 = Math.min(gx0, minX);
    gy0 = Math.min(gy0, p.minY);
    gx1 = Math.max(gx1, maxX);
    gy1 = Math.max(gy1, p.maxY);
  });
  // A uniform grid over the parts' boxes: each cell lists the parts whose box meets it. The cell of a
  // coordinate is monotone in it, so a point inside a box always lands in one of the box's cells.
  const G = gridSide(P);
  const invW = gx1 > gx0 ? G / (gx1 - gx0) : 0;
  const invH = gy1 > gy0 ? G / (gy1 - gy0) : 0;
  const cell = (v: number, v0: number, inv: number): number => {
    const c = Math.floor((v - v0) * inv);
    return c < 0 ? 0 : c >= G ? G - 1 : c;
  };
  const cellStart = new Uint32Array(G * G + 1);
  const cellRange = (k: number, f: (c: number) => void): void => {
    const cx0 = cell(box[4 * k], gx0, invW), cx1 = cell(box[4 * k + 2], gx0, invW);
    const cy0 = cell(box[4 * k + 1], gy0, invH), cy1 = cell(box[4 * k + 3], gy0, invH);
    for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) f(cy * G + cx);
  };
  for (let k = 0; k < P; k++) cellRange(k, (c) => cellStart[c + 1]++);
  for (let c = 0; c < G * G; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, G * G);
  const cellParts = new Uint32Array(cellStart[G * G]);
  for (let k = 0; k < P; k++) cellRange(k, (c) => (cellParts[fill[c]++] = k));

  const locate = (lng: number, lat: number): number => {
    if (P === 0 || !Number.isFinite(lng) || !Number.isFinite(lat)) return -1;
    if (lng < gx0 || lng > gx1 || lat < gy0 || lat > gy1) return -1;
    const c = cell(lat, gy0, invH) * G + cell(lng, gx0, invW);
    let best = -1;
    for (let e = cellStart[c], end = cellStart[c + 1]; e < end; e++) {
      const k = cellParts[e];
      if (lng < box[4 * k] || lng > box[4 * k + 2] || lat < box[4 * k + 1] || lat > box[4 * k + 3]) continue;
      const u = partUnit[k];
      if ((best === -1 || rank[u] < rank[best]) && pointInBandedPolygon(parts[k], lng, lat)) best = u;
    }
    return best;
  };

  // Built on the first large batch, sized for it, and kept for later batches.
  let cells: CellAnswers | undefined;
  let cellsTried = false;

  return {
    unitCount: geometries.length,
    locate,
    locateAll(lng, lat, out = new Int32Array(lng.length)) {
      if (!cellsTried && P > 0 && lng.length >= CELL_GRID_MIN_POINTS) {
        cellsTried = true;
        cells = buildCellAnswers(flats, { x0: gx0, y0: gy0, x1: gx1, y1: gy1 }, geometries.length, lng.length, locate);
      }
      if (cells) return answerAll(cells, lng, lat, out, locate);
      for (let i = 0; i < lng.length; i++) out[i] = locate(lng[i], lat[i]);
      return out;
    },
  };
}
