/**
 * Multi-source Dijkstra over the CSR network. A source sits at position t on a segment (a, b) and carries an
 * offset (its snap leg): it reaches a at offset + t·len and b at offset + (1 − t)·len. Every node gets the
 * distance to its nearest source, which source attains it (the lowest source index among equally near ones),
 * and the segment it was reached by (for paths).
 */
import type { CancelToken } from '../jobs';
import type { PedestrianNetwork } from '../network';
import { DistHeap } from './dist-heap';

export interface NetworkSource {
  readonly segment: number;
  /** 0 at segA, 1 at segB. */
  readonly t: number;
  /** Metres already walked before reaching the network (the facility's snap leg). */
  readonly offsetM: number;
}

export interface MultiSourceResult {
  /** Network distance of each node from its nearest source (offset included); Infinity when unreached. */
  readonly dist: Float64Array;
  /** Index into `sources` of the source attaining dist; -1 when unreached. */
  readonly source: Int32Array;
  /** Segment by which the node was reached; -1 for a node seeded directly from its source's segment. */
  readonly predSegment: Int32Array;
}

export function multiSourceDistances(
  net: PedestrianNetwork,
  sources: readonly NetworkSource[],
  cutoffM: number = Number.POSITIVE_INFINITY,
  cancel?: CancelToken,
): MultiSourceResult {
  return addSources(net, null, sources, 0, cutoffM, cancel);
}

/**
 * `base` (a multiSourceDistances result; null: no source yet) with `added` sources joining as indexes
 * firstIdx, firstIdx + 1, … (after every source of base): only where a new source is strictly nearer, or as
 * near as another new source of a higher index, does a node change, so the search from the new sources
 * stops at every node base already reaches at least as near. The same answer as multiSourceDistances over
 * all the sources (predSegment may name another of several equally short ways). `cutoffM` must be base's:
 * nothing beyond it is queued, so every finite distance is final. Base is not modified.
 */
export function addSources(
  net: PedestrianNetwork,
  base: MultiSourceResult | null,
  added: readonly NetworkSource[],
  firstIdx: number,
  cutoffM: number = Number.POSITIVE_INFINITY,
  cancel?: CancelToken,
): MultiSourceResult {
  const n = net.nodeCount;
  const dist = base ? Float64Array.from(base.dist) : new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const source = base ? Int32Array.from(base.source) : new Int32Array(n).fill(-1);
  const predSegment = base ? Int32Array.from(base.predSegment) : new Int32Array(n).fill(-1);
  const settled = new Uint8Array(n);
  // Each improvement pushes one entry: at most two per directed edge plus two per source.
  const heap = new DistHeap(2 * net.segmentCount + 2 * added.length + 1);
  const seed = (node: number, d: number, s: number): void => {
    if (!(d <= cutoffM)) return;
    if (d < dist[node]! || (d === dist[node]! && source[node]! >= firstIdx && s < source[node]!)) {
      if (d < dist[node]!) heap.push(d, node);
      dist[node] = d;
      source[node] = s;
      predSegment[node] = -1;
    }
  };
  added.forEach((src, k) => {
    if (src.segment < 0 || src.segment >= net.segmentCount) return;
    const len = net.segLengthM[src.segment]!;
    seed(net.segA[src.segment]!, src.offsetM + src.t * len, firstIdx + k);
    seed(net.segB[src.segment]!, src.offsetM + (1 - src.t) * len, firstIdx + k);
  });

  const { offsets, targets, weights, edgeSegment } = net;
  let settledCount = 0;
  while (heap.size > 0) {
    const du = heap.topKey();
    const u = heap.pop();
    if (settled[u] === 1 || du > dist[u]!) continue; // stale, or base reaches it nearer now
    settled[u] = 1;
    if ((++settledCount & 0xffff) === 0) cancel?.check();
    const su = source[u]!;
    for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
      const v = targets[e]!;
      const dv = du + weights[e]!;
      if (!(dv <= cutoffM)) continue;
      const old = dist[v]!;
      if (dv < old) {
        dist[v] = dv;
        source[v] = su;
        predSegment[v] = edgeSegment[e]!;
        heap.push(dv, v);
      } else if (dv === old && su < source[v]! && settled[v] === 0) {
        // Equal distances: the lower source index wins; base's sources all come before the new ones.
        source[v] = su;
        predSegment[v] = edgeSegment[e]!;
      }
    }
  }
  return { dist, source, predSegment };
}
