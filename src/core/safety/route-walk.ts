/**
 * Walking a found route back from its target to its source: its length, its worst segment and crossing,
 * the crossings of PLTS ≥ 3, and which stressful ways and crossings it uses (for hotspots). A route's
 * segments include its two snapped segments, even where only 0 m of one is walked (the contract: a point
 * on a vertex is still a point of its segment).
 */
import type { CostGraph } from './cost-graph';
import { crossingPltsAtIds, type Attach, type SearchResult, type TargetAttach } from './turn-search';

export interface RouteFacts {
  /** Legs included. */
  lengthM: number;
  maxSegmentPlts: number;
  maxCrossingPlts: number;
  /** Crossings of PLTS ≥ the profile's unsafe level. */
  stressfulCrossings: number;
  /** Street feature indexes of the ways of PLTS ≥ the unsafe level the route walks (each once). */
  readonly stressfulWays: number[];
  /** The stressful crossings: vertex and the segments before and after it (to name the crossed roads). */
  readonly stressfulAt: { node: number; plts: number; segIn: number; segOut: number }[];
  /** The segments walked, from the target to the source (only when asked for: they cost memory per home). */
  readonly segments: number[];
  /** Index of the source the route starts from. */
  source: number;
}

/**
 * The facts of target `target`'s route in a finished search. One tight loop over typed arrays: it runs once
 * per home over every segment of its route (hundreds on a densely noded city), so it allocates nothing per
 * step, skips the crossing test at vertices with no car road, and sums the length in the route's order
 * from the target back to the source.
 */
export function walkRoute(g: CostGraph, pred: Int32Array, sources: readonly Attach[], targets: readonly TargetAttach[], result: SearchResult,
  target: number, unsafePlts: number, keepSegments = false): RouteFacts | null {
  const via = result.via[target]!;
  const j = result.entry[target]!;
  if (j < 0) return null;
  const { segLengthM, segA, targets: heads, edgeSegment, segWay } = g.net;
  const { segPlts, segIdentity, edgeTail, segEdgeAB } = g;
  const { nodeRoadOffsets } = g.crossing;
  const tg = targets[j]!;
  const stressfulWays: number[] = [];
  const stressfulAt: RouteFacts['stressfulAt'] = [];
  const segments: number[] = [];
  let lengthM = tg.offsetM;
  let maxSegmentPlts = 0;
  let maxCrossingPlts = 0;
  let stressfulCrossings = 0;
  let lastWay = -1;
  // Crossing tests only where a car road meets the vertex (elsewhere nothing is crossed: PLTS 0).
  const crossAll = unsafePlts <= 0;
  const useSegment = (s: number, metres: number): void => {
    lengthM += metres;
    if (keepSegments) segments.push(s);
    const p = segPlts[s]!;
    if (p > maxSegmentPlts) maxSegmentPlts = p;
    if (p >= unsafePlts) {
      const way = segWay[s]!;
      if (way !== lastWay && !stressfulWays.includes(way)) stressfulWays.push(way);
      lastWay = way;
    }
  };
  const cross = (v: number, segIn: number, segOut: number): void => {
    if (!crossAll && nodeRoadOffsets[v] === nodeRoadOffsets[v + 1]) return;
    const p = crossingPltsAtIds(g, v, segIdentity[segIn]!, segIdentity[segOut]!);
    if (p > maxCrossingPlts) maxCrossingPlts = p;
    if (p >= unsafePlts) {
      stressfulCrossings++;
      stressfulAt.push({ node: v, plts: p, segIn, segOut });
    }
  };
  const done = (k: number): RouteFacts => ({ lengthM, maxSegmentPlts, maxCrossingPlts, stressfulCrossings, stressfulWays, stressfulAt, segments, source: k });
  if (via < 0) {
    const src = sources[-1 - via]!;
    useSegment(tg.segment, Math.abs(src.t - tg.t) * segLengthM[tg.segment]!);
    lengthM += src.offsetM;
    return done(-1 - via);
  }
  let e = via;
  const v = heads[e]!;
  useSegment(tg.segment, (v === segA[tg.segment] ? tg.t : 1 - tg.t) * segLengthM[tg.segment]!);
  cross(v, tg.segment, edgeSegment[e]!);
  for (;;) {
    const se = edgeSegment[e]!;
    const p = pred[e]!;
    if (p < 0) {
      const src = sources[-1 - p]!;
      useSegment(se, (e === segEdgeAB[se] ? 1 - src.t : src.t) * segLengthM[se]!);
      lengthM += src.offsetM;
      return done(-1 - p);
    }
    // The common step, inlined: a whole segment, then the vertex between it and the one before.
    lengthM += segLengthM[se]!;
    if (keepSegments) segments.push(se);
    const sp = segPlts[se]!;
    if (sp > maxSegmentPlts) maxSegmentPlts = sp;
    if (sp >= unsafePlts) {
      const way = segWay[se]!;
      if (way !== lastWay && !stressfulWays.includes(way)) stressfulWays.push(way);
      lastWay = way;
    }
    const u = edgeTail[e]!;
    if (crossAll || nodeRoadOffsets[u] !== nodeRoadOffsets[u + 1]) cross(u, edgeSegment[p]!, se);
    e = p;
  }
}
