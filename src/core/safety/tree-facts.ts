/**
 * The facts of many routes found by one search (route-walk.ts's RouteFacts), without walking each route:
 * the routes share the search's tree (pred), so each state's facts (length back to the source, worst
 * segment and crossing, stressful crossings) are its predecessor's plus its own step, computed once per
 * state and search. The stressful ways and crossings are linked lists through the tree (each state points
 * at the nearest state towards the source that adds one), so a home's lists cost only their own length.
 * On the demo city (4 m segments) this replaces a walk of each home's whole route, ~250 segments, by one
 * step per state of the tree.
 *
 * Same facts as walkRoute, in the same order; the length is summed from the source outwards instead of from
 * the home inwards, so it may differ from walkRoute's in the last bits (1e-12 m), never more.
 */
import type { CostGraph } from './cost-graph';
import { walkRoute, type RouteFacts } from './route-walk';
import { crossingPltsAtIds, type Attach, type SearchResult, type TargetAttach, type TurnSearch } from './turn-search';

export class TreeFacts {
  /** Search number each state's facts were computed for (0: never). */
  private readonly stamp: Int32Array;
  private run = 0;
  /** Per state: length from the source to its head (legs and the source's partial segment included). */
  private readonly len: Float64Array;
  private readonly maxSeg: Uint8Array;
  private readonly maxCross: Uint8Array;
  private readonly n3: Int32Array;
  /** Crossing PLTS at the state's tail (between its predecessor's segment and its own; 0 at a seed). */
  private readonly crossAt: Uint8Array;
  /** Nearest state at or before this one that starts a stretch of a stressful way / has a stressful crossing; -1 if none. */
  private readonly wayItem: Int32Array;
  private readonly crossItem: Int32Array;
  private readonly stack: Int32Array;

  constructor(readonly g: CostGraph, readonly unsafePlts: number) {
    const edges = g.net.targets.length;
    this.stamp = new Int32Array(edges);
    this.len = new Float64Array(edges);
    this.maxSeg = new Uint8Array(edges);
    this.maxCross = new Uint8Array(edges);
    this.n3 = new Int32Array(edges);
    this.crossAt = new Uint8Array(edges);
    this.wayItem = new Int32Array(edges);
    this.crossItem = new Int32Array(edges);
    this.stack = new Int32Array(edges);
  }

  /** Starts a new search's facts (the previous search's are forgotten). */
  next(): void {
    this.run++;
  }

  /** Crossing PLTS at v between segments s1 and s2; vertices without a car road cross nothing (0). */
  private crossing(v: number, s1: number, s2: number): number {
    const { nodeRoadOffsets } = this.g.crossing;
    if (nodeRoadOffsets[v] === nodeRoadOffsets[v + 1]) return 0;
    return crossingPltsAtIds(this.g, v, this.g.segIdentity[s1]!, this.g.segIdentity[s2]!);
  }

  /** Computes the facts of state e and of every state before it that still lacks them. */
  private ensure(search: TurnSearch, sources: readonly Attach[], e: number): void {
    const { stamp, stack, len, maxSeg, maxCross, n3, crossAt, wayItem, crossItem, run, unsafePlts } = this;
    const { pred } = search;
    const { edgeSegment, segLengthM, segWay } = this.g.net;
    const { segPlts, edgeTail, segEdgeAB } = this.g;
    let top = 0;
    for (let x = e; x >= 0 && stamp[x] !== run; x = pred[x]!) stack[top++] = x;
    while (top > 0) {
      const x = stack[--top]!;
      stamp[x] = run;
      const sx = edgeSegment[x]!;
      const sp = segPlts[sx]!;
      const p = pred[x]!;
      if (p < 0) {
        const src = sources[-1 - p]!;
        len[x] = (x === segEdgeAB[sx] ? 1 - src.t : src.t) * segLengthM[sx]! + src.offsetM;
        maxSeg[x] = sp;
        maxCross[x] = 0;
        n3[x] = 0;
        crossAt[x] = 0;
        crossItem[x] = -1;
        wayItem[x] = sp >= unsafePlts ? x : -1;
        continue;
      }
      const sprev = edgeSegment[p]!;
      const c = this.crossing(edgeTail[x]!, sprev, sx);
      len[x] = segLengthM[sx]! + len[p]!;
      maxSeg[x] = Math.max(maxSeg[p]!, sp);
      maxCross[x] = Math.max(maxCross[p]!, c);
      n3[x] = n3[p]! + (c >= unsafePlts ? 1 : 0);
      crossAt[x] = c;
      crossItem[x] = c >= unsafePlts ? x : crossItem[p]!;
      // A way is listed once per stretch: the state where the route (towards the source) enters it.
      wayItem[x] = sp >= unsafePlts && segWay[sprev] !== segWay[sx] ? x : wayItem[p]!;
    }
  }

  /** The facts of target `target`'s route in `search`'s last run (null when unreached). */
  facts(search: TurnSearch, sources: readonly Attach[], targets: readonly TargetAttach[], result: SearchResult, target: number): RouteFacts | null {
    const via = result.via[target]!;
    const j = result.entry[target]!;
    if (j < 0) return null;
    // Reached along its own segment: nothing to share.
    if (via < 0) return walkRoute(this.g, search.pred, sources, targets, result, target, this.unsafePlts);
    this.ensure(search, sources, via);
    const { segLengthM, segA, targets: heads, edgeSegment, segWay } = this.g.net;
    const { pred } = search;
    const unsafe = this.unsafePlts;
    const tg = targets[j]!;
    const v = heads[via]!;
    const sv = edgeSegment[via]!;
    const tp = this.g.segPlts[tg.segment]!;
    const c0 = this.crossing(v, tg.segment, sv);
    const stressfulWays: number[] = [];
    if (tp >= unsafe) stressfulWays.push(segWay[tg.segment]!);
    for (let x = this.wayItem[via]!; x >= 0; x = pred[x]! >= 0 ? this.wayItem[pred[x]!]! : -1) {
      const way = segWay[edgeSegment[x]!]!;
      if (!stressfulWays.includes(way)) stressfulWays.push(way);
    }
    const stressfulAt: RouteFacts['stressfulAt'] = [];
    if (c0 >= unsafe) stressfulAt.push({ node: v, plts: c0, segIn: tg.segment, segOut: sv });
    for (let x = this.crossItem[via]!; x >= 0; x = this.crossItem[pred[x]!]!) {
      stressfulAt.push({ node: this.g.edgeTail[x]!, plts: this.crossAt[x]!, segIn: edgeSegment[pred[x]!]!, segOut: edgeSegment[x]! });
    }
    return {
      lengthM: tg.offsetM + (v === segA[tg.segment] ? tg.t : 1 - tg.t) * segLengthM[tg.segment]! + this.len[via]!,
      maxSegmentPlts: Math.max(tp, this.maxSeg[via]!),
      maxCrossingPlts: Math.max(c0, this.maxCross[via]!),
      stressfulCrossings: (c0 >= unsafe ? 1 : 0) + this.n3[via]!,
      stressfulWays, stressfulAt, segments: [], source: search.root[via]!,
    };
  }
}
