/**
 * The atlas: one map page per unit of the chosen level that passes the filter, in core/print's order, each
 * framed on its unit with everything around it greyed, with the legend of the visible layers and classes (as
 * on the single map page) and the unit's figures and gaps in the layout's panel under the map.
 * One PDF, or a zip of `{code}_{name}.pdf` files. Progress per page; Cancel is heard at once, also in the
 * middle of a page (every wait of a page races the signal: unlessAborted), and the print map is torn down.
 */
import { zipSync } from 'fflate';
import { unixZipEntry } from '../core/export/zip-entry';
import { pageLayout, planAtlas, type AtlasPage, type RectMm } from '../core/print';
import type { AppState } from '../state';
import { atlasSource, unitFigures, type AtlasSource } from './atlas-units';
import { composeMapPage, fitLegend, type MapPageContent } from './compose-map-page';
import { canvasJpeg, drawPageMap, type ExportEnv } from './export-map';
import { insetOf, studyArea } from './inset';
import { createPrintMap, type PrintMap } from './map-image';
import type { ExportOptions, ExportResult } from './options';
import { exportDate, pdfName, unlessAborted } from './options';
import { footerText, legendLabel, printLegendRows } from './page-text';
import { createPdfSurface, type PdfSurface } from './pdf-surface';
import type { PageSurface } from './surface';
import { fitText } from './table';

/** Greys everything but the unit (even-odd: the canvas minus its rings) and outlines it. */
function greyAround(canvas: HTMLCanvasElement, rings: readonly (readonly (readonly [number, number])[])[], project: (p: readonly [number, number]) => [number, number], ratio: number): void {
  const ctx = canvas.getContext('2d')!;
  const path = new Path2D();
  for (const ring of rings) {
    ring.forEach((p, i) => {
      const [x, y] = project(p);
      if (i === 0) path.moveTo(x, y);
      else path.lineTo(x, y);
    });
    path.closePath();
  }
  const all = new Path2D();
  all.rect(0, 0, canvas.width, canvas.height);
  all.addPath(path);
  ctx.fillStyle = 'rgba(236, 236, 236, 0.72)';
  ctx.fill(all, 'evenodd');
  ctx.strokeStyle = '#1a1a1a';
  ctx.lineWidth = 2.5 * ratio;
  ctx.stroke(path);
}

function panel(lines: readonly string[]) {
  return (s: PageSurface, f: RectMm) => {
    const rowMm = 4;
    const max = Math.floor(f.height / rowMm);
    const shown = lines.length > max ? [...lines.slice(0, max - 1), `+ ${lines.length - max + 1}`] : lines;
    shown.forEach((line, i) => s.text(fitText(s, line, f.width - 2, i === 0 ? 8 : 6.5), f.x, f.y + 3.2 + i * rowMm, { size: i === 0 ? 8 : 6.5 }));
  };
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
export const atlasFileName = (p: AtlasPage): string => `${safe(p.unit.code)}_${safe(p.unit.name)}.pdf`;

export async function exportAtlas(s: AppState, o: ExportOptions, env: ExportEnv): Promise<ExportResult> {
  const src: AtlasSource | null = atlasSource(s, o.atlas.level);
  if (!src) return { ok: false, code: 'export.atlas.no-level' };
  const L = pageLayout({ paper: o.paper, orientation: o.orientation, dpi: o.dpi }, 'atlas');
  // The legend of the print map's visible layers and classes, as on the single map page (the same frame).
  const rows = printLegendRows(s, env.t);
  const fit = fitLegend(rows, L.legend.mm).laid;
  if (!fit.ok) return fit;
  const label = legendLabel(env.t);
  const legendTexts = rows.map(label);
  const plan = planAtlas(src.units, { sortBy: o.atlas.sortBy, filter: o.atlas.filter, aspect: L.map.mm.width / L.map.mm.height, locale: s.language });
  if (!plan.ok) return plan;
  const pages = plan.pages;
  const creating = createPrintMap(s, { width: L.map.px.width, height: L.map.px.height, dpi: o.dpi, fontFiles: env.fontFiles, baseUrl: env.baseUrl });
  const created = await unlessAborted(creating, env.signal).catch((e: unknown) => {
    // Cancelled while the map loads: it is removed once it exists.
    void creating.then((c) => c.ok && c.map.destroy(), () => {});
    throw e;
  });
  if (!created.ok) return created;
  const pm: PrintMap = created.map;
  const footer = footerText(s, env.t, o.date);
  const area = studyArea(s);
  const date = exportDate(o.date);
  const pageNo = (i: number, n: number) => env.t('export.page.number', { page: i + 1, pages: n });
  const titleOf = (p: AtlasPage) => `${p.unit.name} (${p.unit.code})`;
  const baseTexts = [o.title, env.t('export.page.north'), ...Object.values(footer), ...legendTexts, '…', '+ 0123456789'];
  const newPdf = (texts: string[], title: string) => createPdfSurface({ widthMm: L.page.widthMm, heightMm: L.page.heightMm, texts, loadFace: env.loadFace, date, title });
  const figures = pages.map((p) => unitFigures(s, env.t, o.atlas.level, p.unit.id, src.rings.get(p.unit.id) ?? []));
  // Unix entries (zip-entry.ts): `{code}_{name}.pdf` with a Chinese name lists right in unzip; the date makes the bytes.
  const entry = unixZipEntry(date);
  const files: Record<string, [Uint8Array, typeof entry]> = {};
  const one: PdfSurface | null = o.atlas.zip ? null : await unlessAborted(newPdf([...baseTexts, ...pages.map(titleOf), ...figures.flat(), ...pages.map((_, i) => pageNo(i, pages.length))], o.title), env.signal).catch((e: unknown) => {
    pm.destroy();
    throw e;
  });
  try {
    for (let i = 0; i < pages.length; i++) {
      if (env.signal?.aborted) throw new Error('export.cancelled');
      env.onProgress?.(i, pages.length);
      const p = pages[i];
      const m = await unlessAborted(drawPageMap(pm, L, p.extent, env), env.signal);
      if (!m.ok) return m;
      const drawn = m.canvas;
      greyAround(drawn, src.rings.get(p.unit.id) ?? [], m.project, pm.ratio);
      const image = await unlessAborted(canvasJpeg(drawn), env.signal);
      const n = o.atlas.zip ? 1 : pages.length;
      const content: MapPageContent = {
        title: titleOf(p),
        subtitle: o.title,
        map: image,
        legendRows: rows,
        legendLabel: label,
        scale: m.scale,
        scaleLabel: m.scaleLabel,
        north: env.t('export.page.north'),
        inset: insetOf(area, p.extent),
        ...footer,
        pageNumber: pageNo(o.atlas.zip ? 0 : i, n),
        panel: panel(figures[i]),
      };
      if (one) {
        if (i > 0) one.addPage();
        composeMapPage(one, L, content);
      } else {
        const pdf = await unlessAborted(newPdf([...baseTexts, content.title, content.pageNumber, m.scaleLabel, ...figures[i]], content.title), env.signal);
        composeMapPage(pdf, L, content);
        files[atlasFileName(p)] = [pdf.bytes(), entry];
      }
    }
    env.onProgress?.(pages.length, pages.length);
  } finally {
    pm.destroy();
  }
  if (one) return { ok: true, bytes: one.bytes(), fileName: pdfName(o.title, 'atlas').replace(/\.pdf$/, `_atlas_${o.atlas.level}.pdf`), mime: 'application/pdf', pages: pages.length };
  const zip = zipSync(files, { level: 0 });
  return { ok: true, bytes: zip, fileName: pdfName(o.title, 'atlas').replace(/\.pdf$/, `_atlas_${o.atlas.level}.zip`), mime: 'application/zip', pages: pages.length };
}
