/**
 * Whom a candidate site would serve: the homes whose walking distance from it (home snap leg + network
 * distance + candidate snap leg, access-contract.md) is within the threshold. One search bounded by the
 * threshold per candidate, read at the homes exactly as computeCategoryAccess reads a facility's search,
 * so a site's coverage is what a rerun with the site as a facility would find.
 */
import { multiSourceDistances, nearestFromSnap, sourcesBySegment, type NetworkSource } from '../access';
import type { CancelToken } from '../jobs';
import type { PedestrianNetwork, SnapResult } from '../network';

/**
 * Indexes (from `homes`) of the listed homes within `thresholdM` of the candidate snapped as `snap[c]`;
 * empty for a candidate that is not connected.
 */
export function networkCoverage(
  net: PedestrianNetwork,
  homeSnap: SnapResult,
  homes: Int32Array,
  candidateSnap: SnapResult,
  c: number,
  thresholdM: number,
  cancel?: CancelToken,
): Int32Array {
  const segment = candidateSnap.segment[c];
  if (segment < 0) return new Int32Array(0);
  const sources: NetworkSource[] = [{ segment, t: candidateSnap.t[c], offsetM: candidateSnap.snapM[c] }];
  const { dist, source } = multiSourceDistances(net, sources, thresholdM, cancel);
  const bySegment = sourcesBySegment(sources);
  const out: number[] = [];
  for (const h of homes) {
    const s = homeSnap.segment[h];
    if (s < 0) continue;
    const r = nearestFromSnap(net, dist, source, sources, bySegment, s, homeSnap.t[h]);
    if (r.sourceIdx >= 0 && homeSnap.snapM[h] + r.distM <= thresholdM) out.push(h);
  }
  return Int32Array.from(out);
}
