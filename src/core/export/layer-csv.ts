/**
 * A layer as CSV: the geometry as WKT in the first column (`WKT`, the name GDAL and the app's CSV reader
 * both look for), then every attribute any feature has, in first-seen order. Text through the one CSV text
 * writer (csv-cell.ts: quoting, formulas neutralised); numbers as JavaScript prints them (round-trip exact),
 * non-finite ones and nulls empty; objects as JSON text. A feature without geometry has an empty WKT cell.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import wellknown from 'wellknown';
import { csvText } from '../io/csv-cell';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return csvText(typeof v === 'string' ? v : JSON.stringify(v));
}

export function layerToCsv(fc: FeatureCollection<Geometry | null>): string {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of fc.features) {
    for (const k of Object.keys(f.properties ?? {})) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  const lines = [['WKT', ...keys].map(csvText).join(',')];
  for (const f of fc.features) {
    const p = f.properties ?? {};
    lines.push([f.geometry ? csvText(wellknown.stringify(f.geometry)) : '', ...keys.map((k) => cell(p[k]))].join(','));
  }
  return lines.join('\n') + '\n';
}
