/**
 * Where routes cross roads (safe-routes contract, "Crossings"): every network vertex gets the car roads that
 * have a segment there (walkable or not: a footway meeting a trunk road crosses it), each by its identity
 * (class without `_link` + name, else ref) and its crossing PLTS after the vertex's control. A route
 * crosses at v, between in-way a and out-way b, every road there whose identity differs from both.
 */
import type { FeatureCollection, Position } from 'geojson';
import type { Props } from '../model';
import type { PedestrianNetwork } from '../network';
import { IntPairMap } from '../network/int-pair-map';
import { adjustForControl, baseCrossingPlts, CONTROLS, type Control } from './crossing-plts';
import type { Plts, SafetyProfile } from './profile';
import { baseClass, highwayOf, readLanes, readSpeed } from './tags';

const Q = 1e7;
const INT32 = 2 ** 31;

export interface CrossingIndex {
  /** Identity id of every street feature (walkable or not). */
  readonly wayIdentity: Int32Array;
  /** Identity id → the road's name, else ref, else ''. */
  readonly identityName: readonly string[];
  /** CSR over network nodes: the car roads at node v are entries nodeRoadOffsets[v] .. nodeRoadOffsets[v+1]. */
  readonly nodeRoadOffsets: Uint32Array;
  readonly roadIdentity: Int32Array;
  /** Base PLTS (largest over the road's ways at v) and the PLTS after the vertex's control. */
  readonly roadBase: Uint8Array;
  readonly roadPlts: Uint8Array;
  /** Index into CONTROLS of each node's control (unmarked without a crossing point). */
  readonly nodeControl: Uint8Array;
}

const text = (props: Props | null | undefined, key: string): string | undefined => {
  const v = props?.[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
};

/** Identity key and display name of a way: class without `_link`, plus its name, else its ref. */
export function roadIdentity(props: Props | null | undefined): { key: string; name: string } {
  const name = text(props, 'name') ?? text(props, 'ref') ?? '';
  return { key: `${baseClass(highwayOf(props))}\u0000${name}`, name };
}

/** Control of one crossing point from the schema's `crossing` value or the raw OSM tags. */
export function readControl(props: Props | null | undefined): Control {
  const crossing = text(props, 'crossing');
  if (crossing === 'traffic_signals' || text(props, 'highway') === 'traffic_signals' || text(props, 'crossing:signals') === 'yes') return 'signals';
  const markings = text(props, 'crossing:markings');
  if (crossing === 'marked' || crossing === 'zebra' || crossing === 'uncontrolled' || text(props, 'crossing_ref') === 'zebra'
    || (markings !== undefined && markings !== 'no')) return 'marked';
  if (crossing === 'grade_separated') return 'grade_separated';
  return 'unmarked';
}

/** Several crossing points on one vertex (duplicated data): the most protective control counts. */
const PROTECTION: Record<Control, number> = { grade_separated: 3, signals: 2, marked: 1, unmarked: 0 };

function lineParts(fc: FeatureCollection, i: number): Position[][] {
  const g = fc.features[i]!.geometry;
  return g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
}

export function buildCrossingIndex(net: PedestrianNetwork, streets: FeatureCollection, crossings: FeatureCollection | null | undefined,
  profile: SafetyProfile): CrossingIndex {
  const nodeOf = new IntPairMap(net.nodeCount);
  for (let v = 0; v < net.nodeCount; v++) {
    const qx = Math.round(net.nodeLng[v]! * Q);
    const qy = Math.round(net.nodeLat[v]! * Q);
    if (Math.abs(qx) < INT32 && Math.abs(qy) < INT32) nodeOf.getOrSet(qx, qy, v);
  }
  const lookup = (lng: unknown, lat: unknown): number => {
    if (typeof lng !== 'number' || typeof lat !== 'number') return -1;
    const qx = Math.round(lng * Q);
    const qy = Math.round(lat * Q);
    return Math.abs(qx) < INT32 && Math.abs(qy) < INT32 ? nodeOf.get(qx, qy) : -1;
  };

  const idOf = new Map<string, number>();
  const identityName: string[] = [];
  const n = streets.features.length;
  const wayIdentity = new Int32Array(n);
  // (node, identity, base) triples of car roads at network vertices.
  const tNode: number[] = [];
  const tId: number[] = [];
  const tBase: number[] = [];
  for (let i = 0; i < n; i++) {
    const props = streets.features[i]!.properties as Props | null;
    const { key, name } = roadIdentity(props);
    let id = idOf.get(key);
    if (id === undefined) {
      id = identityName.length;
      idOf.set(key, id);
      identityName.push(name);
    }
    wayIdentity[i] = id;
    const highway = highwayOf(props);
    if (typeof props?.['highway'] !== 'string') continue;
    const base = baseCrossingPlts(highway, readSpeed(props, profile).kmh, readLanes(props, profile), profile);
    if (base === undefined) continue;
    for (const part of lineParts(streets, i)) {
      for (const p of part) {
        const v = lookup(p[0], p[1]);
        if (v < 0) continue;
        tNode.push(v);
        tId.push(id);
        tBase.push(base);
      }
    }
  }

  const nodeControl = new Uint8Array(net.nodeCount).fill(CONTROLS.indexOf('unmarked'));
  for (const f of crossings?.features ?? []) {
    if (f.geometry?.type !== 'Point') continue;
    const v = lookup(f.geometry.coordinates[0], f.geometry.coordinates[1]);
    if (v < 0) continue;
    const c = readControl(f.properties as Props | null);
    if (PROTECTION[c] > PROTECTION[CONTROLS[nodeControl[v]!]!]) nodeControl[v] = CONTROLS.indexOf(c);
  }

  // Group the triples by node (counting sort), then merge the ways of one identity at each node.
  const counts = new Uint32Array(net.nodeCount + 1);
  for (const v of tNode) counts[v + 1]!++;
  for (let v = 0; v < net.nodeCount; v++) counts[v + 1]! += counts[v]!;
  const order = new Uint32Array(tNode.length);
  const fill = counts.slice(0, net.nodeCount);
  for (let k = 0; k < tNode.length; k++) order[fill[tNode[k]!]!++] = k;
  const nodeRoadOffsets = new Uint32Array(net.nodeCount + 1);
  const ids: number[] = [];
  const bases: number[] = [];
  for (let v = 0; v < net.nodeCount; v++) {
    const start = ids.length;
    for (let j = counts[v]!; j < counts[v + 1]!; j++) {
      const k = order[j]!;
      let found = -1;
      for (let r = start; r < ids.length; r++) if (ids[r] === tId[k]) found = r;
      if (found < 0) {
        ids.push(tId[k]!);
        bases.push(tBase[k]!);
      } else if (tBase[k]! > bases[found]!) bases[found] = tBase[k]!;
    }
    nodeRoadOffsets[v + 1] = ids.length;
  }
  const roadBase = Uint8Array.from(bases);
  const roadPlts = new Uint8Array(ids.length);
  for (let v = 0; v < net.nodeCount; v++) {
    const control = CONTROLS[nodeControl[v]!]!;
    for (let r = nodeRoadOffsets[v]!; r < nodeRoadOffsets[v + 1]!; r++) roadPlts[r] = adjustForControl(roadBase[r]! as Plts, control, profile);
  }
  return { wayIdentity, identityName, nodeRoadOffsets, roadIdentity: Int32Array.from(ids), roadBase, roadPlts, nodeControl };
}

/** The identities crossed at v between ia and ib (for reporting the crossed roads' names). */
export function crossedRoads(x: CrossingIndex, v: number, ia: number, ib: number): number[] {
  const out: number[] = [];
  for (let r = x.nodeRoadOffsets[v]!, end = x.nodeRoadOffsets[v + 1]!; r < end; r++) {
    const id = x.roadIdentity[r]!;
    if (id !== ia && id !== ib) out.push(id);
  }
  return out;
}
