/**
 * Walking a found route back from its target to its source: its length, its worst segment and crossing,
 * the crossings of PLTS ≥ 3, and which stressful ways and crossings it uses (for hotspots). A route's
 * segments include its two snapped segments, even where only 0 m of one is walked (the contract: a point
 * on a vertex is still a point of its segment).
 */
import type { CostGraph } from './cost-graph';
import { crossingPltsBetween, type Attach, type SearchResult, type TargetAttach } from './turn-search';

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

export function walkRoute(g: CostGraph, pred: Int32Array, sources: readonly Attach[], targets: readonly TargetAttach[], result: SearchResult,
  target: number, unsafePlts: number, keepSegments = false): RouteFacts | null {
  const via = result.via[target]!;
  const j = result.entry[target]!;
  if (j < 0) return null;
  const { segLengthM, segA, targets: heads, edgeSegment, segWay } = g.net;
  const tg = targets[j]!;
  const facts: RouteFacts = { lengthM: tg.offsetM, maxSegmentPlts: 0, maxCrossingPlts: 0, stressfulCrossings: 0, stressfulWays: [], stressfulAt: [], segments: [], source: -1 };
  let seen: Set<number> | null = null;
  const useSegment = (s: number, metres: number): void => {
    facts.lengthM += metres;
    if (keepSegments) facts.segments.push(s);
    const p = g.segPlts[s]!;
    if (p > facts.maxSegmentPlts) facts.maxSegmentPlts = p;
    const way = segWay[s]!;
    if (p >= unsafePlts && !(seen ??= new Set()).has(way)) {
      seen.add(way);
      facts.stressfulWays.push(way);
    }
  };
  const cross = (v: number, segIn: number, segOut: number): void => {
    const p = crossingPltsBetween(g, v, segIn, segOut);
    if (p > facts.maxCrossingPlts) facts.maxCrossingPlts = p;
    if (p >= unsafePlts) {
      facts.stressfulCrossings++;
      facts.stressfulAt.push({ node: v, plts: p, segIn, segOut });
    }
  };
  if (via < 0) {
    const src = sources[-1 - via]!;
    useSegment(tg.segment, Math.abs(src.t - tg.t) * segLengthM[tg.segment]!);
    facts.lengthM += src.offsetM;
    facts.source = -1 - via;
    return facts;
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
      useSegment(se, (e === g.segEdgeAB[se] ? 1 - src.t : src.t) * segLengthM[se]!);
      facts.lengthM += src.offsetM;
      facts.source = -1 - p;
      return facts;
    }
    useSegment(se, segLengthM[se]!);
    cross(g.edgeTail[e]!, edgeSegment[p]!, se);
    e = p;
  }
}
