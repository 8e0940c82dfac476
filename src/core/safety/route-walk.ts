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

/** A route's facts while it is walked (module-level helpers, no closures: one walk per home). */
interface Walk {
  facts: RouteFacts;
  lastWay: number;
  keepSegments: boolean;
  unsafePlts: number;
}

function useSegment(g: CostGraph, w: Walk, s: number, metres: number): void {
  const facts = w.facts;
  facts.lengthM += metres;
  if (w.keepSegments) facts.segments.push(s);
  const p = g.segPlts[s]!;
  if (p > facts.maxSegmentPlts) facts.maxSegmentPlts = p;
  if (p >= w.unsafePlts) {
    const way = g.net.segWay[s]!;
    // Consecutive segments of one way are the common case; the list holds each way once.
    if (way !== w.lastWay && !facts.stressfulWays.includes(way)) facts.stressfulWays.push(way);
    w.lastWay = way;
  }
}

function cross(g: CostGraph, w: Walk, v: number, segIn: number, segOut: number): void {
  const p = crossingPltsAtIds(g, v, g.segIdentity[segIn]!, g.segIdentity[segOut]!);
  const facts = w.facts;
  if (p > facts.maxCrossingPlts) facts.maxCrossingPlts = p;
  if (p >= w.unsafePlts) {
    facts.stressfulCrossings++;
    facts.stressfulAt.push({ node: v, plts: p, segIn, segOut });
  }
}

/**
 * The facts of target `target`'s route in a finished search. It runs once per home over every segment of
 * its route (hundreds on a densely noded city), so the loop allocates nothing per step and skips the
 * crossing test at vertices with no car road (nothing is crossed there: PLTS 0). The length is summed in
 * the route's order, from the target back to the source.
 */
export function walkRoute(g: CostGraph, pred: Int32Array, sources: readonly Attach[], targets: readonly TargetAttach[], result: SearchResult,
  target: number, unsafePlts: number, keepSegments = false): RouteFacts | null {
  const via = result.via[target]!;
  const j = result.entry[target]!;
  if (j < 0) return null;
  const { segLengthM, segA, targets: heads, edgeSegment } = g.net;
  const { edgeTail, segEdgeAB } = g;
  const { nodeRoadOffsets } = g.crossing;
  const tg = targets[j]!;
  const facts: RouteFacts = { lengthM: tg.offsetM, maxSegmentPlts: 0, maxCrossingPlts: 0, stressfulCrossings: 0, stressfulWays: [], stressfulAt: [], segments: [], source: -1 };
  const w: Walk = { facts, lastWay: -1, keepSegments, unsafePlts };
  const crossAll = unsafePlts <= 0;
  if (via < 0) {
    const src = sources[-1 - via]!;
    useSegment(g, w, tg.segment, Math.abs(src.t - tg.t) * segLengthM[tg.segment]!);
    facts.lengthM += src.offsetM;
    facts.source = -1 - via;
    return facts;
  }
  let e = via;
  const v = heads[e]!;
  useSegment(g, w, tg.segment, (v === segA[tg.segment] ? tg.t : 1 - tg.t) * segLengthM[tg.segment]!);
  if (crossAll || nodeRoadOffsets[v] !== nodeRoadOffsets[v + 1]) cross(g, w, v, tg.segment, edgeSegment[e]!);
  for (;;) {
    const se = edgeSegment[e]!;
    const p = pred[e]!;
    if (p < 0) {
      const src = sources[-1 - p]!;
      useSegment(g, w, se, (e === segEdgeAB[se] ? 1 - src.t : src.t) * segLengthM[se]!);
      facts.lengthM += src.offsetM;
      facts.source = -1 - p;
      return facts;
    }
    useSegment(g, w, se, segLengthM[se]!);
    const u = edgeTail[e]!;
    if (crossAll || nodeRoadOffsets[u] !== nodeRoadOffsets[u + 1]) cross(g, w, u, edgeSegment[p]!, se);
    e = p;
  }
}
