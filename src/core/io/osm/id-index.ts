/**
 * Growable columns for the OSM readers, and OSM ids with lookup id → position. Columns grow in fixed-size
 * chunks (the first one doubling up to that size): growing past it never copies (a doubling array briefly holds old + new, 3× its data, and keeps up to half
 * of it spare; on liechtenstein that transient was the import's live peak). Extracts are usually sorted by id
 * (then lookup is a binary search on the ids themselves); unsorted files (e.g. moscow.osm.gz) get a sorted
 * permutation once. Ids are stored as float64: OSM ids exceed 2^32 but stay far below 2^53.
 */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
const FIRST = 1024;

/** Read access by position: a Column or a plain typed array wrapped. */
export interface NumberSource {
  get(i: number): number;
}

export class Column implements NumberSource {
  private readonly chunks: (Int32Array | Float64Array)[] = [];
  length = 0;

  constructor(private readonly type: 'int32' | 'float64') {}

  push(v: number): number {
    const n = this.length;
    const c = n >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push(this.make(c === 0 ? FIRST : CHUNK));
    else if (c === 0 && n === this.chunks[0].length) {
      // The first chunk starts small and doubles up to full size, so a small file holds small columns.
      const bigger = this.make(n * 2);
      bigger.set(this.chunks[0]);
      this.chunks[0] = bigger;
    }
    this.chunks[c][n & MASK] = v;
    return this.length++;
  }

  private make(size: number): Int32Array | Float64Array {
    return this.type === 'int32' ? new Int32Array(size) : new Float64Array(size);
  }

  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS][i & MASK];
  }

  set(i: number, v: number): void {
    this.chunks[i >>> CHUNK_BITS][i & MASK] = v;
  }
}

export class IdIndex {
  readonly ids = new Column('float64');
  private sorted = true;
  private order: Int32Array | null = null;

  get count(): number {
    return this.ids.length;
  }

  push(id: number): number {
    const n = this.ids.length;
    if (n > 0 && id <= this.ids.get(n - 1)) this.sorted = false;
    return this.ids.push(id);
  }

  /** Call once after the last push: prepares lookups. */
  seal(): void {
    if (!this.sorted) {
      const ids = this.ids;
      this.order = Int32Array.from({ length: this.count }, (_, i) => i).sort((a, b) => ids.get(a) - ids.get(b));
    }
  }

  /** Position of `id`, or -1 when the file does not hold it. */
  indexOf(id: number): number {
    const ids = this.ids;
    const order = this.order;
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const pos = order ? order[mid] : mid;
      const v = ids.get(pos);
      if (v === id) return pos;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
