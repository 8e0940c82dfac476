/**
 * The parts of the streets within a network distance T of the nearest facility, cut at the exact threshold
 * point: from each end with distance d < T the walk goes T − d into the segment, and a facility snapped onto
 * the segment itself reaches T − offset either way along it.
 */
import type { NetworkSource } from '../access';
import type { PedestrianNetwork } from '../network';

/** Reachable [t0, t1] intervals of one segment, merged and sorted; empty when none. */
export function reachableIntervals(
  net: PedestrianNetwork,
  nodeDistM: Float64Array,
  segmentSources: readonly NetworkSource[],
  s: number,
  thresholdM: number,
): Array<[number, number]> {
  const len = net.segLengthM[s]!;
  const raw: Array<[number, number]> = [];
  const da = nodeDistM[net.segA[s]!]!;
  const db = nodeDistM[net.segB[s]!]!;
  if (da < thresholdM) raw.push([0, Math.min(1, (thresholdM - da) / len)]);
  if (db < thresholdM) raw.push([Math.max(0, 1 - (thresholdM - db) / len), 1]);
  for (const src of segmentSources) {
    if (src.offsetM >= thresholdM) continue;
    const reach = (thresholdM - src.offsetM) / len;
    raw.push([Math.max(0, src.t - reach), Math.min(1, src.t + reach)]);
  }
  raw.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [t0, t1] of raw) {
    const last = merged[merged.length - 1];
    if (last && t0 <= last[1]) last[1] = Math.max(last[1], t1);
    else merged.push([t0, t1]);
  }
  return merged.filter(([t0, t1]) => t1 > t0);
}

/** Every reachable piece as a 2-point line in lon/lat. */
export function reachablePieces(
  net: PedestrianNetwork,
  nodeDistM: Float64Array,
  sourcesOnSegment: ReadonlyMap<number, readonly NetworkSource[]>,
  thresholdM: number,
): number[][][] {
  const lines: number[][][] = [];
  const at = (s: number, t: number): number[] => {
    const a = net.segA[s]!;
    const b = net.segB[s]!;
    return [net.nodeLng[a]! + t * (net.nodeLng[b]! - net.nodeLng[a]!), net.nodeLat[a]! + t * (net.nodeLat[b]! - net.nodeLat[a]!)];
  };
  for (let s = 0; s < net.segmentCount; s++) {
    const onSegment = sourcesOnSegment.get(s) ?? [];
    if (!(nodeDistM[net.segA[s]!]! < thresholdM || nodeDistM[net.segB[s]!]! < thresholdM || onSegment.length > 0)) continue;
    for (const [t0, t1] of reachableIntervals(net, nodeDistM, onSegment, s, thresholdM)) lines.push([at(s, t0), at(s, t1)]);
  }
  return lines;
}
