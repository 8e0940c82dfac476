/**
 * Open-addressing hash map from a pair of 32-bit integers to a non-negative integer, on typed arrays: the
 * network build looks up every street vertex and every vertex pair in it, and string keys in a Map cost
 * an allocation and a string hash each time.
 */
const EMPTY = -1;

export class IntPairMap {
  private keyA: Int32Array;
  private keyB: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.keyA = new Int32Array(cap);
    this.keyB = new Int32Array(cap);
    this.values = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 16), 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h & this.mask;
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const { keyA, keyB, values, mask } = this;
    for (let i = this.slot(a, b); ; i = (i + 1) & mask) {
      const v = values[i]!;
      if (v === EMPTY || (keyA[i] === a && keyB[i] === b)) return v;
    }
  }

  /** Stores `value` (≥ 0) for (a, b) unless a value is there; returns the value that was there, or -1. */
  getOrSet(a: number, b: number, value: number): number {
    const { keyA, keyB, values, mask } = this;
    let i = this.slot(a, b);
    for (; ; i = (i + 1) & mask) {
      const v = values[i]!;
      if (v === EMPTY) break;
      if (keyA[i] === a && keyB[i] === b) return v;
    }
    keyA[i] = a;
    keyB[i] = b;
    values[i] = value;
    if (++this.count * 2 > values.length) this.grow();
    return EMPTY;
  }

  private grow(): void {
    const { keyA, keyB, values } = this;
    const cap = values.length * 2;
    this.keyA = new Int32Array(cap);
    this.keyB = new Int32Array(cap);
    this.values = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === EMPTY) continue;
      let j = this.slot(keyA[i]!, keyB[i]!);
      while (this.values[j] !== EMPTY) j = (j + 1) & this.mask;
      this.keyA[j] = keyA[i]!;
      this.keyB[j] = keyB[i]!;
      this.values[j] = values[i]!;
    }
  }
}
