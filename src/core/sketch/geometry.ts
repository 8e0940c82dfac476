import { MAX_VERTICES, type SketchGeometry } from './rules';

// WGS 84 geometry of a sketch feature: Point, LineString or Polygon, longitude/latitude in degrees.
// Returns the geometry in 2D (a third coordinate is dropped) or null when it cannot be a sketch geometry.

function position(value: unknown): [number, number] | null {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return null;
  const [lon, lat] = value as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number') return null;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return null;
  return [lon, lat];
}

function positions(value: unknown, min: number): [number, number][] | null {
  if (!Array.isArray(value) || value.length < min || value.length > MAX_VERTICES) return null;
  const out: [number, number][] = [];
  for (const p of value) {
    const q = position(p);
    if (!q) return null;
    out.push(q);
  }
  return out;
}

function ring(value: unknown): [number, number][] | null {
  const r = positions(value, 4);
  if (!r) return null;
  const first = r[0]!;
  const last = r[r.length - 1]!;
  return first[0] === last[0] && first[1] === last[1] ? r : null;
}

export function sanitizeGeometry(value: unknown): SketchGeometry | null {
  if (typeof value !== 'object' || value === null) return null;
  const g = value as { type?: unknown; coordinates?: unknown };
  switch (g.type) {
    case 'Point': {
      const p = position(g.coordinates);
      return p ? { type: 'Point', coordinates: p } : null;
    }
    case 'LineString': {
      const line = positions(g.coordinates, 2);
      return line ? { type: 'LineString', coordinates: line } : null;
    }
    case 'Polygon': {
      if (!Array.isArray(g.coordinates) || g.coordinates.length < 1) return null;
      const rings: [number, number][][] = [];
      let vertices = 0;
      for (const r of g.coordinates) {
        const q = ring(r);
        if (!q) return null;
        vertices += q.length;
        rings.push(q);
      }
      return vertices <= MAX_VERTICES ? { type: 'Polygon', coordinates: rings } : null;
    }
    default:
      return null;
  }
}

/** True when the sanitised geometry is the input unchanged (no third coordinate dropped, no extra members). */
export function sameGeometry(input: unknown, clean: SketchGeometry): boolean {
  return JSON.stringify(input) === JSON.stringify(clean);
}
