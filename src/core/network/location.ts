/**
 * Where a home or facility is (access-contract.md): a point is itself; a polygon is its area-weighted
 * centroid computed in lon/lat (holes subtract), which is what turf.centerOfMass gives.
 */
import type { Geometry, Position } from 'geojson';
import type { LngLat } from '../model';

/** Signed area and first moments of one ring, relative to (ox, oy) so big coordinates keep their digits. */
function ringMoments(ring: Position[], ox: number, oy: number): [area2: number, mx: number, my: number] {
  let a2 = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const x0 = ring[i]![0]! - ox;
    const y0 = ring[i]![1]! - oy;
    const x1 = ring[i + 1]![0]! - ox;
    const y1 = ring[i + 1]![1]! - oy;
    const cross = x0 * y1 - x1 * y0;
    a2 += cross;
    mx += (x0 + x1) * cross;
    my += (y0 + y1) * cross;
  }
  return [a2, mx, my];
}

function polygonsCentroid(polygons: Position[][][]): LngLat | null {
  const first = polygons[0]?.[0]?.[0];
  if (!first) return null;
  const ox = first[0]!;
  const oy = first[1]!;
  let area2 = 0;
  let mx = 0;
  let my = 0;
  let vx = 0;
  let vy = 0;
  let vn = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, r) => {
      const [a, x, y] = ringMoments(ring, ox, oy);
      // Outer rings add, holes subtract, whatever their winding.
      const sign = (r === 0 ? 1 : -1) * Math.sign(a);
      area2 += sign * a;
      mx += sign * x;
      my += sign * y;
      if (r !== 0) return;
      for (const p of ring.slice(0, -1)) {
        vx += p[0]!;
        vy += p[1]!;
        vn++;
      }
    });
  }
  // A degenerate (zero-area) polygon falls back to the mean of its outer vertices.
  if (Math.abs(area2) < 1e-30) return vn > 0 ? [vx / vn, vy / vn] : null;
  return [ox + mx / (3 * area2), oy + my / (3 * area2)];
}

/** The location used for snapping, or null for geometries that have none (lines, empty, collections). */
export function locationOf(geometry: Geometry | null | undefined): LngLat | null {
  if (!geometry) return null;
  switch (geometry.type) {
    case 'Point': {
      const [x, y] = geometry.coordinates;
      return Number.isFinite(x) && Number.isFinite(y) ? [x!, y!] : null;
    }
    case 'MultiPoint': {
      const pts = geometry.coordinates;
      if (pts.length === 0) return null;
      return [pts.reduce((s, p) => s + p[0]!, 0) / pts.length, pts.reduce((s, p) => s + p[1]!, 0) / pts.length];
    }
    case 'Polygon':
      return polygonsCentroid([geometry.coordinates]);
    case 'MultiPolygon':
      return polygonsCentroid(geometry.coordinates);
    default:
      return null;
  }
}
