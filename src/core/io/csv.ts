/**
 * CSV with longitude/latitude columns (lon/lng/longitude/x, lat/latitude/y, 经度/纬度 …) or a WKT
 * column. Numeric cells become numbers; codes with leading zeros stay text.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- these declarations must reach every tsconfig that includes this file
/// <reference path="./vendor-modules.d.ts" />
import Papa from 'papaparse';
import wellknown from 'wellknown';
import type { LoadedLayer } from '../model';
import { offsetHint } from './crs';
import { decodeText } from './text';
import { fail, IO_ERRORS } from './io-error';
import { LayerBuilder } from './layer-builder';
import { chunkFor } from './progress';
import { DEFAULT_MAX_FEATURES } from './read-options';
import type { ReaderContext } from './reader-context';
import { IO_WARNINGS } from './warnings';

const LON = /^(lon|lng|long|longitude|x|经度|东经|point_?x|x_?coord|xcoord)([_ ]?(wgs_?84|gcj_?02|bd_?09|deg|degrees?))?$|^(wgs_?84|gcj_?02|bd_?09|gps)_?(lon|lng|longitude|x)$/;
const LAT = /^(lat|latitude|y|纬度|北纬|point_?y|y_?coord|ycoord)([_ ]?(wgs_?84|gcj_?02|bd_?09|deg|degrees?))?$|^(wgs_?84|gcj_?02|bd_?09|gps)_?(lat|latitude|y)$/;
const WKT_NAMES = /^(wkt|wkt_geom|geometry|geom|the_geom|shape|geometry_wkt)$/;
const WKT_VALUE = /^\s*(SRID=\d+;\s*)?(MULTI)?(POINT|LINESTRING|POLYGON)\b|^\s*GEOMETRYCOLLECTION\b/i;
/** A coordinate: a plain decimal. Number() also takes '0x1A', '0b11', 'Infinity' and '', which are no degrees. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Integers without leading zeros and plain decimals; '007' and '1e999' stay text. */
const NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?([eE][+-]?\d{1,3})?$/;

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');

export async function readCsv(bytes: Uint8Array, ctx: ReaderContext): Promise<LoadedLayer[]> {
  const { fileName } = ctx;
  const text = decodeText(bytes);
  ctx.pacer.report('progress.io.parse');
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy', dynamicTyping: false });
  const rows = parsed.data.filter((r) => Array.isArray(r));
  if (rows.length === 0) fail(IO_ERRORS.empty, { file: fileName });
  // A quote that never closes swallows every later row into one cell: say where, or the rows vanish unseen.
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  const headers = uniqueHeaders(rows[0]);
  const keys = headers.map(norm);
  const lonIdx = keys.findIndex((k) => LON.test(k));
  const latIdx = keys.findIndex((k) => LAT.test(k));
  const wktIdx = lonIdx >= 0 && latIdx >= 0 ? -1 : findWkt(keys, rows);
  if ((lonIdx < 0 || latIdx < 0) && wktIdx < 0) fail(IO_ERRORS.csvNoCoordinates, { file: fileName, columns: headers.slice(0, 20).join(', ') });

  const builder = new LayerBuilder({ fileName, referenceBbox: ctx.options.referenceBbox, bbox: ctx.options.bbox });
  if (unclosed) builder.tally.note(IO_WARNINGS.csvUnclosedQuote, { line: typeof unclosed.row === 'number' ? unclosed.row + 1 : 0 });
  const hint = offsetHint(`${fileName} ${headers.join(' ')}`);
  if (hint) builder.tally.note(hint === 'gcj02' ? IO_WARNINGS.declaredGcj02 : IO_WARNINGS.declaredBd09, { from: hint, fix: `convert-${hint}` });
  const cap = ctx.options.maxFeatures ?? DEFAULT_MAX_FEATURES;
  const geomCols = new Set([lonIdx, latIdx, wktIdx]);
  const every = chunkFor(rows.length);
  let bad = 0;
  for (let r = 1; r < rows.length; r++) {
    if (builder.count >= cap) {
      builder.tally.note(IO_WARNINGS.featureCap, { read: builder.count, total: rows.length - 1, cap });
      break;
    }
    const row = rows[r];
    const geometry = wktIdx >= 0 ? parseWkt(row[wktIdx]) : point(row[lonIdx], row[latIdx]);
    if (!geometry) bad++;
    else {
      const properties: Record<string, unknown> = {};
      headers.forEach((h, i) => {
        if (!geomCols.has(i)) Object.defineProperty(properties, h, { value: cell(row[i]), enumerable: true, writable: true, configurable: true });
      });
      builder.add({ type: 'Feature', geometry, properties });
    }
    await ctx.pacer.step(r, r / rows.length, every);
  }
  if (bad > 0) builder.tally.add(IO_WARNINGS.csvBadRows, undefined, bad);
  return [builder.finish()];
}

function uniqueHeaders(row: string[]): string[] {
  const seen = new Map<string, number>();
  return row.map((h, i) => {
    const base = String(h ?? '').trim() || `column_${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

function findWkt(keys: string[], rows: string[][]): number {
  const byName = keys.findIndex((k) => WKT_NAMES.test(k));
  if (byName >= 0) return byName;
  const first = rows[1] ?? [];
  return first.findIndex((v) => typeof v === 'string' && WKT_VALUE.test(v));
}

function cell(v: string | undefined): string | number | null {
  if (v === undefined) return null;
  const t = v.trim();
  if (t === '') return null;
  // '1e999' matches NUMBER but is no number (Infinity): it stays text, as the comment on NUMBER says.
  return NUMBER.test(t) && Number.isFinite(Number(t)) ? Number(t) : v;
}

function num(v: string | undefined): number {
  const t = (v ?? '').trim();
  return DECIMAL.test(t) ? Number(t) : NaN;
}

function point(lon: string | undefined, lat: string | undefined) {
  const x = num(lon);
  const y = num(lat);
  return Number.isFinite(x) && Number.isFinite(y) ? { type: 'Point' as const, coordinates: [x, y] } : null;
}

function parseWkt(v: string | undefined) {
  if (!v || !WKT_VALUE.test(v)) return null;
  try {
    return wellknown.parse(v.replace(/^\s*SRID=\d+;\s*/i, ''));
  } catch {
    return null;
  }
}
