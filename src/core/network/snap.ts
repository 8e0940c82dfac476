/**
 * Snapping locations onto the network (access-contract.md, "Snapping"): the nearest point on a snappable
 * segment by true projection in a local equirectangular frame centred on the location; the snap leg is the
 * haversine distance to that point. Beyond the maximum snap distance a location is not connected.
 * A snapped point that lies on several segments at once (lines that overlap or cross there) is attached to
 * each of them (`also`): which one a floating-point tie picked must not decide the walking distance.
 */
import { haversineM, METERS_PER_DEGREE } from './haversine';
import type { PedestrianNetwork } from './types';

export const DEFAULT_MAX_SNAP_M = 150;
/** Two projections closer than this (metres) are the same point: well under the 1 cm vertex quantum. */
export const SAME_POINT_M = 1e-3;

export interface SnapOptions {
  readonly maxSnapM?: number;
}

/** Per location: segment index (-1 = not connected), position t (0 at segA, 1 at segB), snap leg, snapped point. */
export interface SnapResult {
  readonly segment: Int32Array;
  readonly t: Float64Array;
  /** Snap leg in metres; Infinity when not connected. */
  readonly snapM: Float64Array;
  /** The snapped point; NaN when not connected. */
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  /** Further segments the snapped point lies on (rare), sorted by location; absent when there are none. */
  readonly also?: SnapAlternates;
}

/** Extra attachments: location[k] also sits at t[k] on segment[k], with the same snap leg. */
export interface SnapAlternates {
  readonly location: Int32Array;
  readonly segment: Int32Array;
  readonly t: Float64Array;
}

/** The other segments location i is attached to, as indexes into `also` (empty for most locations). */
export function alternatesOf(also: SnapAlternates | undefined): Map<number, number[]> {
  const byLocation = new Map<number, number[]>();
  if (!also) return byLocation;
  for (let k = 0; k < also.location.length; k++) {
    const i = also.location[k]!;
    const list = byLocation.get(i);
    if (list) list.push(k);
    else byLocation.set(i, [k]);
  }
  return byLocation;
}

/**
 * Projects (lng0, lat0) onto segment s in the location's local frame; writes t and the squared local
 * distance (m²) into `out`.
 */
export function projectOntoSegment(net: PedestrianNetwork, s: number, lng0: number, lat0: number, cosLat0: number, out: Float64Array): void {
  const a = net.segA[s]!;
  const b = net.segB[s]!;
  const ax = (net.nodeLng[a]! - lng0) * cosLat0;
  const ay = net.nodeLat[a]! - lat0;
  const dx = (net.nodeLng[b]! - lng0) * cosLat0 - ax;
  const dy = net.nodeLat[b]! - lat0 - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const px = (ax + t * dx) * METERS_PER_DEGREE;
  const py = (ay + t * dy) * METERS_PER_DEGREE;
  out[0] = t;
  out[1] = px * px + py * py;
}

export function snapPoints(net: PedestrianNetwork, lng: Float64Array, lat: Float64Array, options: SnapOptions = {}): SnapResult {
  const maxSnapM = options.maxSnapM ?? DEFAULT_MAX_SNAP_M;
  const n = lng.length;
  const segment = new Int32Array(n).fill(-1);
  const t = new Float64Array(n).fill(Number.NaN);
  const snapM = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const outLng = new Float64Array(n).fill(Number.NaN);
  const outLat = new Float64Array(n).fill(Number.NaN);
  const index = net.snapIndex;
  // Searched a little beyond the maximum: the local frame and haversine differ by millimetres there.
  const lastRadius = maxSnapM * 1.01;

  let x = 0;
  let y = 0;
  let cosLat = 1;
  let best = -1;
  let bestD2 = Number.POSITIVE_INFINITY;
  let bestT: number;
  const alsoLoc: number[] = [];
  const alsoSeg: number[] = [];
  const alsoT: number[] = [];
  const { segA, segB, nodeLng, nodeLat, snapIndexSegments } = net;
  // The projection of projectOntoSegment, inlined: this runs for every candidate of every location.
  const visit = (item: number): number => {
    const s = snapIndexSegments[item]!;
    const a = segA[s]!;
    const b = segB[s]!;
    const ax = (nodeLng[a]! - x) * cosLat;
    const ay = nodeLat[a]! - y;
    const dx = (nodeLng[b]! - x) * cosLat - ax;
    const dy = nodeLat[b]! - y - ay;
    const len2 = dx * dx + dy * dy;
    let tt = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
    tt = tt < 0 ? 0 : tt > 1 ? 1 : tt;
    const px = (ax + tt * dx) * METERS_PER_DEGREE;
    const py = (ay + tt * dy) * METERS_PER_DEGREE;
    const d2 = px * px + py * py;
    if (d2 < bestD2 || (d2 === bestD2 && s < best)) {
      best = s;
      bestD2 = d2;
      bestT = tt;
    }
    return bestD2;
  };

  let alsoBest = -1;
  let alsoPx = 0;
  let alsoPy = 0;
  let alsoNode = -1;
  let alsoIdx = -1;
  const visitAlso = (item: number): void => {
    const s = snapIndexSegments[item]!;
    if (s === alsoBest) return;
    const a = segA[s]!;
    const b = segB[s]!;
    const ax = (nodeLng[a]! - x) * cosLat;
    const ay = nodeLat[a]! - y;
    const dx = (nodeLng[b]! - x) * cosLat - ax;
    const dy = nodeLat[b]! - y - ay;
    const len2 = dx * dx + dy * dy;
    let tt = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
    tt = tt < 0 ? 0 : tt > 1 ? 1 : tt;
    // Its own nearest point must be the snapped point (within SAME_POINT_M), in local metres.
    const ex = (ax + tt * dx - (alsoPx - x) * cosLat) * METERS_PER_DEGREE;
    const ey = (ay + tt * dy - (alsoPy - y)) * METERS_PER_DEGREE;
    if (ex * ex + ey * ey > SAME_POINT_M * SAME_POINT_M) return;
    // The snapped point is a vertex when t is 0 or 1: other segments ending at that vertex add nothing.
    if (alsoNode >= 0 && (tt === 0 ? a : tt === 1 ? b : -2) === alsoNode) return;
    alsoLoc.push(alsoIdx);
    alsoSeg.push(s);
    alsoT.push(tt);
  };

  for (let i = 0; i < n; i++) {
    x = lng[i]!;
    y = lat[i]!;
    if (!index || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    cosLat = Math.max(Math.cos((y * Math.PI) / 180), 1e-6);
    best = -1;
    bestD2 = Number.POSITIVE_INFINITY;
    bestT = 0;
    // Every segment within lastRadius is visited, so the best is the nearest of all within it.
    index.visitNearest(x, y, cosLat * METERS_PER_DEGREE, METERS_PER_DEGREE, lastRadius, visit);
    if (best < 0) continue;
    const a = net.segA[best]!;
    const b = net.segB[best]!;
    const px = net.nodeLng[a]! + bestT * (net.nodeLng[b]! - net.nodeLng[a]!);
    const py = net.nodeLat[a]! + bestT * (net.nodeLat[b]! - net.nodeLat[a]!);
    const leg = haversineM(x, y, px, py);
    if (leg > maxSnapM) continue;
    segment[i] = best;
    t[i] = bestT;
    snapM[i] = leg;
    outLng[i] = px;
    outLat[i] = py;
    // Other segments through the snapped point (rare): only those whose box holds it can, so a tiny box
    // query finds them without slowing the nearest search above.
    alsoBest = best;
    alsoPx = px;
    alsoPy = py;
    alsoNode = bestT === 0 ? a : bestT === 1 ? b : -1;
    alsoIdx = i;
    const e = (SAME_POINT_M / METERS_PER_DEGREE) * 2;
    index.visit(px - e / cosLat, py - e, px + e / cosLat, py + e, visitAlso);
  }
  const also = alsoLoc.length > 0
    ? { location: Int32Array.from(alsoLoc), segment: Int32Array.from(alsoSeg), t: Float64Array.from(alsoT) }
    : undefined;
  return { segment, t, snapM, lng: outLng, lat: outLat, ...(also ? { also } : {}) };
}
