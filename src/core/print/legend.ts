/**
 * The print legend: exactly the visible layers and, of each, its visible classes, in the map's drawing order
 * (top layer first, as a reader scans a legend). The classes are what the map's own legend builder shows
 * (src/map/legend.ts `legendFor`, passed in by the renderer: core cannot import the map), so the printed
 * legend and the map cannot disagree. Laid out in columns of fixed-height rows; a legend that does not fit
 * its frame is refused with a code, never cut.
 */
export interface LegendClassInput {
  readonly color: readonly [number, number, number];
  readonly shape: 'fill' | 'line' | 'dot';
  /** An i18n key (with params) or literal text from the data. */
  readonly key?: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly text?: string;
  /** A class the user switched off on the map; default visible. */
  readonly visible?: boolean;
}

export interface LegendLayerInput {
  readonly id: string;
  readonly name: string;
  readonly visible: boolean;
  readonly classes: readonly LegendClassInput[];
}

export type LegendRow =
  | { readonly kind: 'layer'; readonly layerId: string; readonly name: string }
  | { readonly kind: 'class'; readonly layerId: string; readonly entry: LegendClassInput };

/** `layers` in drawing order, bottom first (the document's order); the legend lists the top first. */
export function legendRows(layers: readonly LegendLayerInput[]): LegendRow[] {
  const rows: LegendRow[] = [];
  for (const l of [...layers].reverse()) {
    if (!l.visible) continue;
    const classes = l.classes.filter((c) => c.visible !== false);
    if (classes.length === 0) continue;
    rows.push({ kind: 'layer', layerId: l.id, name: l.name });
    for (const entry of classes) rows.push({ kind: 'class', layerId: l.id, entry });
  }
  return rows;
}

export interface LegendPlacement {
  readonly row: LegendRow;
  readonly column: number;
  /** Millimetres from the legend frame's top-left corner. */
  readonly x: number;
  readonly y: number;
}

export type LegendLayoutResult =
  | { readonly ok: true; readonly columns: number; readonly placements: readonly LegendPlacement[] }
  | { readonly ok: false; readonly code: 'print.legend-overflow'; readonly params: Readonly<Record<string, number>> };

/**
 * Rows top to bottom, then the next column. A layer heading is never the last row of a column (it moves to
 * the next one with its first class).
 */
export function layoutLegend(rows: readonly LegendRow[], frame: { width: number; height: number }, rowMm: number, columnMm: number): LegendLayoutResult {
  const perColumn = Math.floor(frame.height / rowMm);
  const maxColumns = Math.floor(frame.width / columnMm);
  const placements: LegendPlacement[] = [];
  let column = 0;
  let slot = 0;
  for (let i = 0; i < rows.length; i++) {
    const headingAtEnd = rows[i].kind === 'layer' && slot === perColumn - 1;
    if (slot >= perColumn || headingAtEnd) {
      column++;
      slot = 0;
    }
    placements.push({ row: rows[i], column, x: column * columnMm, y: slot * rowMm });
    slot++;
  }
  const columns = rows.length ? column + 1 : 0;
  if (rows.length && (perColumn < 2 || columns > maxColumns)) {
    return { ok: false, code: 'print.legend-overflow', params: { rows: rows.length, perColumn, columns, maxColumns } };
  }
  return { ok: true, columns, placements };
}
