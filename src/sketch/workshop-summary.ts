/**
 * A workshop's summary (issue 9 item 5): wishes and dangers (and the other marks children place) counted
 * by age band and kind, as a table and as CSV/GeoJSON files. Nothing that could identify a child leaves
 * here: no feature id, group, note, emoji or timestamp, and no drawn route (a way to school leads to a
 * home); only kind, sticker, age band, a count, and for GeoJSON each mark's point rounded to 1e-5°
 * (about a metre). Pure: no DOM.
 */
import { csvText } from '../core/io/csv-cell';
import { SKETCH_AGE_BANDS, type SketchAgeBand, type SketchFeature, type SketchKind } from '../core/sketch';
import { featurePoint } from './feature-point';
import { STICKERS } from './stickers';

/** The kinds a summary counts: children's marks; routes and the designer's proposals are not in it. */
export const SUMMARY_KINDS = ['wish', 'danger', 'favourite', 'barrier'] as const satisfies readonly SketchKind[];
export type SummaryKind = (typeof SUMMARY_KINDS)[number];
/** `unknown` when a mark was placed without an age band. */
export type SummaryBand = SketchAgeBand | 'unknown';
export const SUMMARY_BANDS: readonly SummaryBand[] = [...SKETCH_AGE_BANDS, 'unknown'];

export interface SummaryRow {
  readonly kind: SummaryKind;
  /** The sticker (playground, crossing, …), or the kind itself when the mark has none of a sticker. */
  readonly sticker: string;
  readonly counts: Readonly<Record<SummaryBand, number>>;
  readonly total: number;
}

const isSummaryKind = (k: SketchKind): k is SummaryKind => (SUMMARY_KINDS as readonly string[]).includes(k);

export function stickerOf(f: SketchFeature): string {
  const s = STICKERS.find((st) => st.emoji === f.properties.emoji && st.kind === f.properties.kind);
  return s?.id ?? f.properties.kind;
}

const pointOf = (f: SketchFeature): [number, number] => {
  const r = (x: number) => Math.round(x * 1e5) / 1e5;
  const [lng, lat] = featurePoint(f);
  return [r(lng), r(lat)];
};

/** Rows by kind (in SUMMARY_KINDS order), then sticker (in the sticker bar's order). */
export function workshopSummary(features: readonly SketchFeature[]): SummaryRow[] {
  const rows = new Map<string, { kind: SummaryKind; sticker: string; counts: Record<SummaryBand, number> }>();
  for (const f of features) {
    if (!isSummaryKind(f.properties.kind)) continue;
    const sticker = stickerOf(f);
    const key = `${f.properties.kind}/${sticker}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { kind: f.properties.kind, sticker, counts: Object.fromEntries(SUMMARY_BANDS.map((b) => [b, 0])) as Record<SummaryBand, number> }));
    row.counts[f.properties.age_band ?? 'unknown']++;
  }
  const order = (r: { kind: SummaryKind; sticker: string }) => {
    const s = STICKERS.findIndex((st) => st.id === r.sticker);
    return SUMMARY_KINDS.indexOf(r.kind) * 100 + (s < 0 ? 99 : s);
  };
  return [...rows.values()].sort((a, b) => order(a) - order(b))
    .map((r) => ({ ...r, total: SUMMARY_BANDS.reduce((a, b) => a + r.counts[b], 0) }));
}

/** One line per kind, sticker and age band with marks; header `workshop,kind,sticker,age_band,count`. */
export function summaryCsv(room: string, features: readonly SketchFeature[]): string {
  const lines = ['workshop,kind,sticker,age_band,count'];
  for (const r of workshopSummary(features)) {
    for (const b of SUMMARY_BANDS) if (r.counts[b]) lines.push([room, r.kind, r.sticker, b, String(r.counts[b])].map(csvText).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The marks as points with only kind, sticker and age band; sorted by kind, sticker, band and position. */
export function summaryGeoJson(room: string, features: readonly SketchFeature[]): string {
  const out = features.filter((f) => isSummaryKind(f.properties.kind)).map((f) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: pointOf(f) },
    properties: { workshop: room, kind: f.properties.kind, sticker: stickerOf(f), age_band: f.properties.age_band ?? 'unknown' },
  }));
  const k = (x: (typeof out)[number]) => `${x.properties.kind}|${x.properties.sticker}|${x.properties.age_band}|${x.geometry.coordinates.join(',')}`;
  out.sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
  return JSON.stringify({ type: 'FeatureCollection', features: out });
}
