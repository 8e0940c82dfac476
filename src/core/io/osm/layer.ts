/** Wraps features as a LoadedLayer: bbox, geometry kind and field names computed once here. */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { BBox, GeometryKind, LayerRole, LoadWarning, LoadedLayer } from '../../model';
import { MAX_TEXT_LENGTH } from '../sanitize-properties';
import { IO_WARNINGS } from '../warnings';

const KIND: Readonly<Record<string, GeometryKind>> = {
  Point: 'point',
  MultiPoint: 'point',
  LineString: 'line',
  MultiLineString: 'line',
  Polygon: 'polygon',
  MultiPolygon: 'polygon',
};

/*
 * Positions are read only at a site that sees nothing but positions: a load like `c[0]` that sees both
 * arrays of arrays and positions makes V8 move every position it touches from unboxed doubles to boxed
 * numbers (the polymorphic load generalises the elements kind): +32 bytes per vertex, measured here as
 * about 30 % of the import's GeoJSON output.
 */
function extendPoint(b: number[], p: Position): void {
  const x = p[0];
  const y = p[1];
  if (x < b[0]) b[0] = x;
  if (y < b[1]) b[1] = y;
  if (x > b[2]) b[2] = x;
  if (y > b[3]) b[3] = y;
}

function extendLine(b: number[], line: readonly Position[]): void {
  for (let i = 0; i < line.length; i++) extendPoint(b, line[i]);
}

function extendRings(b: number[], rings: readonly Position[][]): void {
  for (let i = 0; i < rings.length; i++) extendLine(b, rings[i]);
}

function extend(b: number[], g: Geometry): void {
  switch (g.type) {
    case 'Point':
      return extendPoint(b, g.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return extendLine(b, g.coordinates);
    case 'MultiLineString':
    case 'Polygon':
      return extendRings(b, g.coordinates);
    case 'MultiPolygon':
      for (const poly of g.coordinates) extendRings(b, poly);
      return;
    case 'GeometryCollection':
      return;
  }
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
  let cut = 0;
  for (const f of spec.features) {
    if (f.geometry) {
      extend(b, f.geometry);
      kinds.add(KIND[f.geometry.type] ?? 'mixed');
    }
    const p = f.properties ?? {};
    for (const k in p) {
      fields.add(k);
      // Tag values are free text of any length in a hostile file: the same cut as every other loader.
      if (typeof p[k] === 'string' && p[k].length > MAX_TEXT_LENGTH) {
        p[k] = p[k].slice(0, MAX_TEXT_LENGTH);
        cut++;
      }
    }
  }
  const warnings = cut ? [...(spec.warnings ?? []), { code: IO_WARNINGS.longTextTruncated, count: cut }] : (spec.warnings ?? []);
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
    warnings,
  };
}
