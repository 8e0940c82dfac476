/**
 * Where a feature is (access-contract.md): one implementation, the network's locationOf (a point is itself,
 * a polygon its area-weighted centroid in lon/lat), so tables and snapping always agree. Lines have none.
 */
import type { Geometry } from 'geojson';
import { locationOf } from '../network/location';

export { locationOf };
export type Location = readonly [lng: number, lat: number];

/**
 * A point strictly inside a polygon part (for parent-by-containment): the middle of the widest interior
 * span on the horizontal line through the middle of the largest part's latitude range. Unlike a centroid it
 * cannot fall outside a concave or holed shape.
 */
export function interiorPoint(geometry: Geometry | null | undefined): Location | null {
  if (!geometry) return null;
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : null;
  if (!parts) return locationOf(geometry);
  let best: Location | null = null;
  let bestWidth = -1;
  for (const rings of parts) {
    if (!rings.length || rings[0].length < 3) continue;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const p of rings[0]) {
      minY = Math.min(minY, p[1]);
      maxY = Math.max(maxY, p[1]);
    }
    const y = (minY + maxY) / 2;
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i];
        const q = ring[(i + 1) % ring.length];
        if ((p[1] > y) !== (q[1] > y)) xs.push(p[0] + ((y - p[1]) * (q[0] - p[0])) / (q[1] - p[1]));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const w = xs[i + 1] - xs[i];
      if (w > bestWidth) {
        bestWidth = w;
        best = [(xs[i] + xs[i + 1]) / 2, y];
      }
    }
  }
  return best ?? locationOf(geometry);
}
