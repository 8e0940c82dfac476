/**
 * How many children (and homes) reach a category within a threshold in one run: the figure a proposal's
 * before → after shows. Children are summed over the coverage level that leaves the fewest homes outside
 * its units (each home counted once); homes come from the per-home walking distances, so a run without
 * units still answers.
 */
import { AGE_BANDS } from '../model';
import { withinAt } from '../coverage/level-index';
import type { AccessAnalysisResult } from './types';

export interface Reached {
  readonly category: string;
  readonly thresholdM: number;
  /** Homes whose walking distance is within the threshold. */
  readonly homes: number;
  /** Children within the threshold, or null when the run has no coverage level. */
  readonly children: number | null;
}

export function reachedWithin(result: AccessAnalysisResult, category: string, thresholdIdx: number): Reached | null {
  const cat = result.categories.find((c) => c.category === category);
  const thresholdM = result.thresholdsM[thresholdIdx];
  if (!cat || thresholdM === undefined) return null;
  let homes = 0;
  for (const m of cat.walkingM) if (m <= thresholdM) homes++;
  let best: (typeof result.coverage)[number] | null = null;
  for (const lc of result.coverage) if (lc.categories.includes(category) && (!best || lc.outsideHomes < best.outsideHomes)) best = lc;
  let children: number | null = null;
  if (best) {
    const c = best.categories.indexOf(category);
    const T = best.thresholdsM.length;
    const t = best.thresholdsM.indexOf(thresholdM);
    if (t >= 0) {
      children = 0;
      for (let u = 0; u < best.unitCount; u++) {
        for (let b = 0; b < AGE_BANDS.length; b++) children += best.childrenWithin[withinAt(best.unitCount, T, c, u, b, t)]!;
      }
    }
  }
  return { category, thresholdM, homes, children };
}
