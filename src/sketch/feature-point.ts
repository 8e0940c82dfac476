import type { SketchFeature } from '../core/sketch';

/** A point for a sketch feature: the point itself, or the mean of a line's or a ring's vertices. */
export function featurePoint(f: SketchFeature): [number, number] {
  const g = f.geometry;
  if (g.type === 'Point') return g.coordinates;
  const pts = g.type === 'LineString' ? g.coordinates : g.coordinates[0]!.slice(0, -1);
  const n = pts.length;
  return [pts.reduce((a, p) => a + p[0], 0) / n, pts.reduce((a, p) => a + p[1], 0) / n];
}
