/**
 * GeoPackage writer (OGC 12-128r18, version 1.2): one feature table per layer in EPSG:4326, with the
 * required gpkg_spatial_ref_sys (4326, and the −1 / 0 undefined systems), gpkg_contents (extent, and
 * `last_change` from the caller's date: no clock is read, so the same input and date give the same bytes)
 * and gpkg_geometry_columns; geometries as StandardGeoPackageBinary (little-endian, xy envelope, ISO WKB,
 * 2D). Column types from every feature: integers INTEGER, other numbers REAL, booleans BOOLEAN (0/1),
 * anything mixed or structured TEXT (objects as JSON). The caller passes the sql.js module (geopackage.ts
 * `loadSqlJs` finds its wasm in Node and in a worker).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { SqlValue } from 'sql.js';
import { geometryBounds, writeWkb } from './wkb-write';

type SqlModule = Awaited<ReturnType<typeof import('sql.js')['default']>>;

export interface GpkgLayer {
  /** Table name; anything but letters, digits and `_` becomes `_`. */
  readonly name: string;
  readonly data: FeatureCollection<Geometry | null>;
}

export interface GpkgWriteOptions {
  /** gpkg_contents.last_change, ISO 8601 UTC (`2026-12-03T00:00:00.000Z`). */
  readonly lastChange: string;
}

export const GPKG_APPLICATION_ID = 0x47504b47; // 'GPKG'
export const GPKG_USER_VERSION = 10200;
export const GPKG_FID = 'fid';
export const GPKG_GEOMETRY = 'geom';

const WGS84_WKT = 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
  + 'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,'
  + 'AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

const SCHEMA = `
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, '${WGS84_WKT}', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
`;

const quote = (id: string): string => `"${id.replace(/"/g, '""')}"`;
export const gpkgTableName = (name: string): string => {
  const s = name.replace(/[^A-Za-z0-9_]+/g, '_');
  return /^[A-Za-z]/.test(s) ? s : `t_${s}`;
};

type ColumnType = 'INTEGER' | 'REAL' | 'BOOLEAN' | 'TEXT';
interface Column {
  readonly key: string;
  readonly name: string;
  readonly type: ColumnType;
}

function kindOf(v: unknown): ColumnType {
  if (typeof v === 'boolean') return 'BOOLEAN';
  if (typeof v === 'number') return Number.isSafeInteger(v) ? 'INTEGER' : 'REAL';
  return 'TEXT';
}

function merge(a: ColumnType | undefined, b: ColumnType): ColumnType {
  if (a === undefined || a === b) return b;
  if ((a === 'INTEGER' && b === 'REAL') || (a === 'REAL' && b === 'INTEGER')) return 'REAL';
  return 'TEXT';
}

/** Columns in first-seen order; names unique ignoring case (SQLite's rule) and apart from fid and geom. */
function columnsOf(features: readonly Feature<Geometry | null>[]): Column[] {
  const types = new Map<string, ColumnType | undefined>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const prev = types.get(k);
      types.set(k, v === null || v === undefined ? prev : merge(prev, kindOf(v)));
    }
  }
  const taken = new Set([GPKG_FID, GPKG_GEOMETRY]);
  return [...types].map(([key, type]) => {
    let name = key;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${key}_${n}`;
    taken.add(name.toLowerCase());
    return { key, name, type: type ?? 'TEXT' };
  });
}

function cell(v: unknown, type: ColumnType): SqlValue {
  if (v === null || v === undefined) return null;
  if (type === 'TEXT') return typeof v === 'string' ? v : JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** StandardGeoPackageBinary: 'GP', version 0, flags (little-endian, xy envelope or empty), srs id, envelope, WKB. */
export function gpkgGeometryBlob(g: Geometry, srsId = 4326): Uint8Array {
  const wkb = writeWkb(g);
  const b = geometryBounds(g);
  const head = new Uint8Array(8 + (b ? 32 : 0) + wkb.byteLength);
  const dv = new DataView(head.buffer);
  head.set([0x47, 0x50, 0, b ? 0x03 : 0x11]);
  dv.setInt32(4, srsId, true);
  if (b) [b[0], b[2], b[1], b[3]].forEach((v, i) => dv.setFloat64(8 + 8 * i, v, true));
  head.set(wkb, 8 + (b ? 32 : 0));
  return head;
}

const TYPE_NAME: Readonly<Record<Geometry['type'], string>> = {
  Point: 'POINT', LineString: 'LINESTRING', Polygon: 'POLYGON', MultiPoint: 'MULTIPOINT', MultiLineString: 'MULTILINESTRING',
  MultiPolygon: 'MULTIPOLYGON', GeometryCollection: 'GEOMETRYCOLLECTION',
};

function geometryTypeName(features: readonly Feature<Geometry | null>[]): string {
  const types = new Set(features.flatMap((f) => (f.geometry ? [TYPE_NAME[f.geometry.type]] : [])));
  return types.size === 1 ? [...types][0] : 'GEOMETRY';
}

export function writeGeoPackage(SQL: SqlModule, layers: readonly GpkgLayer[], options: GpkgWriteOptions): Uint8Array {
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA application_id = ${GPKG_APPLICATION_ID}; PRAGMA user_version = ${GPKG_USER_VERSION};`);
    db.run('BEGIN');
    db.run(SCHEMA);
    const used = new Set<string>();
    for (const layer of layers) {
      let table = gpkgTableName(layer.name);
      for (let n = 2; used.has(table.toLowerCase()) || table.toLowerCase().startsWith('gpkg_'); n++) table = `${gpkgTableName(layer.name)}_${n}`;
      used.add(table.toLowerCase());
      writeTable(db, table, layer.data.features, options);
    }
    db.run('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}

function writeTable(db: InstanceType<SqlModule['Database']>, table: string, features: readonly Feature<Geometry | null>[], options: GpkgWriteOptions): void {
  const columns = columnsOf(features);
  const typeName = geometryTypeName(features);
  const defs = [`${GPKG_FID} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL`, `${GPKG_GEOMETRY} ${typeName}`, ...columns.map((c) => `${quote(c.name)} ${c.type}`)];
  db.run(`CREATE TABLE ${quote(table)} (${defs.join(', ')})`);
  let extent: [number, number, number, number] | null = null;
  const stmt = db.prepare(`INSERT INTO ${quote(table)} (${[GPKG_GEOMETRY, ...columns.map((c) => quote(c.name))].join(', ')}) VALUES (${['?', ...columns.map(() => '?')].join(', ')})`);
  try {
    for (const f of features) {
      const b = f.geometry ? geometryBounds(f.geometry) : null;
      if (b) extent = extent ? [Math.min(extent[0], b[0]), Math.min(extent[1], b[1]), Math.max(extent[2], b[2]), Math.max(extent[3], b[3])] : b;
      const props = f.properties ?? {};
      stmt.run([f.geometry ? gpkgGeometryBlob(f.geometry) : null, ...columns.map((c) => cell(props[c.key], c.type))]);
    }
  } finally {
    stmt.free();
  }
  db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [table, 'features', table, '', options.lastChange, ...(extent ?? [null, null, null, null]), 4326]);
  db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, 4326, 0, 0)', [table, GPKG_GEOMETRY, typeName]);
}
