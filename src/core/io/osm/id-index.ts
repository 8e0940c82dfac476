/**
 * Growable columns of OSM ids with lookup id → position. Extracts are usually sorted by id (then lookup is a
 * binary search on the ids themselves); unsorted files (e.g. moscow.osm.gz) get a sorted permutation once.
 * Ids are stored as float64: OSM ids exceed 2^32 but stay far below 2^53.
 */
export class IdIndex {
  ids = new Float64Array(1024);
  count = 0;
  private sorted = true;
  private order: Int32Array | null = null;

  push(id: number): number {
    if (this.count === this.ids.length) this.ids = grow(this.ids, this.count * 2);
    if (this.count > 0 && id <= this.ids[this.count - 1]) this.sorted = false;
    this.ids[this.count] = id;
    return this.count++;
  }

  /** Call once after the last push: prepares lookups (the spare capacity stays; the store drops ids soon after). */
  seal(): void {
    if (!this.sorted) {
      const ids = this.ids;
      this.order = Int32Array.from({ length: this.count }, (_, i) => i).sort((a, b) => ids[a] - ids[b]);
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
      const v = ids[pos];
      if (v === id) return pos;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

export function grow<T extends Float64Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
