/**
 * Street lines → pedestrian network (access-contract.md, "Pedestrian network").
 *
 * Noding: lines connect only where they share a vertex. Vertices are matched on coordinates quantised to
 * 1e-7° (about 1 cm): that is OpenStreetMap's own coordinate precision, so a shared OSM node always lands on
 * one key even after a round trip through GeoJSON text or FlatGeobuf doubles, while two distinct OSM nodes
 * never merge. Crossing lines without a shared vertex (bridges, tunnels) stay apart.
 */
import type { FeatureCollection } from 'geojson';
import { SegmentGrid } from './segment-grid';
import type { CancelToken } from '../jobs';
import { readStreet } from '../model';
import { buildStreetTable, streetId, type StreetTable } from '../tables/streets';
import { GEOMETRY_TYPES } from '../tables/geometry-columns';
import { tagsAt } from '../tables/tag-columns';
import { haversineM } from './haversine';
import type { BuildNetworkOptions, PedestrianNetwork } from './types';
import { DEFAULT_WALKABILITY, isUnsnappableTunnel, isWalkable } from './walkability';
import { labelComponents } from './components';
import { IntPairMap } from './int-pair-map';

/** Components shorter than this are network islands (access contract default). */
export const DEFAULT_ISLAND_MAX_M = 300;
const QUANTUM_PER_DEGREE = 1e7;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export const vertexKey = (lng: number, lat: number): string =>
  `${Math.round(lng * QUANTUM_PER_DEGREE)}:${Math.round(lat * QUANTUM_PER_DEGREE)}`;

/** Whether part p of way i is a closed ring (closed `area=yes` ways are areas, not lines). */
function closedPart(g: StreetTable['geometry'], p: number): boolean {
  const r = g.partOffsets[p]!;
  const k0 = g.ringOffsets[r]!;
  const k1 = g.ringOffsets[r + 1]! - 1;
  return k1 - k0 + 1 > 2 && g.coords[2 * k0] === g.coords[2 * k1] && g.coords[2 * k0 + 1] === g.coords[2 * k1 + 1];
}

const LINE_TYPES = new Set([GEOMETRY_TYPES.indexOf('LineString'), GEOMETRY_TYPES.indexOf('MultiLineString')]);

/** The network of a street layer: its StreetTable (the analysis worker's form) or GeoJSON (CLI, tests). */
export function buildNetwork(streets: FeatureCollection | StreetTable, options: BuildNetworkOptions = {}, cancel?: CancelToken): PedestrianNetwork {
  const table = 'kind' in streets && streets.kind === 'streets' ? streets : buildStreetTable(streets as FeatureCollection);
  const g = table.geometry;
  const walkability = options.walkability ?? DEFAULT_WALKABILITY;
  const islandMaxM = options.islandMaxM ?? DEFAULT_ISLAND_MAX_M;
  // Vertices keyed by their quantised coordinates (two int32s: lon/lat in 1e-7° fit), segments by their
  // node pair; coordinates too large for int32 (not lon/lat) fall back to string keys.
  let vertexCount = 0;
  for (let i = 0; i < table.count; i++) {
    if (LINE_TYPES.has(g.type[i]!)) vertexCount += g.ringOffsets[g.partOffsets[g.featureOffsets[i + 1]!]!]! - g.ringOffsets[g.partOffsets[g.featureOffsets[i]!]!]!;
  }
  const nodeOf = new IntPairMap(vertexCount);
  const nodeOfFar = new Map<string, number>();
  const lngs: number[] = [];
  const lats: number[] = [];
  const segA: number[] = [];
  const segB: number[] = [];
  const segWay: number[] = [];
  const segTunnel: number[] = [];
  const wayIds: string[] = [];
  // A vertex pair walked by several ways (duplicated or overlapping data) is one segment: otherwise a home
  // and a facility on the same stretch could snap to different copies and miss the direct walk along it.
  const segmentOfPair = new IntPairMap(vertexCount);

  const node = (lng: number, lat: number): number => {
    const qx = Math.round(lng * QUANTUM_PER_DEGREE);
    const qy = Math.round(lat * QUANTUM_PER_DEGREE);
    const next = lngs.length;
    let n: number;
    if (qx >= INT32_MIN && qx <= INT32_MAX && qy >= INT32_MIN && qy <= INT32_MAX) {
      n = nodeOf.getOrSet(qx, qy, next);
    } else {
      const key = vertexKey(lng, lat);
      n = nodeOfFar.get(key) ?? -1;
      if (n < 0) nodeOfFar.set(key, next);
    }
    if (n >= 0) return n;
    lngs.push(lng);
    lats.push(lat);
    return next;
  };

  for (let wayIdx = 0; wayIdx < table.count; wayIdx++) {
    if ((wayIdx & 0x3fff) === 0) cancel?.check();
    wayIds.push(streetId(table, wayIdx));
    if (!LINE_TYPES.has(g.type[wayIdx]!)) continue;
    const props = tagsAt(table.tags, wayIdx);
    if (!isWalkable(props, walkability)) continue;
    const tunnel = isUnsnappableTunnel(props, walkability) ? 1 : 0;
    const isArea = readStreet(props).area;
    for (let part = g.featureOffsets[wayIdx]!; part < g.featureOffsets[wayIdx + 1]!; part++) {
      if (isArea && closedPart(g, part)) continue;
      // A line part is one ring of points.
      const ring = g.partOffsets[part]!;
      let prev = -1;
      for (let k = g.ringOffsets[ring]!; k < g.ringOffsets[ring + 1]!; k++) {
        const lng = g.coords[2 * k]!;
        const lat = g.coords[2 * k + 1]!;
        if (!Number.isFinite(lng) || !Number.isFinite(lat)) continue;
        const n = node(lng, lat);
        // Repeated vertices make zero-length segments: nothing to walk or snap to.
        if (prev >= 0 && prev !== n) {
          const existing = prev < n ? segmentOfPair.getOrSet(prev, n, segA.length) : segmentOfPair.getOrSet(n, prev, segA.length);
          if (existing >= 0) {
            // Snappable when any of its ways is not a tunnel.
            if (tunnel === 0) segTunnel[existing] = 0;
          } else {
            segA.push(prev);
            segB.push(n);
            segWay.push(wayIdx);
            segTunnel.push(tunnel);
          }
        }
        prev = n;
      }
    }
  }

  const nodeCount = lngs.length;
  const segmentCount = segA.length;
  const nodeLng = Float64Array.from(lngs);
  const nodeLat = Float64Array.from(lats);
  const a = Uint32Array.from(segA);
  const b = Uint32Array.from(segB);
  const lengths = new Float64Array(segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    lengths[s] = haversineM(nodeLng[a[s]!]!, nodeLat[a[s]!]!, nodeLng[b[s]!]!, nodeLat[b[s]!]!);
  }
  cancel?.check();

  const offsets = new Uint32Array(nodeCount + 1);
  for (let s = 0; s < segmentCount; s++) {
    offsets[a[s]! + 1]!++;
    offsets[b[s]! + 1]!++;
  }
  for (let n = 0; n < nodeCount; n++) offsets[n + 1]! += offsets[n]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(2 * segmentCount);
  const weights = new Float64Array(2 * segmentCount);
  const edgeSegment = new Uint32Array(2 * segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    const u = a[s]!;
    const v = b[s]!;
    const eu = fill[u]!++;
    targets[eu] = v;
    weights[eu] = lengths[s]!;
    edgeSegment[eu] = s;
    const ev = fill[v]!++;
    targets[ev] = u;
    weights[ev] = lengths[s]!;
    edgeSegment[ev] = s;
  }
  cancel?.check();

  const { nodeComponent, componentCount } = labelComponents(nodeCount, offsets, targets);
  const componentLengthM = new Float64Array(componentCount);
  for (let s = 0; s < segmentCount; s++) componentLengthM[nodeComponent[a[s]!]!]! += lengths[s]!;
  const componentIsIsland = new Uint8Array(componentCount);
  for (let c = 0; c < componentCount; c++) componentIsIsland[c] = componentLengthM[c]! < islandMaxM ? 1 : 0;

  const tunnels = Uint8Array.from(segTunnel);
  const segSnappable = new Uint8Array(segmentCount);
  const snappable: number[] = [];
  for (let s = 0; s < segmentCount; s++) {
    if (tunnels[s] === 0 && componentIsIsland[nodeComponent[a[s]!]!] === 0) {
      segSnappable[s] = 1;
      snappable.push(s);
    }
  }
  const snapIndexSegments = Uint32Array.from(snappable);
  let snapIndex: SegmentGrid | null = null;
  if (snappable.length > 0) {
    const boxes = new Float64Array(4 * snappable.length);
    for (let i = 0; i < snappable.length; i++) {
      const s = snappable[i]!;
      const x0 = nodeLng[a[s]!]!;
      const y0 = nodeLat[a[s]!]!;
      const x1 = nodeLng[b[s]!]!;
      const y1 = nodeLat[b[s]!]!;
      boxes[4 * i] = Math.min(x0, x1);
      boxes[4 * i + 1] = Math.min(y0, y1);
      boxes[4 * i + 2] = Math.max(x0, x1);
      boxes[4 * i + 3] = Math.max(y0, y1);
    }
    snapIndex = new SegmentGrid(boxes);
  }

  return {
    nodeCount, nodeLng, nodeLat, offsets, targets, weights, edgeSegment,
    segmentCount, segA: a, segB: b, segLengthM: lengths, segWay: Uint32Array.from(segWay), segTunnel: tunnels, segSnappable,
    nodeComponent, componentLengthM, componentIsIsland, snapIndex, snapIndexSegments, wayIds,
  };
}
