/**
 * The pedestrian network: an undirected graph over the street vertices, stored as typed arrays so it can
 * be built once in a worker and searched millions of times without allocating.
 *
 * Every edge is one 2-point segment of a walkable way. Segment s joins nodes segA[s] and segB[s]; the CSR
 * lists it twice (a→b and b→a) with `edgeSegment` pointing back at s.
 */
import type { SegmentGrid } from './segment-grid';

export interface PedestrianNetwork {
  readonly nodeCount: number;
  readonly nodeLng: Float64Array;
  readonly nodeLat: Float64Array;
  /** CSR: the neighbours of node n are targets[offsets[n] .. offsets[n+1]). */
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  /** Length in metres of each directed edge (the segment's haversine length). */
  readonly weights: Float64Array;
  /** Segment index of each directed edge. */
  readonly edgeSegment: Uint32Array;

  readonly segmentCount: number;
  readonly segA: Uint32Array;
  readonly segB: Uint32Array;
  readonly segLengthM: Float64Array;
  /** Index of the source feature in the streets collection. */
  readonly segWay: Uint32Array;
  /** 1 on segments of tunnels (routable, not snappable). */
  readonly segTunnel: Uint8Array;
  /** 1 where homes and facilities may snap: not a tunnel and not on an island. */
  readonly segSnappable: Uint8Array;
  /** Connected component of each node, and total length of each component. */
  readonly nodeComponent: Int32Array;
  readonly componentLengthM: Float64Array;
  /** 1 for components shorter than the island length: they route but cannot be snapped to. */
  readonly componentIsIsland: Uint8Array;
  /** Spatial index (lon/lat boxes) over the snappable segments; item i is segment snapIndexSegments[i]. */
  readonly snapIndex: SegmentGrid | null;
  readonly snapIndexSegments: Uint32Array;
  /** Feature ids of the source ways (featureId of each street feature, walkable or not). */
  readonly wayIds: readonly string[];
}

export interface BuildNetworkOptions {
  readonly walkability?: import('./walkability').WalkabilityTable;
  /** Components shorter than this (metres) are islands. Default 300 (access contract). */
  readonly islandMaxM?: number;
}
