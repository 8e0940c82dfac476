/**
 * The network with the safe-routes cost on it (safe-routes contract, "Cost and the safe route"): every
 * directed edge's length × the multiplier of its way's PLTS, every segment's road identity, and the
 * crossing penalty per PLTS. Built once per network and profile; searched once per school.
 */
import type { PedestrianNetwork } from '../network';
import type { CrossingIndex } from './crossings';
import type { SafetyProfile } from './profile';
import type { StreetSafety } from './segment-plts';

export interface CostGraph {
  readonly net: PedestrianNetwork;
  readonly crossing: CrossingIndex;
  /** Per segment: PLTS of its way, the multiplier, and the way's road identity. */
  readonly segPlts: Uint8Array;
  readonly segMult: Float64Array;
  readonly segIdentity: Int32Array;
  /** Per directed edge: its cost (length × multiplier) and its tail node (targets[] holds the head). */
  readonly edgeCost: Float64Array;
  readonly edgeTail: Uint32Array;
  /** Per segment: the directed edge a→b and the edge b→a. */
  readonly segEdgeAB: Uint32Array;
  readonly segEdgeBA: Uint32Array;
  /** Crossing penalty in metres by crossing PLTS 0..4 (0 = nothing crossed). */
  readonly penaltyM: Float64Array;
  /** 1 where some turn may pay a penalty: a road with a penalty and a segment of another identity meet there. */
  readonly nodeTurnCost: Uint8Array;
}

/** Multipliers 1 and no penalties: the cost is the length, for the shortest route through the same search. */
export function lengthOnly(g: CostGraph): CostGraph {
  return { ...g, segMult: new Float64Array(g.segMult.length).fill(1), edgeCost: g.net.weights, penaltyM: new Float64Array(5),
    nodeTurnCost: new Uint8Array(g.nodeTurnCost.length) };
}

export function buildCostGraph(net: PedestrianNetwork, safety: StreetSafety, crossing: CrossingIndex, profile: SafetyProfile): CostGraph {
  const { segmentCount, nodeCount, offsets, targets, edgeSegment, weights } = net;
  const segPlts = new Uint8Array(segmentCount);
  const segMult = new Float64Array(segmentCount);
  const segIdentity = new Int32Array(segmentCount);
  const mult = profile.cost.multiplier;
  for (let s = 0; s < segmentCount; s++) {
    const way = net.segWay[s]!;
    // Every walkable way has a PLTS; a network built with another walkability table than the rating may not.
    const p = safety.plts[way]! || 1;
    segPlts[s] = p;
    segMult[s] = mult[p - 1]!;
    segIdentity[s] = crossing.wayIdentity[way]!;
  }
  const edgeCount = targets.length;
  const edgeCost = new Float64Array(edgeCount);
  const edgeTail = new Uint32Array(edgeCount);
  const segEdgeAB = new Uint32Array(segmentCount);
  const segEdgeBA = new Uint32Array(segmentCount);
  for (let u = 0; u < nodeCount; u++) {
    for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
      const s = edgeSegment[e]!;
      edgeTail[e] = u;
      edgeCost[e] = weights[e]! * segMult[s]!;
      if (net.segA[s] === u) segEdgeAB[s] = e;
      else segEdgeBA[s] = e;
    }
  }
  const penaltyM = Float64Array.from([0, ...profile.cost.penaltyM]);
  // Most vertices (inside a way, between footways, on quiet roads) never charge a turn: the search skips them.
  const nodeTurnCost = new Uint8Array(nodeCount);
  const { nodeRoadOffsets, roadIdentity, roadPlts } = crossing;
  for (let v = 0; v < nodeCount; v++) {
    for (let r = nodeRoadOffsets[v]!; r < nodeRoadOffsets[v + 1]! && nodeTurnCost[v] === 0; r++) {
      if (penaltyM[roadPlts[r]!]! <= 0) continue;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        if (segIdentity[edgeSegment[e]!] !== roadIdentity[r]) {
          nodeTurnCost[v] = 1;
          break;
        }
      }
    }
  }
  return { net, crossing, segPlts, segMult, segIdentity, edgeCost, edgeTail, segEdgeAB, segEdgeBA, penaltyM, nodeTurnCost };
}
