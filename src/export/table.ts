/**
 * A table on a page: a header row repeated on every page, rows of fixed height, text cut with an ellipsis
 * to its column (never over the next one). Pagination is core/print's; this only draws one page's slice.
 */
import type { RectMm } from '../core/print';
import type { PageSurface, Rgb } from './surface';

export interface Column {
  readonly label: string;
  /** Share of the table's width. */
  readonly share: number;
  readonly align?: 'left' | 'right';
}

export interface TableStyle {
  readonly headerMm: number;
  readonly rowMm: number;
  readonly size: number;
}

export const TABLE_STYLE: TableStyle = { headerMm: 6, rowMm: 5, size: 6.5 };

/** `s` cut to `width` millimetres at `size` points, with an ellipsis when cut. */
export function fitText(surface: PageSurface, s: string, width: number, size: number): string {
  if (surface.textWidth(s, size) <= width) return s;
  const chars = [...s];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (surface.textWidth(chars.slice(0, mid).join('') + '…', size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('') + '…';
}

export function drawTable(s: PageSurface, frame: RectMm, columns: readonly Column[], rows: readonly (readonly string[])[], st: TableStyle = TABLE_STYLE, rowColor?: (i: number) => Rgb | undefined): void {
  const total = columns.reduce((a, c) => a + c.share, 0);
  const widths = columns.map((c) => (c.share / total) * frame.width);
  const pad = 1;
  const cell = (text: string, x: number, w: number, y: number, align: 'left' | 'right' | undefined, size: number, color: Rgb) => {
    const fitted = fitText(s, text, w - 2 * pad, size);
    s.text(fitted, align === 'right' ? x + w - pad : x + pad, y, { size, color, align: align === 'right' ? 'right' : 'left' });
  };
  s.rect(frame.x, frame.y, frame.width, st.headerMm, { fill: [235, 235, 235] });
  let x = frame.x;
  columns.forEach((c, i) => {
    cell(c.label, x, widths[i], frame.y + st.headerMm - 1.8, c.align, st.size, [20, 20, 20]);
    x += widths[i];
  });
  rows.forEach((row, r) => {
    const y = frame.y + st.headerMm + r * st.rowMm;
    const band = rowColor?.(r);
    if (band) s.rect(frame.x, y, 1.2, st.rowMm, { fill: band });
    s.path([[[frame.x, y + st.rowMm], [frame.x + frame.width, y + st.rowMm]]], { stroke: [215, 215, 215], lineWidth: 0.1 }, false);
    let cx = frame.x;
    columns.forEach((c, i) => {
      cell(row[i] ?? '', cx + (i === 0 && band ? 1.2 : 0), widths[i], y + st.rowMm - 1.5, c.align, st.size, [30, 30, 30]);
      cx += widths[i];
    });
  });
}
