/** Glue from access results to suggestSites: who is unserved, and whom a candidate would serve. */
import type { CategoryAccess, HomeTable } from '../model';
import { createWeightCache } from '../rules/bands';
import type { AgeBandSpec } from '../rules/schema';

/**
 * Children of the bands in homes farther than `thresholdM` from the category (unreachable included).
 * `homeMask` (1 = consider) restricts it, e.g. to the homes of one failing unit.
 */
export function uncoveredWeightFromAccess(
  homes: HomeTable, access: CategoryAccess, ageBand: AgeBandSpec, thresholdM: number, homeMask?: Uint8Array,
): Float64Array {
  const w = createWeightCache(homes)(ageBand);
  const out = new Float64Array(w.length);
  for (let h = 0; h < w.length; h++) {
    if (homeMask && !homeMask[h]) continue;
    if (!(access.walkingM[h] <= thresholdM) && w[h] > 0) out[h] = w[h];
  }
  return out;
}

/** Children of the bands in the listed homes only (a gap record's `uncovered_homes`). */
export function uncoveredWeightFromHomes(homes: HomeTable, ageBand: AgeBandSpec, homeIdx: Int32Array): Float64Array {
  const w = createWeightCache(homes)(ageBand);
  const out = new Float64Array(w.length);
  for (const h of homeIdx) out[h] = w[h];
  return out;
}

/**
 * coverageOf from per-candidate walking distances to every home (e.g. one bounded Dijkstra per candidate).
 * Rows are fetched lazily; suggestSites asks for each candidate once.
 */
export function candidateCoverageFromDistances(
  distancesOf: (candidateIdx: number) => ArrayLike<number>, thresholdM: number,
): (candidateIdx: number) => Int32Array {
  return (c) => {
    const d = distancesOf(c);
    const idx: number[] = [];
    for (let h = 0; h < d.length; h++) if (d[h] <= thresholdM) idx.push(h);
    return Int32Array.from(idx);
  };
}

/** Children of `weight` whose homes are in none of the chosen candidates' coverage (for what-if checks). */
export function remainingUncovered(
  weight: Float64Array, chosen: readonly number[], coverageOf: (candidateIdx: number) => Int32Array,
): number {
  const covered = new Uint8Array(weight.length);
  for (const c of chosen) for (const h of coverageOf(c)) covered[h] = 1;
  let s = 0;
  for (let h = 0; h < weight.length; h++) if (!covered[h] && weight[h] > 0) s += weight[h];
  return s;
}
