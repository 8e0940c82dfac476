/** Wraps features as a LoadedLayer: bbox, geometry kind and field names computed once here. */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { BBox, GeometryKind, LayerRole, LoadWarning, LoadedLayer } from '../../model';

const KIND: Readonly<Record<string, GeometryKind>> = {
  Point: 'point',
  MultiPoint: 'point',
  LineString: 'line',
  MultiLineString: 'line',
  Polygon: 'polygon',
  MultiPolygon: 'polygon',
};

function extend(b: number[], g: Geometry): void {
  const visit = (c: unknown): void => {
    if (typeof (c as Position)[0] === 'number') {
      const [x, y] = c as Position;
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    } else for (const d of c as unknown[]) visit(d);
  };
  if (g.type !== 'GeometryCollection') visit(g.coordinates);
}

export interface LayerSpec {
  readonly name: string;
  readonly fileName: string;
  readonly role: LayerRole;
  readonly features: Feature[];
  readonly warnings?: readonly LoadWarning[];
  readonly categoryGuess?: string;
}

export function makeLayer(spec: LayerSpec): LoadedLayer {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const kinds = new Set<GeometryKind>();
  const fields = new Set<string>();
  for (const f of spec.features) {
    if (f.geometry) {
      extend(b, f.geometry);
      kinds.add(KIND[f.geometry.type] ?? 'mixed');
    }
    for (const k in f.properties ?? {}) fields.add(k);
  }
  const data: FeatureCollection = { type: 'FeatureCollection', features: spec.features };
  return {
    name: spec.name,
    fileName: spec.fileName,
    data,
    geometryKind: kinds.size === 0 ? 'none' : kinds.size === 1 ? [...kinds][0] : 'mixed',
    bbox: b[0] === Infinity ? null : (b as unknown as BBox),
    featureCount: spec.features.length,
    fieldNames: [...fields],
    roleGuess: spec.role,
    ...(spec.categoryGuess ? { categoryGuess: spec.categoryGuess } : {}),
    warnings: spec.warnings ?? [],
  };
}
