/**
 * Seeded randomness for the demo generator. Never Math.random: the committed demo must be reproducible
 * byte for byte from its seed.
 */

/** 32-bit FNV-1a of a string, used to derive independent streams from one seed. */
export function hashString(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for layout noise. */
export class Rng {
  private state: number;
  private readonly origin: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
    this.origin = this.state;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Rounds x up or down so that the expected value is x (keeps totals unbiased). */
  roundStochastic(x: number): number {
    const f = Math.floor(x);
    return f + (this.next() < x - f ? 1 : 0);
  }

  /**
   * An independent stream named by `label`: a part of the layout draws from its own stream, so changing
   * how much one part consumes does not reshuffle the others.
   */
  fork(label: string): Rng {
    return new Rng(hashString(label, hashString(String(this.origin))));
  }
}

export const createRng = (seed: number): Rng => new Rng(seed);
