/**
 * Indexed binary min-heap of node ids keyed by an external distance array, with decrease-key. Typed arrays
 * only, allocated once per search: no per-push objects, which is what makes Dijkstra fast in JS.
 */
export class NodeHeap {
  private readonly heap: Uint32Array;
  /** Position of each node in `heap`, -1 when absent. */
  private readonly pos: Int32Array;
  private size = 0;

  constructor(capacity: number, private readonly key: Float64Array) {
    this.heap = new Uint32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  get length(): number {
    return this.size;
  }

  has(node: number): boolean {
    return this.pos[node]! >= 0;
  }

  /** Inserts the node, or moves it up after its key decreased. */
  push(node: number): void {
    let i = this.pos[node]!;
    if (i < 0) {
      i = this.size++;
      this.heap[i] = node;
      this.pos[node] = i;
    }
    this.up(i);
  }

  pop(): number {
    const top = this.heap[0]!;
    this.pos[top] = -1;
    const last = this.heap[--this.size]!;
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  /** The nodes still queued (for clearing tentative distances after a cutoff). */
  remaining(): Uint32Array {
    return this.heap.subarray(0, this.size);
  }

  private up(i: number): void {
    const { heap, pos, key } = this;
    const node = heap[i]!;
    const k = key[node]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (key[p]! <= k) break;
      heap[i] = p;
      pos[p] = i;
      i = parent;
    }
    heap[i] = node;
    pos[node] = i;
  }

  private down(i: number): void {
    const { heap, pos, key } = this;
    const node = heap[i]!;
    const k = key[node]!;
    const half = this.size >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right < this.size && key[heap[right]!]! < key[heap[child]!]!) child = right;
      const c = heap[child]!;
      if (key[c]! >= k) break;
      heap[i] = c;
      pos[c] = i;
      i = child;
    }
    heap[i] = node;
    pos[node] = i;
  }
}
