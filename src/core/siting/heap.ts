/**
 * Max-heap of candidates keyed by (gain desc, candidate asc), with the round each gain was computed in.
 * The index tie-break makes lazy greedy pick exactly what plain greedy with lowest-index ties picks.
 */
export class GainHeap {
  private gain: number[] = [];
  private cand: number[] = [];
  private round: number[] = [];

  get size(): number {
    return this.cand.length;
  }

  push(gain: number, candidate: number, round: number): void {
    this.gain.push(gain);
    this.cand.push(candidate);
    this.round.push(round);
    this.up(this.cand.length - 1);
  }

  /** The top entry without removing it, or undefined when empty. */
  peek(): { gain: number; candidate: number; round: number } | undefined {
    return this.size ? { gain: this.gain[0], candidate: this.cand[0], round: this.round[0] } : undefined;
  }

  pop(): { gain: number; candidate: number; round: number } | undefined {
    const top = this.peek();
    if (!top) return undefined;
    const last = this.size - 1;
    this.swap(0, last);
    this.gain.pop();
    this.cand.pop();
    this.round.pop();
    this.down(0);
    return top;
  }

  private before(i: number, j: number): boolean {
    return this.gain[i] > this.gain[j] || (this.gain[i] === this.gain[j] && this.cand[i] < this.cand[j]);
  }

  private swap(i: number, j: number): void {
    [this.gain[i], this.gain[j]] = [this.gain[j], this.gain[i]];
    [this.cand[i], this.cand[j]] = [this.cand[j], this.cand[i]];
    [this.round[i], this.round[j]] = [this.round[j], this.round[i]];
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(i, p)) return;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < n && this.before(l, best)) best = l;
      if (r < n && this.before(r, best)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }
}
