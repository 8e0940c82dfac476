/**
 * Geometries as typed arrays: what crosses from the io worker to the analysis worker instead of GeoJSON
 * (one Float64Array of x, y pairs and three offset arrays, no JS array per vertex). Every geometry is
 * features → parts → rings → points: a Point is one part of one ring of one point, a LineString one part
 * of one ring, a Polygon one part of its rings; Multi* have several parts. Only x and y are kept.
 */
import type { Geometry, Position } from 'geojson';

/** Geometry type per feature (0: none or a collection, which no analysis reads). */
export const GEOMETRY_TYPES = [null, 'Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;
export type ColumnGeometryType = Exclude<(typeof GEOMETRY_TYPES)[number], null>;

export interface GeometryColumns {
  /** Index into GEOMETRY_TYPES per feature. */
  readonly type: Uint8Array;
  /** Feature i has parts featureOffsets[i] .. featureOffsets[i+1]. */
  readonly featureOffsets: Uint32Array;
  /** Part p has rings partOffsets[p] .. partOffsets[p+1]. */
  readonly partOffsets: Uint32Array;
  /** Ring r has points ringOffsets[r] .. ringOffsets[r+1]; point k is coords[2k], coords[2k+1]. */
  readonly ringOffsets: Uint32Array;
  readonly coords: Float64Array;
}

/** A geometry's parts as rings of positions (Point → [[[p]]], LineString → [[line]], Polygon → [rings]). */
function partsOf(g: Geometry | null | undefined): Position[][][] | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point': return [[[g.coordinates]]];
    case 'MultiPoint': return g.coordinates.map((p) => [[p]]);
    case 'LineString': return [[g.coordinates]];
    case 'MultiLineString': return g.coordinates.map((l) => [l]);
    case 'Polygon': return [g.coordinates];
    case 'MultiPolygon': return g.coordinates;
    default: return null;
  }
}

const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);

export function geometryColumns(geometries: readonly (Geometry | null | undefined)[]): GeometryColumns {
  const n = geometries.length;
  let parts = 0;
  let rings = 0;
  let points = 0;
  const all = geometries.map(partsOf);
  for (const ps of all) {
    if (!ps) continue;
    parts += ps.length;
    for (const rs of ps) {
      rings += rs.length;
      for (const r of rs) points += r.length;
    }
  }
  const type = new Uint8Array(n);
  const featureOffsets = new Uint32Array(n + 1);
  const partOffsets = new Uint32Array(parts + 1);
  const ringOffsets = new Uint32Array(rings + 1);
  const coords = new Float64Array(2 * points);
  let p = 0;
  let r = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const ps = all[i];
    if (ps) {
      type[i] = GEOMETRY_TYPES.indexOf(geometries[i]!.type as ColumnGeometryType);
      for (const rs of ps) {
        for (const ring of rs) {
          for (const pt of ring) {
            const xy = Array.isArray(pt) ? pt : [];
            coords[2 * k] = num(xy[0]);
            coords[2 * k + 1] = num(xy[1]);
            k++;
          }
          ringOffsets[++r] = k;
        }
        partOffsets[++p] = r;
      }
    }
    featureOffsets[i + 1] = p;
  }
  return { type, featureOffsets, partOffsets, ringOffsets, coords };
}

/** Feature i's parts as rings of [x, y] (the GeoJSON nesting of a polygon, whatever the type). */
export function partsAt(g: GeometryColumns, i: number): [number, number][][][] {
  const out: [number, number][][][] = [];
  for (let p = g.featureOffsets[i]!; p < g.featureOffsets[i + 1]!; p++) {
    const rings: [number, number][][] = [];
    for (let r = g.partOffsets[p]!; r < g.partOffsets[p + 1]!; r++) {
      const ring: [number, number][] = [];
      for (let k = g.ringOffsets[r]!; k < g.ringOffsets[r + 1]!; k++) ring.push([g.coords[2 * k]!, g.coords[2 * k + 1]!]);
      rings.push(ring);
    }
    out.push(rings);
  }
  return out;
}

/** Feature i as GeoJSON again (for the few places that read a geometry whole: unit polygons, exports). */
export function geometryAt(g: GeometryColumns, i: number): Geometry | null {
  const type = GEOMETRY_TYPES[g.type[i]!];
  if (!type) return null;
  const parts = partsAt(g, i);
  switch (type) {
    case 'Point': return { type, coordinates: parts[0]?.[0]?.[0] ?? [] };
    case 'MultiPoint': return { type, coordinates: parts.map((rs) => rs[0]![0]!) };
    case 'LineString': return { type, coordinates: parts[0]?.[0] ?? [] };
    case 'MultiLineString': return { type, coordinates: parts.map((rs) => rs[0]!) };
    case 'Polygon': return { type, coordinates: parts[0] ?? [] };
    case 'MultiPolygon': return { type, coordinates: parts };
  }
}

/** The buffers to transfer. */
export const geometryBuffers = (g: GeometryColumns): ArrayBufferView[] => [g.type, g.featureOffsets, g.partOffsets, g.ringOffsets, g.coords];
