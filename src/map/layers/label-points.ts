/**
 * One label point per unit polygon. Labelling the polygons directly makes MapLibre place a label in
 * every tile a polygon touches, so large districts repeat their name at high zoom.
 */
import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

const cache = new WeakMap<FeatureCollection, FeatureCollection<Point>>();

export function labelPoints(fc: FeatureCollection): FeatureCollection<Point> {
  let out = cache.get(fc);
  if (out) return out;
  const features: Feature<Point>[] = [];
  for (const f of fc.features) {
    const t = f.geometry?.type;
    if (t !== 'Polygon' && t !== 'MultiPolygon') continue;
    const poly = f as Feature<Polygon | MultiPolygon>;
    const c = centroid(poly);
    const p = booleanPointInPolygon(c, poly) ? c : pointOnFeature(poly);
    features.push({ type: 'Feature', geometry: p.geometry, properties: f.properties });
  }
  out = { type: 'FeatureCollection', features };
  cache.set(fc, out);
  return out;
}
