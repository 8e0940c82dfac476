/**
 * The GeoPackage writer: read back by the app's own loader with the same features and attributes, the
 * required tables as the standard defines them (read with plain SQL, not through the reader), the
 * StandardGeoPackageBinary header by hand, and the same bytes twice. Rings follow RFC 7946 (the loader
 * rewinds others).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../src/core/io/geopackage';
import { gpkgGeometryBlob, writeGeoPackage } from '../../../src/core/io/gpkg-write';
import { readLayer } from '../../../src/core/io/read-layer';

type Sql = Awaited<ReturnType<typeof loadSqlJs>>;
let SQL: Sql;
beforeAll(async () => {
  SQL = await loadSqlJs({});
});

const f = (geometry: Geometry | null, properties: Record<string, unknown>): Feature<Geometry | null> => ({ type: 'Feature', geometry, properties });
const homes: FeatureCollection<Geometry | null> = {
  type: 'FeatureCollection',
  features: [
    f({ type: 'Point', coordinates: [114.0553, 22.5431] }, { id: 'h1', name: '福田 1 号', children: 3, share: 0.25, estimated: true }),
    f({ type: 'Point', coordinates: [114.0601, 22.5402] }, { id: 'h2', name: '=HYPERLINK("x")', children: 0, share: 1, estimated: false }),
  ],
};
const units: FeatureCollection<Geometry | null> = {
  type: 'FeatureCollection',
  features: [
    f({ type: 'MultiPolygon', coordinates: [[[[114, 22.5], [114.1, 22.5], [114.1, 22.6], [114, 22.5]], [[114.05, 22.52], [114.05, 22.53], [114.06, 22.53], [114.05, 22.52]]]] }, { code: '440304', tags: { a: [1, 2] } }),
    f({ type: 'LineString', coordinates: [[114.2, 22.4], [114.3, 22.45]] }, { code: '440305', tags: null }),
  ],
};
const layers = [{ name: 'homes', data: homes }, { name: 'units street', data: units }];
const options = { lastChange: '2026-12-03T00:00:00.000Z' };

describe('GeoPackage writer', () => {
  it('reads back through readLayer with the same geometries and attributes (booleans as 0/1, objects as JSON, fid added)', async () => {
    const bytes = writeGeoPackage(SQL, layers, options);
    const r = await readLayer({ fileName: 'out.gpkg', bytes }, {});
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.map((l) => l.name)).toEqual(['homes', 'units_street']);
    const [h, u] = r.value;
    expect(h.data.features.map((x) => x.geometry)).toEqual(homes.features.map((x) => x.geometry));
    expect(h.data.features.map((x) => x.properties)).toEqual([
      { fid: 1, id: 'h1', name: '福田 1 号', children: 3, share: 0.25, estimated: 1 },
      { fid: 2, id: 'h2', name: '=HYPERLINK("x")', children: 0, share: 1, estimated: 0 },
    ]);
    expect(u.data.features.map((x) => x.geometry)).toEqual(units.features.map((x) => x.geometry));
    expect(u.data.features.map((x) => x.properties)).toEqual([{ fid: 1, code: '440304', tags: '{"a":[1,2]}' }, { fid: 2, code: '440305', tags: null }]);
  });

  it('has the tables the standard requires, with the run date and the extents', () => {
    const db = new SQL.Database(writeGeoPackage(SQL, layers, options));
    try {
      const q = (sql: string) => db.exec(sql)[0]?.values;
      expect(q('PRAGMA application_id')).toEqual([[0x47504b47]]);
      expect(q('PRAGMA user_version')).toEqual([[10200]]);
      expect(q('SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys ORDER BY srs_id')).toEqual([[-1, 'NONE', -1], [0, 'NONE', 0], [4326, 'EPSG', 4326]]);
      expect(q('SELECT table_name, data_type, last_change, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents ORDER BY table_name')).toEqual([
        ['homes', 'features', '2026-12-03T00:00:00.000Z', 114.0553, 22.5402, 114.0601, 22.5431, 4326],
        ['units_street', 'features', '2026-12-03T00:00:00.000Z', 114, 22.4, 114.3, 22.6, 4326],
      ]);
      expect(q('SELECT table_name, column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns ORDER BY table_name')).toEqual([
        ['homes', 'geom', 'POINT', 4326, 0, 0], ['units_street', 'geom', 'GEOMETRY', 4326, 0, 0],
      ]);
      expect(q("SELECT name, type FROM pragma_table_info('homes')")).toEqual([
        ['fid', 'INTEGER'], ['geom', 'POINT'], ['id', 'TEXT'], ['name', 'TEXT'], ['children', 'INTEGER'], ['share', 'REAL'], ['estimated', 'BOOLEAN'],
      ]);
      expect(q('PRAGMA integrity_check')).toEqual([['ok']]);
    } finally {
      db.close();
    }
  });

  it('writes StandardGeoPackageBinary: GP, version 0, flags 0x03, srs 4326, envelope minx maxx miny maxy, then ISO WKB', () => {
    const blob = gpkgGeometryBlob({ type: 'LineString', coordinates: [[1, 2], [3, -4]] });
    const dv = new DataView(blob.buffer);
    expect([...blob.subarray(0, 4)]).toEqual([0x47, 0x50, 0, 0x03]);
    expect(dv.getInt32(4, true)).toBe(4326);
    expect([0, 1, 2, 3].map((i) => dv.getFloat64(8 + 8 * i, true))).toEqual([1, 3, -4, 2]);
    // WKB: byte order 1, type 2, 2 points.
    expect([blob[40], dv.getUint32(41, true), dv.getUint32(45, true)]).toEqual([1, 2, 2]);
    expect([dv.getFloat64(49, true), dv.getFloat64(57, true), dv.getFloat64(65, true), dv.getFloat64(73, true)]).toEqual([1, 2, 3, -4]);
    expect(blob.byteLength).toBe(8 + 32 + 9 + 32);
  });

  it('is deterministic: same input and date, same bytes; another date, other bytes', () => {
    const a = writeGeoPackage(SQL, layers, options);
    const b = writeGeoPackage(SQL, layers, options);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = writeGeoPackage(SQL, layers, { lastChange: '2026-12-04T00:00:00.000Z' });
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });
});
