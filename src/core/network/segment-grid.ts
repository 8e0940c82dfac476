/**
 * Spatial index over segment boxes for snapping: a uniform lon/lat grid, each cell listing the segments
 * whose box meets it (a CSR built by counting, so building is linear; a packed R-tree's sort cost more than
 * all the snapping it served). Segments spanning very many cells are kept apart and visited by every query.
 * A query visits every segment whose box meets the query box (and possibly a few more near it), each once.
 */
const MAX_CELLS_PER_ITEM = 64;
const MAX_CELLS = 1 << 22;

export class SegmentGrid {
  readonly cols: number;
  readonly rows: number;
  private readonly x0: number;
  private readonly y0: number;
  private readonly invW: number;
  private readonly invH: number;
  private readonly cellStart: Uint32Array;
  private readonly cellItems: Uint32Array;
  private readonly big: Uint32Array;
  private readonly stamp: Uint32Array;
  private query = 0;

  /** boxes = minX, minY, maxX, maxY per item. */
  constructor(boxes: Float64Array) {
    const n = boxes.length / 4;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      x0 = Math.min(x0, boxes[4 * i]!);
      y0 = Math.min(y0, boxes[4 * i + 1]!);
      x1 = Math.max(x1, boxes[4 * i + 2]!);
      y1 = Math.max(y1, boxes[4 * i + 3]!);
    }
    const w = x1 > x0 ? x1 - x0 : 1e-9;
    const h = y1 > y0 ? y1 - y0 : 1e-9;
    // About two items per cell.
    const cells = Math.max(1, Math.min(MAX_CELLS, Math.ceil(n / 2)));
    const side = Math.sqrt((w * h) / cells);
    this.cols = Math.max(1, Math.min(Math.ceil(w / side), MAX_CELLS));
    this.rows = Math.max(1, Math.min(Math.ceil(h / side), Math.floor(MAX_CELLS / this.cols)));
    this.x0 = x0;
    this.y0 = y0;
    this.invW = this.cols / w;
    this.invH = this.rows / h;
    const C = this.cols * this.rows;
    const cellStart = new Uint32Array(C + 1);
    const bigList: number[] = [];
    const isBig = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const cx0 = this.cx(boxes[4 * i]!), cx1 = this.cx(boxes[4 * i + 2]!);
      const cy0 = this.cy(boxes[4 * i + 1]!), cy1 = this.cy(boxes[4 * i + 3]!);
      if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_CELLS_PER_ITEM) {
        isBig[i] = 1;
        bigList.push(i);
        continue;
      }
      for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) cellStart[cy * this.cols + cx + 1]!++;
    }
    for (let c = 0; c < C; c++) cellStart[c + 1]! += cellStart[c]!;
    const fill = cellStart.slice(0, C);
    const cellItems = new Uint32Array(cellStart[C]!);
    for (let i = 0; i < n; i++) {
      if (isBig[i]) continue;
      const cx0 = this.cx(boxes[4 * i]!), cx1 = this.cx(boxes[4 * i + 2]!);
      const cy0 = this.cy(boxes[4 * i + 1]!), cy1 = this.cy(boxes[4 * i + 3]!);
      for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) cellItems[fill[cy * this.cols + cx]!++] = i;
    }
    this.cellStart = cellStart;
    this.cellItems = cellItems;
    this.big = Uint32Array.from(bigList);
    this.stamp = new Uint32Array(n);
  }

  private cx(x: number): number {
    const c = Math.floor((x - this.x0) * this.invW);
    return c < 0 ? 0 : c >= this.cols ? this.cols - 1 : c;
  }

  private cy(y: number): number {
    const c = Math.floor((y - this.y0) * this.invH);
    return c < 0 ? 0 : c >= this.rows ? this.rows - 1 : c;
  }

  /** Calls visit(item) once for every item whose box may meet the query box (at least all that do). */
  visit(minX: number, minY: number, maxX: number, maxY: number, visit: (item: number) => void): void {
    const big = this.big;
    for (let k = 0; k < big.length; k++) visit(big[k]!);
    const cx0 = this.cx(minX), cx1 = this.cx(maxX), cy0 = this.cy(minY), cy1 = this.cy(maxY);
    const { cellStart, cellItems, stamp, cols } = this;
    if (++this.query === 0xffffffff) {
      stamp.fill(0);
      this.query = 1;
    }
    const q = this.query;
    for (let cy = cy0; cy <= cy1; cy++) {
      for (let c = cy * cols + cx0, cEnd = cy * cols + cx1; c <= cEnd; c++) {
        for (let e = cellStart[c]!, end = cellStart[c + 1]!; e < end; e++) {
          const i = cellItems[e]!;
          if (stamp[i] === q) continue;
          stamp[i] = q;
          visit(i);
        }
      }
    }
  }

  /**
   * Nearest-item search around (px, py): visits the cells in rings of growing Chebyshev distance from the
   * point's cell, each item once, until nothing unvisited can be nearer than the best so far or farther
   * rings lie beyond maxM. `visit` returns the best squared distance found so far (m²); sx and sy convert
   * degrees of longitude and latitude into the metres of that distance. Every item within maxM of the
   * point (by a distance no smaller than the box gap) is visited.
   */
  visitNearest(px: number, py: number, sx: number, sy: number, maxM: number, visit: (item: number) => number): void {
    let best = Infinity;
    const big = this.big;
    for (let k = 0; k < big.length; k++) best = visit(big[k]!);
    const { cols, rows, x0, y0, invW, invH } = this;
    const x1 = x0 + cols / invW;
    const y1 = y0 + rows / invH;
    const gapX = Math.max(x0 - px, 0, px - x1) * sx;
    const gapY = Math.max(y0 - py, 0, py - y1) * sy;
    if (gapX * gapX + gapY * gapY > maxM * maxM) return;
    if (++this.query === 0xffffffff) {
      this.stamp.fill(0);
      this.query = 1;
    }
    const cx = this.cx(px);
    const cy = this.cy(py);
    for (let k = 0; ; k++) {
      const lx = cx - k, hx = cx + k, ly = cy - k, hy = cy + k;
      for (let x = Math.max(lx, 0); x <= Math.min(hx, cols - 1); x++) {
        if (ly >= 0) best = this.visitCell(ly * cols + x, visit, best);
        if (k > 0 && hy < rows) best = this.visitCell(hy * cols + x, visit, best);
      }
      for (let y = Math.max(ly + 1, 0); y <= Math.min(hy - 1, rows - 1); y++) {
        if (lx >= 0) best = this.visitCell(y * cols + lx, visit, best);
        if (k > 0 && hx < cols) best = this.visitCell(y * cols + hx, visit, best);
      }
      if (lx <= 0 && ly <= 0 && hx >= cols - 1 && hy >= rows - 1) return;
      // Everything unvisited lies outside the block of rings 0..k: at least this far (1 cm spare for rounding).
      let bound = Infinity;
      if (lx > 0) bound = Math.min(bound, (px - (x0 + lx / invW)) * sx);
      if (hx < cols - 1) bound = Math.min(bound, (x0 + (hx + 1) / invW - px) * sx);
      if (ly > 0) bound = Math.min(bound, (py - (y0 + ly / invH)) * sy);
      if (hy < rows - 1) bound = Math.min(bound, (y0 + (hy + 1) / invH - py) * sy);
      bound -= 0.01;
      if (bound > maxM || (bound > 0 && best <= bound * bound)) return;
    }
  }

  private visitCell(c: number, visit: (item: number) => number, best: number): number {
    const { cellStart, cellItems, stamp } = this;
    const q = this.query;
    for (let e = cellStart[c]!, end = cellStart[c + 1]!; e < end; e++) {
      const i = cellItems[e]!;
      if (stamp[i] === q) continue;
      stamp[i] = q;
      best = visit(i);
    }
    return best;
  }
}
