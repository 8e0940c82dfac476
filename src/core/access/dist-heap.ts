/**
 * Binary min-heap of (distance, node) entries with the keys stored inline (no indirection through a
 * distance array on every comparison) and lazy deletion: a node whose distance drops is pushed again, and
 * the stale entry is skipped when popped. Typed arrays only, sized once per search.
 */
export class DistHeap {
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk <= key) break;
      keys[i] = pk;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Key of the top entry (the heap must not be empty). */
  topKey(): number {
    return this.keys[0]!;
  }

  /** Removes the top entry and returns its node. */
  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0]!;
    const n = --this.size;
    if (n > 0) {
      const key = keys[n]!;
      const node = nodes[n]!;
      let i = 0;
      const half = n >> 1;
      while (i < half) {
        let child = 2 * i + 1;
        let ck = keys[child]!;
        const right = child + 1;
        if (right < n) {
          const rk = keys[right]!;
          if (rk < ck) {
            child = right;
            ck = rk;
          }
        }
        if (ck >= key) break;
        keys[i] = ck;
        nodes[i] = nodes[child]!;
        i = child;
      }
      keys[i] = key;
      nodes[i] = node;
    }
    return top;
  }

  /** Nodes of the entries still queued (stale ones included). */
  remaining(): Int32Array {
    return this.nodes.subarray(0, this.size);
  }
}
