/** Pagination counts and breaks worked out by hand. */
import { describe, expect, it } from 'vitest';
import { paginateGroups, paginateRows, rowsPerPage } from '../../../src/core/print';

const pages = (r: ReturnType<typeof paginateRows>) => (r.ok ? r.pages.map((p) => [p.start, p.end]) : r.code);

describe('table pagination', () => {
  it('rows per page: (frame − header) / row, whole rows, exact fits included', () => {
    expect(rowsPerPage(100, 10, 6)).toBe(15); // 90 / 6
    expect(rowsPerPage(60, 0, 6)).toBe(10);
    expect(rowsPerPage(0.3 * 3 + 0.1, 0.1, 0.3)).toBe(3); // 0.9 / 0.3 in floating point is 2.9999…
  });

  it('40 rows, 15 a page: 15 + 15 + 10, header repeated on each', () => {
    expect(pages(paginateRows(40, { frameMm: 100, headerMm: 10, rowMm: 6 }))).toEqual([[0, 15], [15, 30], [30, 40]]);
  });

  it('a shorter first page (40 mm: 5 rows), then 15 a page', () => {
    expect(pages(paginateRows(40, { frameMm: 100, firstFrameMm: 40, headerMm: 10, rowMm: 6 }))).toEqual([[0, 5], [5, 20], [20, 35], [35, 40]]);
  });

  it('exactly full pages: no empty page at the end; no rows: one page with the header', () => {
    expect(pages(paginateRows(30, { frameMm: 100, headerMm: 10, rowMm: 6 }))).toEqual([[0, 15], [15, 30]]);
    expect(pages(paginateRows(0, { frameMm: 100, headerMm: 10, rowMm: 6 }))).toEqual([[0, 0]]);
  });

  it('groups stay together: four groups of 4 with 15 a page → 12 + 4', () => {
    expect(pages(paginateGroups([4, 4, 4, 4], { frameMm: 100, headerMm: 10, rowMm: 6 }))).toEqual([[0, 12], [12, 16]]);
  });

  it('a group taller than a page breaks where the page is full', () => {
    expect(pages(paginateGroups([3, 20], { frameMm: 100, headerMm: 10, rowMm: 6 }))).toEqual([[0, 3], [3, 18], [18, 23]]);
  });

  it('a group that does not fit the short first page starts on the second', () => {
    expect(pages(paginateGroups([8, 2], { frameMm: 100, firstFrameMm: 40, headerMm: 10, rowMm: 6 }))).toEqual([[0, 0], [0, 10]]);
  });

  it('refuses a frame with no room for a row', () => {
    expect(pages(paginateRows(5, { frameMm: 12, headerMm: 10, rowMm: 6 }))).toBe('print.table-frame-too-small');
  });
});
