/**
 * GeoJSON geometry → ISO Well-Known Binary, little-endian, 2D (a third coordinate is dropped: every layer
 * the app analyses is 2D). The inverse of wkb.ts for what the GeoPackage writer needs.
 */
import type { Geometry, Position } from 'geojson';

const TYPE_CODE = { Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6, GeometryCollection: 7 } as const;

function byteLength(g: Geometry): number {
  const ring = (r: readonly Position[]) => 4 + 16 * r.length;
  switch (g.type) {
    case 'Point': return 5 + 16;
    case 'LineString': return 5 + ring(g.coordinates);
    case 'Polygon': return 5 + 4 + g.coordinates.reduce((s, r) => s + ring(r), 0);
    case 'MultiPoint': return 5 + 4 + g.coordinates.length * 21;
    case 'MultiLineString': return 5 + 4 + g.coordinates.reduce((s, l) => s + 5 + ring(l), 0);
    case 'MultiPolygon': return 5 + 4 + g.coordinates.reduce((s, p) => s + 9 + p.reduce((t, r) => t + ring(r), 0), 0);
    case 'GeometryCollection': return 5 + 4 + g.geometries.reduce((s, x) => s + byteLength(x), 0);
  }
}

export function writeWkb(g: Geometry): Uint8Array {
  const bytes = new Uint8Array(byteLength(g));
  const dv = new DataView(bytes.buffer);
  let pos = 0;
  const u32 = (v: number) => {
    dv.setUint32(pos, v, true);
    pos += 4;
  };
  const head = (type: number) => {
    dv.setUint8(pos, 1);
    pos += 1;
    u32(type);
  };
  // An empty point is NaN, NaN (the GeoPackage convention, read back as an empty point).
  const xy = (p: Position | undefined) => {
    dv.setFloat64(pos, p?.[0] ?? NaN, true);
    dv.setFloat64(pos + 8, p?.[1] ?? NaN, true);
    pos += 16;
  };
  const ring = (r: readonly Position[]) => {
    u32(r.length);
    r.forEach(xy);
  };
  const put = (x: Geometry) => {
    head(TYPE_CODE[x.type]);
    switch (x.type) {
      case 'Point': return xy(x.coordinates.length ? x.coordinates : undefined);
      case 'LineString': return ring(x.coordinates);
      case 'Polygon':
        u32(x.coordinates.length);
        return x.coordinates.forEach(ring);
      case 'MultiPoint':
        u32(x.coordinates.length);
        return x.coordinates.forEach((p) => put({ type: 'Point', coordinates: p }));
      case 'MultiLineString':
        u32(x.coordinates.length);
        return x.coordinates.forEach((l) => put({ type: 'LineString', coordinates: l }));
      case 'MultiPolygon':
        u32(x.coordinates.length);
        return x.coordinates.forEach((p) => put({ type: 'Polygon', coordinates: p }));
      case 'GeometryCollection':
        u32(x.geometries.length);
        return x.geometries.forEach(put);
    }
  };
  put(g);
  return bytes;
}

/** [minX, minY, maxX, maxY] of every coordinate, or null when there is none. */
export function geometryBounds(g: Geometry): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  const add = (p: Position) => {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return;
    if (!b) b = [p[0], p[1], p[0], p[1]];
    else {
      if (p[0] < b[0]) b[0] = p[0];
      if (p[1] < b[1]) b[1] = p[1];
      if (p[0] > b[2]) b[2] = p[0];
      if (p[1] > b[3]) b[3] = p[1];
    }
  };
  const walk = (x: Geometry) => {
    switch (x.type) {
      case 'Point': if (x.coordinates.length) add(x.coordinates); return;
      case 'LineString': case 'MultiPoint': return x.coordinates.forEach(add);
      case 'Polygon': case 'MultiLineString': return x.coordinates.forEach((r) => r.forEach(add));
      case 'MultiPolygon': return x.coordinates.forEach((p) => p.forEach((r) => r.forEach(add)));
      case 'GeometryCollection': return x.geometries.forEach(walk);
    }
  };
  walk(g);
  return b;
}
