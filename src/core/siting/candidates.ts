/**
 * Candidate sites from the network: street vertices and segment midpoints (places a facility can be
 * entered from a street), optionally only those inside one unit, thinned with a grid to a few hundred so
 * one bounded search per candidate stays cheap.
 */
import type { PedestrianNetwork } from '../network';

export interface CandidatePoints {
  readonly lng: Float64Array;
  readonly lat: Float64Array;
}

/** Default number of network candidates kept after thinning. */
export const DEFAULT_MAX_CANDIDATES = 300;

/** Nodes on a snappable segment, then midpoints of snappable segments (tunnels and islands excluded). */
export function networkPoints(net: PedestrianNetwork): CandidatePoints {
  const onSnappable = new Uint8Array(net.nodeCount);
  let segs = 0;
  for (let s = 0; s < net.segmentCount; s++) {
    if (!net.segSnappable[s]) continue;
    onSnappable[net.segA[s]] = 1;
    onSnappable[net.segB[s]] = 1;
    segs++;
  }
  const nodes = onSnappable.reduce((n, x) => n + x, 0);
  const lng = new Float64Array(nodes + segs);
  const lat = new Float64Array(nodes + segs);
  let k = 0;
  for (let v = 0; v < net.nodeCount; v++) {
    if (!onSnappable[v]) continue;
    lng[k] = net.nodeLng[v];
    lat[k++] = net.nodeLat[v];
  }
  for (let s = 0; s < net.segmentCount; s++) {
    if (!net.segSnappable[s]) continue;
    const a = net.segA[s], b = net.segB[s];
    lng[k] = (net.nodeLng[a] + net.nodeLng[b]) / 2;
    lat[k++] = (net.nodeLat[a] + net.nodeLat[b]) / 2;
  }
  return { lng, lat };
}

/** The points whose mask entry is 1. */
export function selectPoints(p: CandidatePoints, mask: Uint8Array | Int32Array, keep: (m: number) => boolean): CandidatePoints {
  const idx: number[] = [];
  for (let i = 0; i < p.lng.length; i++) if (keep(mask[i])) idx.push(i);
  return { lng: Float64Array.from(idx, (i) => p.lng[i]), lat: Float64Array.from(idx, (i) => p.lat[i]) };
}

/**
 * At most `max` points, one per cell of a square lon/lat-scaled grid: the point nearest its cell's centre,
 * in cell order. The cell grows until the count fits, so the kept points spread over the whole area.
 */
export function thinByGrid(p: CandidatePoints, max: number = DEFAULT_MAX_CANDIDATES): CandidatePoints {
  const n = p.lng.length;
  if (n <= max) return p;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, p.lng[i]); x1 = Math.max(x1, p.lng[i]);
    y0 = Math.min(y0, p.lat[i]); y1 = Math.max(y1, p.lat[i]);
  }
  // Degrees of longitude shrink with latitude: scale x so cells are square on the ground.
  const kx = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const w = Math.max((x1 - x0) * kx, 1e-12), h = Math.max(y1 - y0, 1e-12);
  for (let cell = Math.sqrt((w * h) / max); ; cell *= 1.2) {
    const cols = Math.floor(w / cell) + 1;
    const best = new Map<number, { i: number; d: number }>();
    for (let i = 0; i < n; i++) {
      const cx = ((p.lng[i] - x0) * kx) / cell, cy = (p.lat[i] - y0) / cell;
      const key = Math.floor(cy) * cols + Math.floor(cx);
      const d = (cx - Math.floor(cx) - 0.5) ** 2 + (cy - Math.floor(cy) - 0.5) ** 2;
      const cur = best.get(key);
      if (!cur || d < cur.d) best.set(key, { i, d });
    }
    if (best.size <= max) {
      const idx = [...best.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v.i);
      return { lng: Float64Array.from(idx, (i) => p.lng[i]), lat: Float64Array.from(idx, (i) => p.lat[i]) };
    }
  }
}
