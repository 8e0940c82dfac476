/**
 * GeoPackage (SQLite via sql.js): one layer per feature table listed in gpkg_contents, geometry from
 * gpkg_geometry_columns, CRS from gpkg_spatial_ref_sys. sql.js needs its wasm: in Node it reads the
 * file beside its script; in a browser worker the caller passes env.sqlJs.locateFile (the URL Vite
 * emits for `sql.js/dist/sql-wasm-browser.wasm?url`, see workers/io.worker.ts) or wasmBinary.
 */
import type { Database, SqlValue } from 'sql.js';
import type { LoadedLayer } from '../model';
import { offsetHint, planForEpsg, planForText, type CrsPlan } from './crs';
import { applyPlan } from './declared-crs';
import { JobCancelledError } from '../jobs';
import { fail, IO_ERRORS, IoFailure } from './io-error';
import { LayerBuilder } from './layer-builder';
import { mapRawFeature } from './reproject';
import { chunkFor } from './progress';
import { DEFAULT_MAX_FEATURES, type IoEnv } from './read-options';
import type { ReaderContext } from './reader-context';
import { IO_WARNINGS } from './warnings';
import { parseGpkgGeometry } from './wkb';

type SqlModule = Awaited<ReturnType<typeof import('sql.js')['default']>>;

/** sql.js with its wasm (also for the GeoPackage writer). */
export async function loadSqlJs(env: IoEnv): Promise<SqlModule> {
  const initSqlJs = (await import('sql.js')).default;
  const cfg = env.sqlJs ?? {};
  const wasm = cfg.wasmBinary;
  return initSqlJs({
    ...(wasm ? { wasmBinary: wasm instanceof Uint8Array ? (wasm.slice().buffer as ArrayBuffer) : wasm } : {}),
    ...(cfg.locateFile ? { locateFile: cfg.locateFile } : {}),
  });
}

export async function readGeoPackage(bytes: Uint8Array, ctx: ReaderContext): Promise<LoadedLayer[]> {
  const { fileName } = ctx;
  checkComplete(bytes, fileName);
  let SQL: SqlModule;
  try {
    SQL = await loadSqlJs(ctx.env);
  } catch {
    return fail(IO_ERRORS.gpkgWasmUnavailable, { file: fileName });
  }
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    const tables = featureTables(db) ?? fail(IO_ERRORS.gpkgNoFeatures, { file: fileName });
    const layers: LoadedLayer[] = [];
    const skipped: string[] = [];
    for (const t of tables) {
      try {
        layers.push(await readTable(db, t, ctx));
      } catch (e) {
        if (e instanceof Error && e.name !== 'Error' && e.name !== 'RangeError') throw e;
        skipped.push(t.table);
      }
    }
    if (layers.length === 0) fail(IO_ERRORS.gpkgNoFeatures, { file: fileName });
    return skipped.length ? layers.map((l, i) => (i === 0 ? withSkipped(l, skipped) : l)) : layers;
  } catch (e) {
    // SQLite's own errors (not a database, malformed, unsupported file format…) all mean a damaged file.
    if (e instanceof IoFailure || e instanceof JobCancelledError) throw e;
    return fail(IO_ERRORS.corrupt, { file: fileName, format: 'gpkg', detail: String((e as Error)?.message ?? e).slice(0, 120) });
  } finally {
    db?.close();
  }
}

/** SQLite states its page count in the header; fewer bytes than that means the copy is cut short. */
function checkComplete(bytes: Uint8Array, fileName: string): void {
  if (bytes.byteLength < 100) fail(IO_ERRORS.truncated, { file: fileName, format: 'gpkg' });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = dv.getUint16(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = dv.getUint32(28);
  const valid = dv.getUint32(24) === dv.getUint32(92);
  if (valid && pages > 0 && pageSize * pages > bytes.byteLength) fail(IO_ERRORS.truncated, { file: fileName, format: 'gpkg' });
}

interface TableInfo {
  readonly table: string;
  readonly identifier: string;
  readonly column: string;
  readonly srsId: number;
}

function featureTables(db: Database): TableInfo[] | undefined {
  let res;
  try {
    res = db.exec(
      `SELECT c.table_name, COALESCE(c.identifier, c.table_name), g.column_name, g.srs_id FROM gpkg_contents c
       JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features'`,
    );
  } catch (e) {
    if (e instanceof Error && /no such table/i.test(e.message)) return undefined;
    throw e;
  }
  const rows = res[0]?.values ?? [];
  const out = rows.map(([table, identifier, column, srsId]) => ({ table: String(table), identifier: String(identifier), column: String(column), srsId: Number(srsId) }));
  return out.length ? out : undefined;
}

function planFor(db: Database, srsId: number, fileName: string): CrsPlan {
  // -1 and 0 are the spec's "undefined Cartesian / geographic" systems: read as lon/lat.
  if (srsId === 4326 || srsId === -1 || srsId === 0) return { kind: 'wgs84' };
  const stmt = db.prepare('SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?');
  try {
    stmt.bind([srsId]);
    if (!stmt.step()) return planForEpsg(srsId) ?? fail(IO_ERRORS.unknownCrs, { file: fileName, crs: `srs_id ${srsId}` });
    const [org, code, def] = stmt.get();
    const byCode = String(org).toUpperCase() === 'EPSG' ? planForEpsg(Number(code)) : undefined;
    const plan = byCode ?? (typeof def === 'string' && def !== 'undefined' ? planForText(def) : undefined);
    return plan ?? fail(IO_ERRORS.unknownCrs, { file: fileName, crs: `${org}:${code}` });
  } finally {
    stmt.free();
  }
}

async function readTable(db: Database, t: TableInfo, ctx: ReaderContext): Promise<LoadedLayer> {
  const { fileName } = ctx;
  const builder = new LayerBuilder({ fileName, name: t.identifier.slice(0, 200), referenceBbox: ctx.options.referenceBbox, bbox: ctx.options.bbox });
  const plan = planFor(db, t.srsId, fileName);
  const fn = applyPlan(plan, builder.tally);
  const hint = plan.kind === 'wgs84' ? offsetHint(`${fileName} ${t.identifier}`) : undefined;
  if (hint) builder.tally.note(hint === 'gcj02' ? IO_WARNINGS.declaredGcj02 : IO_WARNINGS.declaredBd09, { from: hint, fix: `convert-${hint}` });
  const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;
  const total = Number(db.exec(`SELECT count(*) FROM ${quote(t.table)}`)[0]?.values[0]?.[0] ?? 0);
  const every = chunkFor(total);
  const cap = ctx.options.maxFeatures ?? DEFAULT_MAX_FEATURES;
  const stmt = db.prepare(`SELECT * FROM ${quote(t.table)}`);
  try {
    const columns = stmt.getColumnNames();
    let n = 0;
    while (stmt.step()) {
      if (builder.count >= cap) {
        builder.tally.note(IO_WARNINGS.featureCap, { read: builder.count, total, cap });
        break;
      }
      const values = stmt.get();
      const properties: Record<string, unknown> = {};
      let geometry: unknown = null;
      columns.forEach((c, i) => {
        if (c === t.column) geometry = blobGeometry(values[i]);
        else Object.defineProperty(properties, c, { value: cellValue(values[i]), enumerable: true, writable: true, configurable: true });
      });
      const raw = { type: 'Feature', geometry, properties };
      builder.add(fn ? mapRawFeature(raw, fn) : raw);
      n++;
      await ctx.pacer.step(n, total ? n / total : undefined, every);
    }
  } finally {
    stmt.free();
  }
  return builder.finish();
}

function blobGeometry(v: SqlValue): unknown {
  if (!(v instanceof Uint8Array)) return null;
  try {
    return parseGpkgGeometry(v);
  } catch {
    return null;
  }
}

/** Blobs other than the geometry are not attributes anyone can read: keep their size only. */
const cellValue = (v: SqlValue): unknown => (v instanceof Uint8Array ? `[${v.byteLength} bytes]` : v);

function withSkipped(l: LoadedLayer, tables: string[]): LoadedLayer {
  return { ...l, warnings: [...l.warnings, { code: IO_WARNINGS.gpkgTableSkipped, count: tables.length, params: { table: tables.join(', ') } }] };
}
