/**
 * Where k new facilities would serve the most unserved children: greedy maximal covering, made lazy
 * (CELF): a candidate's gain can only shrink as sites are chosen (coverage is submodular), so a stale
 * gain is an upper bound and only the heap's top needs recomputing. Greedy is within (1 − 1/e) of the
 * optimum. The reported gain is the children newly covered by that site, given the ones chosen before.
 */
import type { CancelToken } from '../jobs';
import { GainHeap } from './heap';

export interface SuggestSitesInput {
  /** Children not served, per home (HomeTable index); non-positive and NaN weights count as 0. */
  readonly uncoveredWeight: Float64Array;
  /** Number of candidate sites; candidates are 0 … candidates − 1. */
  readonly candidates: number;
  /** Homes within the threshold of a candidate (called at most once per candidate). */
  readonly coverageOf: (candidateIdx: number) => Int32Array;
  readonly k: number;
  readonly cancel?: CancelToken;
}

export interface SiteSuggestion {
  readonly candidate: number;
  /** Children newly covered by this site. */
  readonly gain: number;
  /** Children covered by this site and all before it. */
  readonly cumulative: number;
}

/** Up to k suggestions, best first; stops early when no candidate covers anyone new. */
export function suggestSites({ uncoveredWeight: w, candidates, coverageOf, k, cancel }: SuggestSitesInput): SiteSuggestion[] {
  const covered = new Uint8Array(w.length);
  // Stamps de-duplicate a coverage list that names a home twice.
  const seen = new Int32Array(w.length).fill(-1);
  let stamp = 0;
  const cover: Int32Array[] = [];
  const gainOf = (c: number): number => {
    stamp++;
    let g = 0;
    for (const h of cover[c]) {
      if (h < 0 || h >= w.length || seen[h] === stamp) continue;
      seen[h] = stamp;
      if (!covered[h] && w[h] > 0) g += w[h];
    }
    return g;
  };
  const heap = new GainHeap();
  for (let c = 0; c < candidates; c++) {
    if (c % 1024 === 0) cancel?.check();
    cover.push(coverageOf(c));
    heap.push(gainOf(c), c, 0);
  }
  const out: SiteSuggestion[] = [];
  let cumulative = 0;
  for (let round = 0; out.length < k && heap.size > 0; ) {
    cancel?.check();
    const top = heap.pop()!;
    if (top.round !== round) {
      heap.push(gainOf(top.candidate), top.candidate, round);
      continue;
    }
    if (!(top.gain > 0)) break;
    for (const h of cover[top.candidate]) if (h >= 0 && h < w.length) covered[h] = 1;
    cumulative += top.gain;
    out.push({ candidate: top.candidate, gain: top.gain, cumulative });
    round++;
  }
  return out;
}
