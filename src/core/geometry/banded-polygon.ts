/**
 * The core's one point-in-polygon test (coverage's unit assignment, isochrone rings, OSM multipolygon holes
 * through point-in-ring.ts): even-odd ray crossing, boundary-inclusive like turf.booleanPointInPolygon's
 * default, so a point on any ring edge counts as inside (a home on a shared border belongs to both
 * neighbours and the smallest id wins). For polygons with many vertices the edges of every ring are
 * bucketed into horizontal bands of the polygon's latitude range, and a point tests only the edges of its
 * band: every edge whose latitude range contains the point's latitude is in that band (the band of a
 * latitude is a monotone function of it), and those are the only edges the crossing count and the on-edge
 * test can act on, so the answer is that of the test over every edge. The edge test stays inline: a call
 * per edge cost 30–90 % in this loop.
 */
import type { FlatPolygon } from './flat-polygon';

const ON_EDGE_EPS = 1e-12;
/** Average edges per band the band count aims at. */
const EDGES_PER_BAND = 4;
const MAX_BANDS = 4096;

export interface BandedPolygon {
  readonly coords: Float64Array;
  readonly minY: number;
  readonly maxY: number;
  readonly bandCount: number;
  /** 1 / band height (0 when there is one band). */
  readonly invBandH: number;
  /** Edges of band k: edgeI/edgeJ[bandStart[k] .. bandStart[k+1]) (vertex indexes of both ends). */
  readonly bandStart: Uint32Array;
  readonly edgeI: Uint32Array;
  readonly edgeJ: Uint32Array;
}

function bandOf(y: number, minY: number, invBandH: number, bandCount: number): number {
  const k = Math.floor((y - minY) * invBandH);
  return k < 0 ? 0 : k >= bandCount ? bandCount - 1 : k;
}

export function bandPolygon(poly: FlatPolygon): BandedPolygon {
  const { coords, ringStarts } = poly;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 1; i < coords.length; i += 2) {
    if (coords[i] < minY) minY = coords[i];
    if (coords[i] > maxY) maxY = coords[i];
  }
  const edgeCount = coords.length / 2;
  const bandCount = maxY > minY ? Math.max(1, Math.min(MAX_BANDS, Math.floor(edgeCount / EDGES_PER_BAND))) : 1;
  const invBandH = bandCount > 1 ? bandCount / (maxY - minY) : 0;
  // Two passes (count, fill) over the edges (j → i) of every ring.
  const counts = new Uint32Array(bandCount + 1);
  const forEachEdge = (f: (i: number, j: number, k0: number, k1: number) => void): void => {
    for (let r = 0; r + 1 < ringStarts.length; r++) {
      const start = ringStarts[r];
      const end = ringStarts[r + 1];
      for (let i = start, j = end - 1; i < end; j = i++) {
        const yi = coords[2 * i + 1];
        const yj = coords[2 * j + 1];
        f(i, j, bandOf(Math.min(yi, yj), minY, invBandH, bandCount), bandOf(Math.max(yi, yj), minY, invBandH, bandCount));
      }
    }
  };
  forEachEdge((_i, _j, k0, k1) => {
    for (let k = k0; k <= k1; k++) counts[k + 1]++;
  });
  for (let k = 0; k < bandCount; k++) counts[k + 1] += counts[k];
  const fill = counts.slice(0, bandCount);
  const edgeI = new Uint32Array(counts[bandCount]);
  const edgeJ = new Uint32Array(counts[bandCount]);
  forEachEdge((i, j, k0, k1) => {
    for (let k = k0; k <= k1; k++) {
      edgeI[fill[k]] = i;
      edgeJ[fill[k]++] = j;
    }
  });
  return { coords, minY, maxY, bandCount, invBandH, bandStart: counts, edgeI, edgeJ };
}

/** True when (px, py) is inside the polygon or on one of its edges. */
export function pointInBandedPolygon(poly: BandedPolygon, px: number, py: number): boolean {
  if (!(py >= poly.minY && py <= poly.maxY)) return false;
  const { coords, edgeI, edgeJ } = poly;
  const k = bandOf(py, poly.minY, poly.invBandH, poly.bandCount);
  let inside = false;
  for (let e = poly.bandStart[k], end = poly.bandStart[k + 1]; e < end; e++) {
    const i = edgeI[e];
    const j = edgeJ[e];
    const xi = coords[2 * i];
    const yi = coords[2 * i + 1];
    const xj = coords[2 * j];
    const yj = coords[2 * j + 1];
    const inY = yi > py !== yj > py;
    if (
      (inY || yi === py || yj === py) &&
      px >= Math.min(xi, xj) && px <= Math.max(xi, xj) &&
      py >= Math.min(yi, yj) && py <= Math.max(yi, yj)
    ) {
      const cross = (xj - xi) * (py - yi) - (yj - yi) * (px - xi);
      if (Math.abs(cross) <= ON_EDGE_EPS * (Math.abs(xj - xi) + Math.abs(yj - yi))) return true;
    }
    if (inY && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
