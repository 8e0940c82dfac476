/**
 * Short distances (tens of metres) between children's marks and the rated network, in a local
 * equirectangular frame on the contract's sphere: at 30 m the error against the great circle is far below
 * a millimetre, and a plane makes point–segment and segment–segment distances exact and cheap.
 */
import { METERS_PER_DEGREE } from '../network';

const RAD = Math.PI / 180;

/** Metres per degree of longitude and latitude around a latitude. */
export interface LocalFrame {
  readonly kx: number;
  readonly ky: number;
}

export const frameAt = (lat: number): LocalFrame => ({ kx: METERS_PER_DEGREE * Math.cos(lat * RAD), ky: METERS_PER_DEGREE });

/** A lon/lat box around (lng, lat) that holds every point within r metres (for an index query). */
export function boxAround(lng: number, lat: number, r: number): [number, number, number, number] {
  const f = frameAt(lat);
  // The box is a little wider than the circle so a query never misses a point at the edge.
  const dx = (r / Math.max(f.kx, 1e-9)) * 1.001;
  const dy = (r / f.ky) * 1.001;
  return [lng - dx, lat - dy, lng + dx, lat + dy];
}

/**
 * Distance in metres from point p to segment ab (lon/lat), and the nearest point of ab as a fraction t
 * along it (0 at a, 1 at b).
 */
export function pointSegmentM(px: number, py: number, ax: number, ay: number, bx: number, by: number, f: LocalFrame): { m: number; t: number } {
  const ux = (bx - ax) * f.kx;
  const uy = (by - ay) * f.ky;
  const wx = (px - ax) * f.kx;
  const wy = (py - ay) * f.ky;
  const len2 = ux * ux + uy * uy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, (wx * ux + wy * uy) / len2)) : 0;
  return { m: Math.hypot(wx - t * ux, wy - t * uy), t };
}

const cross = (ax: number, ay: number, bx: number, by: number) => ax * by - ay * bx;

/** Distance in metres between segments ab and cd (lon/lat): 0 when they touch or cross. */
export function segmentSegmentM(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number, f: LocalFrame): number {
  // In metres, relative to a.
  const b = [(bx - ax) * f.kx, (by - ay) * f.ky] as const;
  const c = [(cx - ax) * f.kx, (cy - ay) * f.ky] as const;
  const d = [(dx - ax) * f.kx, (dy - ay) * f.ky] as const;
  const d1 = cross(b[0], b[1], c[0], c[1]);
  const d2 = cross(b[0], b[1], d[0], d[1]);
  const e = [d[0] - c[0], d[1] - c[1]] as const;
  const d3 = cross(e[0], e[1], -c[0], -c[1]);
  const d4 = cross(e[0], e[1], b[0] - c[0], b[1] - c[1]);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 0;
  return Math.min(
    pointSegmentM(cx, cy, ax, ay, bx, by, f).m, pointSegmentM(dx, dy, ax, ay, bx, by, f).m,
    pointSegmentM(ax, ay, cx, cy, dx, dy, f).m, pointSegmentM(bx, by, cx, cy, dx, dy, f).m,
  );
}
