/**
 * Well-Known Binary → GeoJSON geometry (ISO and EWKB flavours, 2D/Z/M/ZM; M is dropped). Every count is
 * checked against the bytes left, so a hostile blob fails fast instead of allocating or looping.
 */
import type { Geometry, Position } from 'geojson';

const MAX_DEPTH = 8;

export function parseWkb(bytes: Uint8Array): Geometry {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  const need = (n: number) => {
    if (pos + n > bytes.byteLength) throw new RangeError('wkb: cut short');
  };

  const read = (depth: number): Geometry => {
    if (depth > MAX_DEPTH) throw new RangeError('wkb: nested too deep');
    need(5);
    const le = dv.getUint8(pos) === 1;
    pos += 1;
    const u32 = () => {
      need(4);
      const v = dv.getUint32(pos, le);
      pos += 4;
      return v;
    };
    const f64 = () => {
      const v = dv.getFloat64(pos, le);
      pos += 8;
      return v;
    };
    const raw = u32();
    let hasZ = (raw & 0x80000000) !== 0;
    let hasM = (raw & 0x40000000) !== 0;
    if (raw & 0x20000000) u32(); // EWKB SRID
    let type = raw & 0x0fffffff;
    if (type >= 1000) {
      const dims = Math.floor(type / 1000);
      hasZ ||= dims === 1 || dims === 3;
      hasM ||= dims === 2 || dims === 3;
      type %= 1000;
    }
    const dim = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    const count = (itemBytes: number) => {
      const n = u32();
      if (n * itemBytes > bytes.byteLength - pos) throw new RangeError('wkb: count beyond data');
      return n;
    };
    const point = (): Position => {
      need(dim * 8);
      const x = f64();
      const y = f64();
      const z = hasZ ? f64() : undefined;
      if (hasM) f64();
      return z === undefined ? [x, y] : [x, y, z];
    };
    const points = () => Array.from({ length: count(dim * 8) }, point);
    const rings = () => Array.from({ length: count(4) }, points);
    const parts = <T extends Geometry>(want: string) =>
      Array.from({ length: count(9) }, () => {
        const g = read(depth + 1);
        if (g.type !== want) throw new RangeError('wkb: wrong part type');
        return g as T;
      });

    switch (type) {
      case 1: {
        const p = point();
        // An empty point is written as NaN coordinates.
        return { type: 'Point', coordinates: p };
      }
      case 2:
        return { type: 'LineString', coordinates: points() };
      case 3:
        return { type: 'Polygon', coordinates: rings() };
      case 4:
        return { type: 'MultiPoint', coordinates: parts<GeoJSON.Point>('Point').map((g) => g.coordinates) };
      case 5:
        return { type: 'MultiLineString', coordinates: parts<GeoJSON.LineString>('LineString').map((g) => g.coordinates) };
      case 6:
        return { type: 'MultiPolygon', coordinates: parts<GeoJSON.Polygon>('Polygon').map((g) => g.coordinates) };
      case 7:
        return { type: 'GeometryCollection', geometries: Array.from({ length: count(9) }, () => read(depth + 1)) };
      default:
        throw new RangeError(`wkb: unsupported type ${type}`);
    }
  };
  return read(0);
}

const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** GeoPackage binary geometry: "GP", version, flags, srs_id, optional envelope, then WKB. Null when empty. */
export function parseGpkgGeometry(blob: Uint8Array): Geometry | null {
  if (blob.byteLength < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new RangeError('gpkg: not a GeoPackage geometry');
  const flags = blob[3];
  if (flags & 0x20) throw new RangeError('gpkg: extended geometry type');
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0x07];
  if (envelope === undefined) throw new RangeError('gpkg: bad envelope code');
  if (flags & 0x10) return null;
  return parseWkb(blob.subarray(8 + envelope));
}
