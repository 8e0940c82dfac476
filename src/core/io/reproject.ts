/** Coordinate mapping over GeoJSON geometries (reprojection, datum conversion, axis swap). */
import type { Feature, Geometry, Position } from 'geojson';
import type { XY } from './crs';

export function mapGeometry(g: Geometry, fn: XY): Geometry {
  const p = (c: Position): Position => {
    const [x, y] = fn(c[0], c[1]);
    return c.length > 2 ? [x, y, ...c.slice(2)] : [x, y];
  };
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: p(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map(p) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(p) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(p)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((l) => l.map(p)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((r) => r.map((l) => l.map(p))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapGeometry(x, fn)) };
  }
}

/** Maps raw (untrusted) features; geometries that are not well-formed are passed on for the validator to drop. */
export function mapRawFeature(raw: unknown, fn: XY): unknown {
  if (raw === null || typeof raw !== 'object') return raw;
  const f = raw as { geometry?: unknown };
  try {
    return f.geometry ? { ...f, geometry: mapGeometry(f.geometry as Geometry, fn) } : raw;
  } catch {
    return { ...f, geometry: null };
  }
}

export const mapFeature = (f: Feature, fn: XY): Feature => (f.geometry ? { ...f, geometry: mapGeometry(f.geometry, fn) } : f);
