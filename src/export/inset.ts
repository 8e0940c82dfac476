/**
 * The inset locator's content: the study area as the outlines of its widest unit level that has more than
 * one unit, and its box; the page's map box is drawn on it as a red frame.
 */
import type { Geometry, Position } from 'geojson';
import { UNIT_LEVELS } from '../core/model';
import type { AppState } from '../state';
import type { BBox, InsetContent } from './compose-map-page';

export type Ring = readonly (readonly [number, number])[];

export function ringsOf(g: Geometry | null): Ring[] {
  if (!g) return [];
  const ring = (r: Position[]): Ring => r.map((p) => [p[0], p[1]] as const);
  if (g.type === 'Polygon') return g.coordinates.map(ring);
  if (g.type === 'MultiPolygon') return g.coordinates.flatMap((p) => p.map(ring));
  return [];
}

export function boxOf(rings: readonly Ring[]): BBox | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings)
    for (const [x, y] of r) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  return w <= e && s <= n ? [w, s, e, n] : null;
}

/** The widest level that is cut into more than one unit (a lone city polygon would fill the inset). */
export function studyArea(s: AppState): Ring[] {
  let fallback: Ring[] = [];
  for (const level of UNIT_LEVELS) {
    const layer = s.doc.layers.find((l) => l.role === level && s.layerData[l.id]);
    if (!layer) continue;
    const features = s.layerData[layer.id].data.features;
    const rings = features.flatMap((f) => ringsOf(f.geometry));
    if (features.length > 1 && rings.length) return rings;
    if (!fallback.length) fallback = rings;
  }
  return fallback;
}

export function insetOf(rings: readonly Ring[], extent: BBox): InsetContent | null {
  const box = boxOf(rings);
  if (!box) return null;
  // The area and the page's box together, so the red frame is always on the inset.
  const area: BBox = [Math.min(box[0], extent[0]), Math.min(box[1], extent[1]), Math.max(box[2], extent[2]), Math.max(box[3], extent[3])];
  return { rings, area, extent };
}
