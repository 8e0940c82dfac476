/**
 * Turn-aware least-cost search (safe-routes contract, "Where a route crosses"): the crossing penalty at a
 * vertex depends on the ways before and after it, so the search labels directed edges (the state "arrived at
 * v along segment s"), not nodes, over the network's own CSR — no line graph is built. Moving on from a
 * state never re-enters its own segment (no U-turns).
 *
 * A search runs from the schools' snapped points outward (costs are symmetric: walking a route backwards
 * crosses the same roads) and stops as soon as every target point (the homes) is final; without targets
 * it labels every reachable state.
 *
 * Most vertices are the inside of a way: two segments, no road to cross. A state arriving at such a vertex
 * has exactly one move (on along the way, at no penalty), so the search walks those chains straight from
 * the state it pops instead of queueing every step; only states ending at a junction or a crossing go
 * through the heap. Each chain state gets the same cost, as the same sum in the same order, as if it had
 * been queued: the walk is Dijkstra's own relaxation, done eagerly where there is nothing to choose.
 */
import { DistHeap } from '../access/dist-heap';
import type { CancelToken } from '../jobs';
import type { CostGraph } from './cost-graph';

/** A point on the network: position t on segment, plus metres already walked to reach it (its snap leg). */
export interface Attach {
  readonly segment: number;
  readonly t: number;
  readonly offsetM: number;
}

/** A target point belonging to target `target` (a home may have several attachments). */
export interface TargetAttach extends Attach {
  readonly target: number;
}

export interface SearchResult {
  /** Least cost of each target (both snap legs included); Infinity when unreached. */
  readonly cost: Float64Array;
  /** The state (directed edge) the target was entered from, or -1 - k when reached directly from source k. */
  readonly via: Int32Array;
  /** Index into the targets list of the attachment reached. */
  readonly entry: Int32Array;
}

/** Crossing PLTS at v between identities ia and ib (crossings.ts `crossingPltsAt`, inlined for the hot loop). */
function crossingPlts(g: CostGraph, v: number, ia: number, ib: number): number {
  const { nodeRoadOffsets, roadIdentity, roadPlts } = g.crossing;
  let best = 0;
  for (let r = nodeRoadOffsets[v]!, end = nodeRoadOffsets[v + 1]!; r < end; r++) {
    const id = roadIdentity[r]!;
    if (id !== ia && id !== ib && roadPlts[r]! > best) best = roadPlts[r]!;
  }
  return best;
}

/** Reusable buffers for many searches over one cost graph. */
export class TurnSearch {
  readonly dist: Float64Array;
  /** Previous state of each state; -1 - k for a state seeded from source k. */
  readonly pred: Int32Array;
  /** Index of the source each labelled state's route starts from (valid where dist is finite). */
  readonly root: Int32Array;
  private readonly settled: Uint8Array;
  private readonly nodeHead: Int32Array;
  private readonly heapCapacity: number;
  private heap: DistHeap | null = null;
  private heapSize = 0;
  /** The one state that follows each state inside a chain (its head has two segments and no turn cost); -1 at a junction. */
  private readonly chainNext: Int32Array;

  constructor(readonly g: CostGraph) {
    const { offsets, nodeCount, targets: heads, edgeSegment } = g.net;
    const edges = heads.length;
    this.dist = new Float64Array(edges);
    this.pred = new Int32Array(edges);
    this.root = new Int32Array(edges);
    this.settled = new Uint8Array(edges);
    this.nodeHead = new Int32Array(nodeCount).fill(-1);
    this.chainNext = new Int32Array(edges).fill(-1);
    for (let e = 0; e < edges; e++) {
      const v = heads[e]!;
      const first = offsets[v]!;
      if (offsets[v + 1]! - first !== 2 || g.nodeTurnCost[v] === 1) continue;
      const se = edgeSegment[e]!;
      const a = edgeSegment[first]!;
      const b = edgeSegment[first + 1]!;
      // Exactly one of the two leaves on the segment just walked (a loop segment on both: a dead end).
      if (a === se && b !== se) this.chainNext[e] = first + 1;
      else if (b === se && a !== se) this.chainNext[e] = first;
    }
    // Each improvement pushes once: a state that does not walk on along a chain is expanded once and
    // pushes at most one entry per edge leaving its head; plus the seeds.
    let transitions = 0;
    for (let e = 0; e < edges; e++) {
      if (this.chainNext[e]! < 0) transitions += offsets[heads[e]! + 1]! - offsets[heads[e]!]!;
    }
    this.heapCapacity = transitions + 16;
  }

  run(sources: readonly Attach[], targets: readonly TargetAttach[], targetCount: number, cancel?: CancelToken): SearchResult {
    const g = this.g;
    const { offsets, targets: heads, edgeSegment, segA, segB, segLengthM } = g.net;
    const { edgeCost, segIdentity, segMult, segEdgeAB, segEdgeBA, penaltyM } = g;
    const { nodeTurnCost } = g;
    const { dist, pred, root, settled, nodeHead, chainNext } = this;
    dist.fill(Number.POSITIVE_INFINITY);
    settled.fill(0);
    // One heap for all runs (a lazy-deletion heap is empty again when a run ends or is reset).
    if (!this.heap || this.heapSize < this.heapCapacity + 2 * sources.length) {
      this.heapSize = this.heapCapacity + 2 * sources.length;
      this.heap = new DistHeap(this.heapSize);
    }
    const heap = this.heap;
    heap.size = 0;
    const cost = new Float64Array(targetCount).fill(Number.POSITIVE_INFINITY);
    const via = new Int32Array(targetCount).fill(-1);
    const entry = new Int32Array(targetCount).fill(-1);

    const seed = (e: number, d: number, k: number): void => {
      if (d < dist[e]!) {
        dist[e] = d;
        pred[e] = -1 - k;
        root[e] = k;
        heap.push(d, e);
      }
    };
    sources.forEach((src, k) => {
      const s = src.segment;
      const w = segLengthM[s]! * segMult[s]!;
      seed(segEdgeAB[s]!, src.offsetM + (1 - src.t) * w, k);
      seed(segEdgeBA[s]!, src.offsetM + src.t * w, k);
    });

    // Target attachments hang off both ends of their segment (a linked list per node, reset at the end),
    // read from typed arrays in the hot loop: entry h = 2 j + end is attachment j seen from its segment's end.
    const m = targets.length;
    const next = new Int32Array(2 * m).fill(-1);
    const tgSegment = new Int32Array(m);
    const tgTarget = new Int32Array(m);
    const tgOffset = new Float64Array(m);
    const tgLeg = new Float64Array(2 * m); // the part of the segment walked from that end, costed
    const sourcesOn = new Map<number, number[]>();
    sources.forEach((src, k) => sourcesOn.set(src.segment, [...(sourcesOn.get(src.segment) ?? []), k]));
    for (let j = 0; j < m; j++) {
      const tg = targets[j]!;
      const s = tg.segment;
      tgSegment[j] = s;
      tgTarget[j] = tg.target;
      tgOffset[j] = tg.offsetM;
      tgLeg[2 * j] = tg.t * segLengthM[s]! * segMult[s]!;
      tgLeg[2 * j + 1] = (1 - tg.t) * segLengthM[s]! * segMult[s]!;
      for (let end = 0; end < 2; end++) {
        const v = end === 0 ? segA[s]! : segB[s]!;
        next[2 * j + end] = nodeHead[v]!;
        nodeHead[v] = 2 * j + end;
      }
      // Two points on one segment may be joined along it directly.
      for (const k of sourcesOn.get(s) ?? []) {
        const src = sources[k]!;
        const d = src.offsetM + Math.abs(src.t - tg.t) * segLengthM[s]! * segMult[s]! + tg.offsetM;
        if (d < cost[tg.target]!) {
          cost[tg.target] = d;
          via[tg.target] = -1 - k;
          entry[tg.target] = j;
        }
      }
    }

    let unreached = 0;
    for (let i = 0; i < targetCount; i++) if (cost[i] === Number.POSITIVE_INFINITY) unreached++;
    let maxCost = Number.NaN;
    let pops = 0;
    while (heap.size > 0) {
      let du = heap.topKey();
      let e = heap.pop();
      if (settled[e] === 1 || du > dist[e]!) continue;
      // Every later state costs at least du: targets whose cost is ≤ du are final. Costs only fall, so a
      // maximum computed a few hundred pops ago is an upper bound and stopping on it is never early.
      if (unreached === 0 && targetCount > 0) {
        if ((pops & 255) === 0 || Number.isNaN(maxCost)) {
          maxCost = 0;
          for (let i = 0; i < targetCount; i++) if (cost[i]! > maxCost) maxCost = cost[i]!;
        }
        if (du >= maxCost) break;
      }
      settled[e] = 1;
      if ((++pops & 0xfff) === 0) cancel?.check();
      const k = root[e]!;
      let v: number;
      let se: number;
      // Settle e, then walk on while the only move is along the chain and improves the next state.
      for (;;) {
        v = heads[e]!;
        se = edgeSegment[e]!;
        if (nodeHead[v]! >= 0) {
          const ia = segIdentity[se]!;
          const hasRoads = nodeTurnCost[v] === 1;
          for (let h = nodeHead[v]!; h >= 0; h = next[h]!) {
            const j = h >> 1;
            const s2 = tgSegment[j]!;
            if (s2 === se) continue; // that would turn back on the segment just walked
            const pen = hasRoads ? penaltyM[crossingPlts(g, v, ia, segIdentity[s2]!)]! : 0;
            const d = du + pen + tgLeg[h]! + tgOffset[j]!;
            const i = tgTarget[j]!;
            if (d < cost[i]!) {
              if (cost[i] === Number.POSITIVE_INFINITY) unreached--;
              cost[i] = d;
              via[i] = e;
              entry[i] = j;
            }
          }
        }
        const f = chainNext[e]!;
        if (f < 0) break;
        // No penalty inside a chain: du + 0 + edgeCost, as the junction step below adds it.
        const d = du + edgeCost[f]!;
        if (!(d < dist[f]!)) break; // f is as cheap already: whoever set it walks on (or has)
        dist[f] = d;
        pred[f] = e;
        root[f] = k;
        settled[f] = 1;
        e = f;
        du = d;
      }
      if (chainNext[e]! >= 0) continue;
      const ia = segIdentity[se]!;
      const hasRoads = nodeTurnCost[v] === 1;
      for (let f = offsets[v]!, end = offsets[v + 1]!; f < end; f++) {
        const sf = edgeSegment[f]!;
        if (sf === se) continue;
        const pen = hasRoads ? penaltyM[crossingPlts(g, v, ia, segIdentity[sf]!)]! : 0;
        const d = du + pen + edgeCost[f]!;
        if (d < dist[f]!) {
          dist[f] = d;
          pred[f] = e;
          root[f] = k;
          heap.push(d, f);
        }
      }
    }
    for (let j = 0; j < m; j++) {
      nodeHead[segA[tgSegment[j]!]!] = -1;
      nodeHead[segB[tgSegment[j]!]!] = -1;
    }
    return { cost, via, entry };
  }
}

/** Crossing PLTS at v between the ways of segments s1 and s2 (for walking a found route). */
export function crossingPltsBetween(g: CostGraph, v: number, s1: number, s2: number): number {
  return crossingPlts(g, v, g.segIdentity[s1]!, g.segIdentity[s2]!);
}

/** Crossing PLTS at v between road identities ia and ib. */
export const crossingPltsAtIds = crossingPlts;
