/**
 * One map page drawn on a surface from core/print's layout: title and subtitle, the map picture, its scale
 * bar and north arrow, the legend (core's rows and columns), the inset locator, and the footer (rule set,
 * date, sources, OpenStreetMap attribution, page number). All text arrives translated.
 */
import { layoutLegend, type LegendRow, type PageLayout, type RectMm, type ScaleBar } from '../core/print';
import type { PageImage, PageSurface, Rgb } from './surface';
import { PT_MM } from './surface';
import { fitText } from './table';

export type BBox = readonly [number, number, number, number];

export interface InsetContent {
  /** Outlines of the whole study area (e.g. the top level's units), lon/lat rings. */
  readonly rings: readonly (readonly (readonly [number, number])[])[];
  /** The study area's box and the page map's box. */
  readonly area: BBox;
  readonly extent: BBox;
}

export interface MapPageContent {
  readonly title: string;
  readonly subtitle: string;
  readonly map: PageImage;
  readonly legendRows: readonly LegendRow[];
  /** A legend row's label, translated. */
  readonly legendLabel: (row: LegendRow) => string;
  readonly scale: ScaleBar;
  readonly scaleLabel: string;
  readonly north: string;
  readonly inset: InsetContent | null;
  readonly ruleSet: string;
  readonly date: string;
  readonly sources: string;
  readonly attribution: string;
  readonly pageNumber: string;
  /** Drawn in the layout's panel frame (an atlas page's own figures and gaps). */
  readonly panel?: (s: PageSurface, frame: RectMm) => void;
}

const INK: Rgb = [20, 20, 20];
const GREY: Rgb = [110, 110, 110];
const FRAME: Rgb = [60, 60, 60];
export const LEGEND_ROW_MM = 4;
/** Column widths tried, widest first: a narrow landscape side column still holds a long legend in two. */
export const LEGEND_COLUMNS_MM = [45, 34] as const;

/** The legend laid out at the widest column width that fits its frame; the narrowest's refusal otherwise. */
export function fitLegend(rows: readonly LegendRow[], frame: { width: number; height: number }) {
  let laid = layoutLegend(rows, frame, LEGEND_ROW_MM, LEGEND_COLUMNS_MM[0]);
  for (const col of LEGEND_COLUMNS_MM) {
    laid = layoutLegend(rows, frame, LEGEND_ROW_MM, col);
    if (laid.ok) return { laid, columnMm: col };
  }
  return { laid, columnMm: LEGEND_COLUMNS_MM[LEGEND_COLUMNS_MM.length - 1] };
}

const mercX = (lon: number) => (lon * Math.PI) / 180;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Lon/lat → millimetres in `r`, the box `b` fitted and centred (Web Mercator, like the map). */
export function fitProjection(b: BBox, r: RectMm, pad = 2): (p: readonly [number, number]) => [number, number] {
  const [x0, x1, y0, y1] = [mercX(b[0]), mercX(b[2]), mercY(b[1]), mercY(b[3])];
  const k = Math.min((r.width - 2 * pad) / Math.max(x1 - x0, 1e-12), (r.height - 2 * pad) / Math.max(y1 - y0, 1e-12));
  const ox = r.x + (r.width - k * (x1 - x0)) / 2;
  const oy = r.y + (r.height - k * (y1 - y0)) / 2;
  return ([lon, lat]) => [ox + k * (mercX(lon) - x0), oy + k * (y1 - mercY(lat))];
}

function baseline(r: RectMm, size: number): number {
  return r.y + r.height / 2 + size * PT_MM * 0.35;
}

function drawScaleBar(s: PageSurface, L: PageLayout, c: MapPageContent): void {
  const r = L.scaleBar.mm;
  const len = (c.scale.lengthPx * 25.4) / L.spec.dpi;
  s.rect(r.x, r.y, Math.max(len, s.textWidth(c.scaleLabel, 7)) + 4, r.height, { fill: [255, 255, 255], fillOpacity: 0.85 });
  const y = r.y + r.height - 3;
  const half = len / 2;
  s.rect(r.x + 2, y, half, 1.2, { fill: INK, stroke: INK, lineWidth: 0.15 });
  s.rect(r.x + 2 + half, y, len - half, 1.2, { fill: [255, 255, 255], stroke: INK, lineWidth: 0.15 });
  s.text(c.scaleLabel, r.x + 2, y - 1.5, { size: 7, color: INK });
}

function drawNorthArrow(s: PageSurface, L: PageLayout, c: MapPageContent): void {
  const r = L.northArrow.mm;
  const cx = r.x + r.width / 2;
  s.rect(r.x, r.y, r.width, r.height, { fill: [255, 255, 255], fillOpacity: 0.85 });
  const top = r.y + 6;
  const bottom = r.y + r.height - 1.5;
  s.path([[[cx, top], [cx + 3, bottom], [cx, bottom - 2.5]]], { fill: INK, stroke: INK, lineWidth: 0.15 });
  s.path([[[cx, top], [cx - 3, bottom], [cx, bottom - 2.5]]], { fill: [255, 255, 255], stroke: INK, lineWidth: 0.15 });
  s.text(c.north, cx, r.y + 4.5, { size: 8, color: INK, align: 'center' });
}

function drawLegend(s: PageSurface, L: PageLayout, c: MapPageContent): void {
  const r = L.legend.mm;
  const { laid, columnMm } = fitLegend(c.legendRows, r);
  // The caller checked the legend fits (composeChecks); an overflow here draws nothing rather than cut rows.
  if (!laid.ok) return;
  for (const p of laid.placements) {
    const x = r.x + p.x;
    const y = r.y + p.y;
    const full = c.legendLabel(p.row);
    const label = fitText(s, full, columnMm - (p.row.kind === 'layer' ? 1 : 10), p.row.kind === 'layer' ? 7.5 : 6.5);
    if (p.row.kind === 'layer') {
      s.text(label, x, y + 3.2, { size: 7.5, color: INK });
      continue;
    }
    const col = p.row.entry.color;
    if (p.row.entry.shape === 'line') s.rect(x + 1, y + 1.8, 6, 0.8, { fill: col });
    else if (p.row.entry.shape === 'dot') s.path([circle(x + 4, y + 2.2, 1.3)], { fill: col, stroke: FRAME, lineWidth: 0.1 });
    else s.rect(x + 1, y + 0.8, 6, 2.8, { fill: col, stroke: FRAME, lineWidth: 0.1 });
    s.text(label, x + 9, y + 3.2, { size: 6.5, color: INK });
  }
}

const circle = (cx: number, cy: number, rad: number): [number, number][] =>
  Array.from({ length: 16 }, (_, i) => [cx + rad * Math.cos((i * Math.PI) / 8), cy + rad * Math.sin((i * Math.PI) / 8)] as [number, number]);

function drawInset(s: PageSurface, L: PageLayout, inset: InsetContent): void {
  const r = L.inset.mm;
  s.rect(r.x, r.y, r.width, r.height, { fill: [248, 248, 246], stroke: FRAME, lineWidth: 0.2 });
  const p = fitProjection(inset.area, r, 2);
  s.clip(r.x, r.y, r.width, r.height);
  if (inset.rings.length) s.path(inset.rings.map((ring) => ring.map(p)), { stroke: GREY, lineWidth: 0.15, fill: [232, 232, 228] });
  const [w, south, e, n] = inset.extent;
  const a = p([w, n]);
  const b = p([e, south]);
  s.rect(a[0], a[1], Math.max(b[0] - a[0], 0.8), Math.max(b[1] - a[1], 0.8), { stroke: [200, 30, 30], lineWidth: 0.4 });
  s.unclip();
}

export function composeMapPage(s: PageSurface, L: PageLayout, c: MapPageContent): void {
  s.text(c.title, L.title.mm.x, baseline(L.title.mm, 16), { size: 16, color: INK });
  s.text(c.subtitle, L.subtitle.mm.x, baseline(L.subtitle.mm, 10), { size: 10, color: GREY });
  const m = L.map.mm;
  s.image(c.map, m.x, m.y, m.width, m.height);
  s.rect(m.x, m.y, m.width, m.height, { stroke: FRAME, lineWidth: 0.25 });
  drawScaleBar(s, L, c);
  drawNorthArrow(s, L, c);
  drawLegend(s, L, c);
  if (c.panel && L.panel) c.panel(s, L.panel.mm);
  if (c.inset) drawInset(s, L, c.inset);
  const small = { size: 7, color: GREY };
  s.text(c.ruleSet, L.ruleSet.mm.x, baseline(L.ruleSet.mm, 7), small);
  s.text(c.date, L.date.mm.x, baseline(L.date.mm, 7), small);
  s.text(c.sources, L.sources.mm.x, baseline(L.sources.mm, 7), small);
  s.text(c.attribution, L.attribution.mm.x, baseline(L.attribution.mm, 7), small);
  const pn = L.pageNumber.mm;
  s.text(c.pageNumber, pn.x + pn.width, baseline(pn, 8), { size: 8, color: INK, align: 'right' });
}
