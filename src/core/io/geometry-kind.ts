/** Bounding box and geometry kind of a feature list, in one pass over the coordinates. */
import type { Feature, Geometry, Position } from 'geojson';
import type { BBox, GeometryKind } from '../model';

export function kindOf(g: Geometry): GeometryKind {
  switch (g.type) {
    case 'Point':
    case 'MultiPoint':
      return 'point';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Polygon':
    case 'MultiPolygon':
      return 'polygon';
    case 'GeometryCollection': {
      const kinds = new Set(g.geometries.map(kindOf));
      return kinds.size === 1 ? [...kinds][0] : 'mixed';
    }
  }
}

export function combineKinds(a: GeometryKind | undefined, b: GeometryKind): GeometryKind {
  return a === undefined || a === b ? b : 'mixed';
}

/** Visit every position of a geometry. */
export function eachPosition(g: Geometry, fn: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      fn(g.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach(fn);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const l of g.coordinates) l.forEach(fn);
      return;
    case 'MultiPolygon':
      for (const p of g.coordinates) for (const l of p) l.forEach(fn);
      return;
    case 'GeometryCollection':
      for (const x of g.geometries) eachPosition(x, fn);
  }
}

export class BBoxAccumulator {
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;
  readonly add = (p: Position): void => {
    if (p[0] < this.minX) this.minX = p[0];
    if (p[0] > this.maxX) this.maxX = p[0];
    if (p[1] < this.minY) this.minY = p[1];
    if (p[1] > this.maxY) this.maxY = p[1];
  };
  addFeature(f: Feature): void {
    if (f.geometry) eachPosition(f.geometry, this.add);
  }
  get bbox(): BBox | null {
    return this.minX <= this.maxX ? [this.minX, this.minY, this.maxX, this.maxY] : null;
  }
}
