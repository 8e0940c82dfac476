/**
 * The gap report: the scorecard of the current rule set (the child-friendly verdict and failing counts of
 * each unit at the map's scale) and the gap table (every failing record, most severe first), each
 * paginated by core/print with the header repeated; title band and footer on every page. Then, where they
 * exist, the proposals (scenario and co-sketch) and the safe-route hotspots (`report-extras.ts`).
 */
import type { TFunction } from 'i18next';
import { pageSize, paginateRows, LAYOUT_MM, type PageSpec, type RectMm } from '../core/print';
import { SEVERITIES, type GapRecord, type Scorecard } from '../core/rules';
import { checkedRuleSet, type AppState } from '../state';
import { affectedText, measuredText, recordTarget, unitLabel } from '../ui/rules/format';
import type { ExportOptions, ExportResult } from './options';
import { exportDate, pdfName } from './options';
import { footerText } from './page-text';
import { createPdfSurface, type FaceLoader } from './pdf-surface';
import type { PageSurface, Rgb } from './surface';
import { PT_MM } from './surface';
import { hotspotTable, proposalTable } from './report-extras';
import { drawTable, TABLE_STYLE, type Column } from './table';

const SEVERITY_COLOR: Record<string, Rgb> = { critical: [180, 20, 20], major: [230, 110, 30], minor: [230, 190, 40], info: [120, 150, 200] };

export interface ReportTable {
  readonly heading: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly string[])[];
  readonly colors?: readonly (Rgb | undefined)[];
}

export function reportTables(s: AppState, t: TFunction): ReportTable[] | null {
  const r = s.rules.result;
  if (!r) return null;
  const lang = s.language;
  const ev = r.evaluation;
  const titles = new Map((checkedRuleSet(s)?.rules ?? []).map((x) => [x.id, x.title[lang]]));
  const cards: Scorecard[] = ev.scorecards.filter((c) => c.level === s.rules.mapScale);
  const rank = (g: GapRecord) => SEVERITIES.indexOf(g.severity);
  const gaps = [...ev.gaps].sort((a, b) => rank(b) - rank(a) || a.scale.localeCompare(b.scale) || unitLabel(t, a, lang).localeCompare(unitLabel(t, b, lang), lang) || a.rule_id.localeCompare(b.rule_id));
  return [
    {
      heading: t('export.report.scorecard', { scale: t(`rules.scale.${s.rules.mapScale}`) }),
      columns: [
        { label: t('export.report.unit'), share: 4 },
        { label: t('export.report.friendly'), share: 2 },
        { label: t('export.report.failingHere'), share: 1.6, align: 'right' },
        { label: t('export.report.failingBelow'), share: 1.6, align: 'right' },
        ...SEVERITIES.slice().reverse().map((sv): Column => ({ label: t(`rules.severity.${sv}`), share: 1.2, align: 'right' })),
      ],
      rows: cards.map((c) => [unitLabel(t, c, lang), c.childFriendly ? t('export.report.yes') : t('export.report.no'), String(c.failingHere), String(c.failingBelow), ...SEVERITIES.slice().reverse().map((sv) => String(c.failingBySeverity[sv]))]),
    },
    {
      heading: t('export.report.gaps', { count: gaps.length }),
      columns: [
        { label: t('export.report.unit'), share: 3 },
        { label: t('export.report.scale'), share: 1.3 },
        { label: t('export.report.rule'), share: 6 },
        { label: t('export.report.measured'), share: 3, align: 'right' },
        { label: t('export.report.severity'), share: 1.4 },
        { label: t('export.report.children'), share: 1.8, align: 'right' },
      ],
      rows: gaps.map((g) => [unitLabel(t, g, lang), t(`rules.scale.${g.scale}`), titles.get(g.rule_id) ?? g.rule_id, `${measuredText(t, g, lang)} / ${recordTarget(t, g, lang)}`, t(`rules.severity.${g.severity}`), affectedText(t, g, lang)]),
      colors: gaps.map((g) => SEVERITY_COLOR[g.severity]),
    },
    ...[proposalTable(s, t), hotspotTable(s, t)].filter((x): x is ReportTable => x !== null),
  ];
}

interface Slice {
  readonly table: number;
  readonly start: number;
  readonly end: number;
}

/** Every table paginated into the body frame; each table starts on a new page with its heading. */
export function planReport(tables: readonly ReportTable[], bodyMm: number): Slice[][] | { ok: false; code: string } {
  const headingMm = 8;
  const pages: Slice[][] = [];
  for (let i = 0; i < tables.length; i++) {
    const p = paginateRows(tables[i].rows.length, { frameMm: bodyMm, firstFrameMm: bodyMm - headingMm, headerMm: TABLE_STYLE.headerMm, rowMm: TABLE_STYLE.rowMm });
    if (!p.ok) return { ok: false, code: p.code };
    for (const pg of p.pages) pages.push([{ table: i, start: pg.start, end: pg.end }]);
  }
  return pages;
}

export function bodyFrame(spec: PageSpec): RectMm {
  const page = pageSize(spec);
  const top = LAYOUT_MM.margin + LAYOUT_MM.title + LAYOUT_MM.subtitle + LAYOUT_MM.gap;
  const bottom = page.heightMm - LAYOUT_MM.margin - 2 * LAYOUT_MM.footerLine - LAYOUT_MM.gap;
  return { x: LAYOUT_MM.margin, y: top, width: page.widthMm - 2 * LAYOUT_MM.margin, height: bottom - top };
}

export function drawPageFrame(s: PageSurface, spec: PageSpec, title: string, subtitle: string, footer: ReturnType<typeof footerText>, pageNo: string): void {
  const page = pageSize(spec);
  const M = LAYOUT_MM.margin;
  s.text(title, M, M + LAYOUT_MM.title / 2 + 16 * PT_MM * 0.35, { size: 16 });
  s.text(subtitle, M, M + LAYOUT_MM.title + LAYOUT_MM.subtitle / 2 + 10 * PT_MM * 0.35, { size: 10, color: [110, 110, 110] });
  const fy = page.heightMm - M - 2 * LAYOUT_MM.footerLine;
  const small = { size: 7, color: [110, 110, 110] as Rgb };
  s.text(footer.ruleSet, M, fy + 4, small);
  s.text(footer.date, M, fy + 10, small);
  s.text(footer.attribution, M + LAYOUT_MM.footerInfo, fy + 4, small);
  s.text(pageNo, page.widthMm - M, fy + 7, { size: 8, align: 'right' });
}

export async function exportGapReport(s: AppState, o: ExportOptions, env: { t: TFunction; loadFace: FaceLoader }): Promise<ExportResult> {
  const tables = reportTables(s, env.t);
  if (!tables) return { ok: false, code: 'export.no-rules' };
  const spec: PageSpec = { paper: o.paper, orientation: o.orientation, dpi: o.dpi };
  const body = bodyFrame(spec);
  const plan = planReport(tables, body.height);
  if (!Array.isArray(plan)) return plan;
  const footer = footerText(s, env.t, o.date);
  const pageNo = (i: number) => env.t('export.page.number', { page: i + 1, pages: plan.length });
  const texts = [o.title, o.subtitle, ...Object.values(footer), ...plan.map((_, i) => pageNo(i)), ...tables.flatMap((tb) => [tb.heading, ...tb.columns.map((c) => c.label), ...tb.rows.flat()]), '…'];
  const page = pageSize(spec);
  const pdf = await createPdfSurface({ widthMm: page.widthMm, heightMm: page.heightMm, texts, loadFace: env.loadFace, date: exportDate(o.date), title: o.title });
  plan.forEach((slices, i) => {
    if (i > 0) pdf.addPage();
    drawPageFrame(pdf, spec, o.title, o.subtitle, footer, pageNo(i));
    for (const sl of slices) {
      const tb = tables[sl.table];
      let y = body.y;
      if (sl.start === 0) {
        pdf.text(tb.heading, body.x, y + 5, { size: 10 });
        y += 8;
      }
      drawTable(pdf, { x: body.x, y, width: body.width, height: body.y + body.height - y }, tb.columns, tb.rows.slice(sl.start, sl.end), TABLE_STYLE, (r) => tb.colors?.[sl.start + r]);
    }
  });
  return { ok: true, bytes: pdf.bytes(), fileName: pdfName(o.title, 'report').replace(/\.pdf$/, '_gaps.pdf'), mime: 'application/pdf', pages: plan.length };
}
