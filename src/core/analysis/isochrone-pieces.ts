/**
 * Reachable streets of one category for every threshold at once, as typed arrays for deck.gl and for
 * transfer: each piece of street is stored once, labelled with the smallest threshold that reaches it, so
 * the streets within threshold k are the pieces labelled ≤ k (thresholds are nested). Same geometry as
 * isochrones/reachablePieces (which builds GeoJSON per threshold), without an array per piece.
 */
import type { CategoryAccessResult, NetworkSource } from '../access';
import { reachableIntervals } from '../isochrones/reachable-segments';
import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import type { PedestrianNetwork } from '../network';

export interface IsochronePieces {
  /** x0, y0, x1, y1 per piece (lon/lat). */
  readonly coords: Float64Array;
  /** Index into the ascending thresholds of the smallest threshold that reaches the piece. */
  readonly threshold: Uint8Array;
}

type Interval = [number, number];

/** Parts of `cur` not in `prev` (both sorted, merged, as reachableIntervals returns them). */
function difference(cur: readonly Interval[], prev: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [c0, c1] of cur) {
    let start = c0;
    for (const [p0, p1] of prev) {
      if (p1 <= start || p0 >= c1) continue;
      if (p0 > start) out.push([start, p0]);
      start = Math.max(start, p1);
    }
    if (start < c1) out.push([start, c1]);
  }
  return out;
}

/** Growable output of isochronePieces. */
class PieceBuffer {
  coords = new Float64Array(4 * 65536);
  label = new Uint8Array(65536);
  n = 0;

  grow(): void {
    const c2 = new Float64Array(this.coords.length * 2);
    c2.set(this.coords);
    this.coords = c2;
    const l2 = new Uint8Array(this.label.length * 2);
    l2.set(this.label);
    this.label = l2;
  }
}

export function isochronePieces(net: PedestrianNetwork, access: CategoryAccessResult, thresholdsM: Float64Array): IsochronePieces {
  const onSegment = new Map<number, NetworkSource[]>();
  for (const src of access.sources) {
    const list = onSegment.get(src.segment);
    if (list) list.push(src);
    else onSegment.set(src.segment, [src]);
  }
  // A flag per segment keeps the Map out of the loop over all segments.
  const hasSource = new Uint8Array(net.segmentCount);
  for (const s of onSegment.keys()) hasSource[s] = 1;
  const { segA, segB, segLengthM, nodeLng, nodeLat } = net;
  const dist = access.nodeDistM;
  const T = thresholdsM.length;
  const maxT = T ? thresholdsM[T - 1] : 0;
  const out = new PieceBuffer();
  // Pieces of one segment need at most 2 per threshold, plus the intervals around sources on it.
  const emit = (s: number, t0: number, t1: number, k: number): void => {
    if (!(t1 > t0)) return;
    if (out.n === out.label.length) out.grow();
    const a = segA[s], b = segB[s];
    const ax = nodeLng[a], ay = nodeLat[a], dx = nodeLng[b] - ax, dy = nodeLat[b] - ay;
    const o = 4 * out.n;
    const coords = out.coords;
    coords[o] = ax + t0 * dx;
    coords[o + 1] = ay + t0 * dy;
    coords[o + 2] = ax + t1 * dx;
    coords[o + 3] = ay + t1 * dy;
    out.label[out.n++] = k;
  };
  const S = net.segmentCount;
  for (let s = 0; s < S; s++) {
    const da = dist[segA[s]];
    const db = dist[segB[s]];
    if (hasSource[s] === 1) {
      const sources = onSegment.get(s)!;
      let prev: Interval[] = [];
      for (let k = 0; k < T; k++) {
        const cur = reachableIntervals(net, dist, sources, s, thresholdsM[k]);
        for (const [t0, t1] of difference(cur, prev)) emit(s, t0, t1, k);
        prev = cur;
      }
      continue;
    }
    if (!(da < maxT || db < maxT)) continue;
    const len = segLengthM[s];
    // Reachable = prefix [0, a] from end A plus suffix [b, 1] from end B; both grow with the threshold.
    let pa = 0;
    let pb = 1;
    for (let k = 0; k < T && pa < pb; k++) {
      const t = thresholdsM[k];
      const a = da < t ? Math.min(1, (t - da) / len) : 0;
      const b = db < t ? Math.max(0, 1 - (t - db) / len) : 1;
      if (a >= b) {
        emit(s, pa, pb, k);
        pa = pb;
      } else {
        emit(s, pa, a, k);
        emit(s, b, pb, k);
        pa = Math.max(pa, a);
        pb = Math.min(pb, b);
      }
    }
  }
  return { coords: out.coords.slice(0, 4 * out.n), threshold: out.label.slice(0, out.n) };
}

/** GeoJSON of the reachable streets, one MultiLineString per threshold (pieces labelled ≤ k). */
export function isochroneStreets(
  iso: { readonly pieceCoords: Float64Array; readonly pieceThreshold: Uint8Array },
  thresholdsM: Float64Array,
): FeatureCollection<MultiLineString, { threshold_m: number }> {
  const features: Feature<MultiLineString, { threshold_m: number }>[] = [...thresholdsM].map((t, k) => {
    const lines: number[][][] = [];
    const c = iso.pieceCoords;
    for (let i = 0; i < iso.pieceThreshold.length; i++) {
      if (iso.pieceThreshold[i] <= k) lines.push([[c[4 * i], c[4 * i + 1]], [c[4 * i + 2], c[4 * i + 3]]]);
    }
    return { type: 'Feature', properties: { threshold_m: t }, geometry: { type: 'MultiLineString', coordinates: lines } };
  });
  return { type: 'FeatureCollection', features };
}
