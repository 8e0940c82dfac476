/**
 * Paper sizes (ISO 216) and the page in pixels at a print resolution. Everything in the layout is decided in
 * millimetres and converted once, edge by edge (`mmToPx` of both edges), so adjacent frames share a pixel
 * edge and never overlap or leave a gap through rounding.
 */
export type PaperSize = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';
export type PrintDpi = 150 | 300;

export const PRINT_DPIS: readonly PrintDpi[] = [150, 300];
export const MM_PER_INCH = 25.4;

/** Portrait width × height in millimetres (ISO 216). */
export const PAPER_MM: Readonly<Record<PaperSize, { readonly width: number; readonly height: number }>> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
};

export interface PageSpec {
  readonly paper: PaperSize;
  readonly orientation: Orientation;
  readonly dpi: PrintDpi;
}

/** Millimetres → PDF points (1/72 inch), unrounded: A4 is 595.28 × 841.89 pt. */
export const mmToPt = (mm: number): number => (mm * 72) / MM_PER_INCH;

/** Millimetres → device pixels at `dpi`, rounded to the nearest pixel. */
export const mmToPx = (mm: number, dpi: number): number => Math.round((mm * dpi) / MM_PER_INCH);

export interface PageSize {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly widthPx: number;
  readonly heightPx: number;
}

export function pageSize(spec: PageSpec): PageSize {
  const p = PAPER_MM[spec.paper];
  const [widthMm, heightMm] = spec.orientation === 'portrait' ? [p.width, p.height] : [p.height, p.width];
  return { widthMm, heightMm, widthPx: mmToPx(widthMm, spec.dpi), heightPx: mmToPx(heightMm, spec.dpi) };
}
