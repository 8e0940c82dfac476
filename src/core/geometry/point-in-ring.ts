/** One point against one ring of GeoJSON positions, through the core's point-in-polygon test (banded-polygon.ts). */
import { bandPolygon, pointInBandedPolygon } from './banded-polygon';
import { flattenPolygon } from './flat-polygon';

/** Even-odd over the ring (closed or not); a point on the ring is inside. For many points, band the ring once. */
export function pointInRing(p: readonly number[], ring: readonly (readonly number[])[]): boolean {
  return pointInBandedPolygon(bandPolygon(flattenPolygon([ring])), p[0], p[1]);
}
