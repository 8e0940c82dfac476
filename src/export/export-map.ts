/**
 * One map page as a PDF or a PNG at the page's dpi: the live map's view (widened to the frame's shape) drawn offscreen at the frame's
 * pixel size, then composed with title, legend, scale bar, north arrow, inset and footer.
 */
import type { TFunction } from 'i18next';
import { metersPerPixel, pageLayout, scaleBar, type PageLayout } from '../core/print';
import { framedExtent } from '../core/print';
import type { AppState } from '../state';
import type { FontFile } from '../map/basemap/style';
import { composeMapPage, fitLegend, type BBox, type MapPageContent } from './compose-map-page';
import { insetOf, studyArea } from './inset';
import type { ExportOptions, ExportResult } from './options';
import { exportDate, pdfName } from './options';
import { footerText, legendLabel, printLegendRows } from './page-text';
import { createCanvasSurface } from './canvas-surface';
import { createPdfSurface, type FaceLoader } from './pdf-surface';
import { createPrintMap, type PrintMap } from './map-image';
import type { PageImage } from './surface';

export interface ExportEnv {
  readonly t: TFunction;
  readonly fontFiles: readonly FontFile[];
  readonly baseUrl: string;
  readonly loadFace: FaceLoader;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export async function canvasJpeg(canvas: HTMLCanvasElement): Promise<PageImage> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
  if (!blob) throw new Error('export.encode-failed');
  return { jpeg: new Uint8Array(await blob.arrayBuffer()), widthPx: canvas.width, heightPx: canvas.height, source: canvas };
}

/** The page's map picture (a canvas, for the caller to draw on and encode) and its scale bar; refusals as codes. */
export async function drawPageMap(pm: PrintMap, L: PageLayout, extent: BBox, env: ExportEnv) {
  const drawn = await pm.draw(extent);
  const mpp = metersPerPixel(drawn.centerLat, drawn.zoom) / pm.ratio;
  const bar = scaleBar(mpp, L.scaleBar.px.width - Math.round((4 * L.spec.dpi) / 25.4));
  if (!bar.ok) return bar;
  const scaleLabel = env.t('export.page.scale', { value: bar.bar.value, unit: bar.bar.unit });
  return { ok: true as const, canvas: drawn.canvas, project: drawn.project, scale: bar.bar, scaleLabel };
}

export async function exportMapPage(s: AppState, o: ExportOptions, env: ExportEnv): Promise<ExportResult> {
  const L = pageLayout({ paper: o.paper, orientation: o.orientation, dpi: o.dpi });
  const rows = printLegendRows(s, env.t);
  const fit = fitLegend(rows, L.legend.mm).laid;
  if (!fit.ok) return fit;
  const view = s.viewBounds;
  if (!view) return { ok: false, code: 'export.no-view' };
  const extent = framedExtent(view, L.map.mm.width / L.map.mm.height, 0);
  const created = await createPrintMap(s, { width: L.map.px.width, height: L.map.px.height, dpi: o.dpi, fontFiles: env.fontFiles, baseUrl: env.baseUrl });
  if (!created.ok) return created;
  const pm = created.map;
  try {
    env.onProgress?.(0, 1);
    const m = await drawPageMap(pm, L, extent, env);
    if (!m.ok) return m;
    const footer = footerText(s, env.t, o.date);
    const label = legendLabel(env.t);
    const content: MapPageContent = {
      title: o.title,
      subtitle: o.subtitle,
      map: await canvasJpeg(m.canvas),
      legendRows: rows,
      legendLabel: label,
      scale: m.scale,
      scaleLabel: m.scaleLabel,
      north: env.t('export.page.north'),
      inset: insetOf(studyArea(s), extent),
      ...footer,
      pageNumber: env.t('export.page.number', { page: 1, pages: 1 }),
    };
    const texts = [o.title, o.subtitle, content.north, m.scaleLabel, footer.ruleSet, footer.date, footer.sources, footer.attribution, content.pageNumber, ...rows.map(label), '…'];
    if (o.format === 'png') {
      const png = await createCanvasSurface(L.page.widthPx, L.page.heightPx, o.dpi, texts);
      composeMapPage(png, L, content);
      env.onProgress?.(1, 1);
      return { ok: true, bytes: await png.png(), fileName: pdfName(o.title, 'map').replace(/\.pdf$/, '.png'), mime: 'image/png', pages: 1 };
    }
    const pdf = await createPdfSurface({ widthMm: L.page.widthMm, heightMm: L.page.heightMm, texts, loadFace: env.loadFace, date: exportDate(o.date), title: o.title });
    composeMapPage(pdf, L, content);
    env.onProgress?.(1, 1);
    return { ok: true, bytes: pdf.bytes(), fileName: pdfName(o.title, 'map'), mime: 'application/pdf', pages: 1 };
  } finally {
    pm.destroy();
  }
}
