/**
 * Where everything goes on a map page, in millimetres (then pixels): a title band, the map, a legend and an
 * inset locator (below the map on a portrait page, in a side column on a landscape one), the scale bar and
 * the north arrow inside the map's lower-left and upper-right corners, and a footer with the rule set, the
 * date, the sources, the OpenStreetMap attribution and the page number. Fixed millimetre sizes (not shares
 * of the page) keep text the same printed size on A4 and A3: A3 gives the map the extra room. An atlas page
 * also has a panel for its unit's figures and gaps: a band at the foot of the body (under the legend strip
 * on a portrait page, under the map on a landscape one), taken from the map, so the legend keeps the same
 * frame as on the single map page and holds the same rows.
 */
import { frame, rect, type Frame } from './frame';
import { pageSize, type PageSize, type PageSpec } from './paper';

/** Millimetres; the why of each is the printed size a reader needs, not a share of the page. */
export const LAYOUT_MM = {
  margin: 10,
  gap: 4,
  title: 11,
  subtitle: 7,
  footerLine: 6,
  /** Height of the legend/inset strip under a portrait map. */
  strip: 50,
  /** Width of the legend/inset column beside a landscape map. */
  side: 70,
  /** Inside the map frame. */
  inner: 4,
  scaleBar: { width: 60, height: 10 },
  northArrow: { width: 12, height: 16 },
  footerInfo: 70,
  pageNumber: 25,
  /** Height of an atlas page's figures-and-gaps panel: 8 lines of 4 mm. */
  panel: 32,
} as const;

export type PageKind = 'map' | 'atlas';

export interface PageLayout {
  readonly spec: PageSpec;
  readonly page: PageSize;
  readonly title: Frame;
  readonly subtitle: Frame;
  readonly map: Frame;
  readonly legend: Frame;
  readonly inset: Frame;
  readonly scaleBar: Frame;
  readonly northArrow: Frame;
  readonly ruleSet: Frame;
  readonly date: Frame;
  readonly sources: Frame;
  readonly attribution: Frame;
  readonly pageNumber: Frame;
  /** An atlas page's figures and gaps; null on a map page. */
  readonly panel: Frame | null;
}

export function pageLayout(spec: PageSpec, kind: PageKind = 'map'): PageLayout {
  const L = LAYOUT_MM;
  const page = pageSize(spec);
  const W = page.widthMm;
  const H = page.heightMm;
  const f = (x: number, y: number, w: number, h: number): Frame => frame(rect(x, y, w, h), spec.dpi);
  const contentW = W - 2 * L.margin;
  const footerH = 2 * L.footerLine;
  const bodyTop = L.margin + L.title + L.subtitle + L.gap;
  const fullBodyH = H - L.margin - footerH - L.gap - bodyTop;
  const panelH = kind === 'atlas' ? L.panel : 0;
  const bodyH = kind === 'atlas' ? fullBodyH - L.panel - L.gap : fullBodyH;
  let map: Frame;
  let legend: Frame;
  let inset: Frame;
  let panel: Frame | null = null;
  if (spec.orientation === 'portrait') {
    const mapH = bodyH - L.strip - L.gap;
    const stripY = bodyTop + mapH + L.gap;
    map = f(L.margin, bodyTop, contentW, mapH);
    inset = f(W - L.margin - L.strip, stripY, L.strip, L.strip);
    legend = f(L.margin, stripY, contentW - L.strip - L.gap, L.strip);
    if (panelH) panel = f(L.margin, bodyTop + bodyH + L.gap, contentW, panelH);
  } else {
    const sideX = W - L.margin - L.side;
    map = f(L.margin, bodyTop, contentW - L.side - L.gap, bodyH);
    inset = f(sideX, bodyTop, L.side, L.side);
    // The side column keeps the whole body's height; only the map gives up the panel's band.
    legend = f(sideX, bodyTop + L.side + L.gap, L.side, fullBodyH - L.side - L.gap);
    if (panelH) panel = f(L.margin, bodyTop + bodyH + L.gap, contentW - L.side - L.gap, panelH);
  }
  const m = map.mm;
  const footerY = H - L.margin - footerH;
  const centreX = L.margin + L.footerInfo;
  const centreW = contentW - L.footerInfo - L.pageNumber;
  return {
    spec,
    page,
    title: f(L.margin, L.margin, contentW, L.title),
    subtitle: f(L.margin, L.margin + L.title, contentW, L.subtitle),
    map,
    legend,
    inset,
    scaleBar: f(m.x + L.inner, m.y + m.height - L.inner - L.scaleBar.height, L.scaleBar.width, L.scaleBar.height),
    northArrow: f(m.x + m.width - L.inner - L.northArrow.width, m.y + L.inner, L.northArrow.width, L.northArrow.height),
    ruleSet: f(L.margin, footerY, L.footerInfo, L.footerLine),
    date: f(L.margin, footerY + L.footerLine, L.footerInfo, L.footerLine),
    sources: f(centreX, footerY, centreW, L.footerLine),
    attribution: f(centreX, footerY + L.footerLine, centreW, L.footerLine),
    pageNumber: f(W - L.margin - L.pageNumber, footerY, L.pageNumber, footerH),
    panel,
  };
}
