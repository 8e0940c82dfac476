/**
 * Table pagination for the gap table and the scorecards: how many rows fit under the repeated header in a
 * frame, and where the pages break. Rows can come in groups (a unit's scorecard rows) that stay on one page
 * when they fit on one: a group that does not fit where it would start begins a new page; a group taller
 * than a whole page starts a new page and breaks where the page is full.
 */
export interface TableFrame {
  /** Height of the table frame on every page, millimetres. */
  readonly frameMm: number;
  /** On the first page, when the table starts lower (under a scorecard); default frameMm. */
  readonly firstFrameMm?: number;
  readonly headerMm: number;
  readonly rowMm: number;
}

export interface TablePage {
  /** First row on the page (0-based) and one past the last. The header is repeated above them. */
  readonly start: number;
  readonly end: number;
}

export type PaginationResult =
  | { readonly ok: true; readonly pages: readonly TablePage[] }
  | { readonly ok: false; readonly code: 'print.table-frame-too-small'; readonly params: Readonly<Record<string, number>> };

/** Whole rows under the header; a millionth of a millimetre of slack so 10 rows of 6 mm fit 60 mm. */
export function rowsPerPage(frameMm: number, headerMm: number, rowMm: number): number {
  return Math.max(0, Math.floor((frameMm - headerMm) / rowMm + 1e-6));
}

/** `groups`: the sizes of consecutive row groups (one group per row when every row may break alone). */
export function paginateGroups(groups: readonly number[], t: TableFrame): PaginationResult {
  const first = rowsPerPage(t.firstFrameMm ?? t.frameMm, t.headerMm, t.rowMm);
  const rest = rowsPerPage(t.frameMm, t.headerMm, t.rowMm);
  if (rest < 1) return { ok: false, code: 'print.table-frame-too-small', params: { frameMm: t.frameMm, headerMm: t.headerMm, rowMm: t.rowMm } };
  const pages: TablePage[] = [];
  let start = 0;
  let used = 0;
  let capacity = first;
  const breakPage = (at: number) => {
    // An empty first page (its frame holds no row) is still a page: the table's title sits on it.
    pages.push({ start, end: at });
    start = at;
    used = 0;
    capacity = rest;
  };
  let row = 0;
  for (const size of groups) {
    if (size <= 0) continue;
    if (used + size > capacity && used > 0) breakPage(row);
    else if (used === 0 && size > capacity && size <= rest && pages.length === 0) breakPage(row);
    for (let k = 0; k < size; k++) {
      if (used === capacity) breakPage(row);
      used++;
      row++;
    }
  }
  if (row > start || pages.length === 0) pages.push({ start, end: row });
  return { ok: true, pages };
}

/** Rows that may break anywhere. */
export const paginateRows = (rowCount: number, t: TableFrame): PaginationResult => paginateGroups(new Array<number>(rowCount).fill(1), t);
