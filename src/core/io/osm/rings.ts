/**
 * Multipolygon assembly for relations (boundaries, multipolygon facilities and buildings): member ways are
 * joined into rings by matching end nodes, within their role (outer / inner); each hole goes to the smallest
 * outer ring containing it. A ring that cannot be closed fails the relation instead of guessing.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { KeptRelation, OsmStore } from './osm-store';
import { pointInRing } from '../../geometry';
import { nodeCoords, orient, signedArea } from './geometry';

export type AssemblyFailure = 'missing_member' | 'unclosed_ring' | 'no_outer';
export type AssemblyResult =
  | { readonly ok: true; readonly geometry: Polygon | MultiPolygon; readonly orphanHoles: number }
  | { readonly ok: false; readonly reason: AssemblyFailure };

/** Joins ways (node position lists) into closed rings; null when one cannot be closed. */
export function joinRings(ways: readonly (readonly number[])[]): number[][] | null {
  const byEnd = new Map<number, number[]>();
  const addEnd = (node: number, w: number) => {
    const l = byEnd.get(node);
    if (l) l.push(w);
    else byEnd.set(node, [w]);
  };
  ways.forEach((w, i) => {
    addEnd(w[0], i);
    addEnd(w[w.length - 1], i);
  });
  const used = new Uint8Array(ways.length);
  const rings: number[][] = [];
  for (let start = 0; start < ways.length; start++) {
    if (used[start]) continue;
    used[start] = 1;
    const ring = [...ways[start]];
    while (ring[0] !== ring[ring.length - 1]) {
      const end = ring[ring.length - 1];
      const next = byEnd.get(end)?.find((w) => !used[w]);
      if (next === undefined) return null;
      used[next] = 1;
      const w = ways[next];
      const seq = w[0] === end ? w : [...w].reverse();
      for (let k = 1; k < seq.length; k++) ring.push(seq[k]);
    }
    if (ring.length < 4) return null;
    rings.push(ring);
  }
  return rings;
}

export function assembleRelation(store: OsmStore, rel: KeptRelation): AssemblyResult {
  const outerWays: number[][] = [];
  const innerWays: number[][] = [];
  for (const m of rel.members) {
    if (m.type !== 'w' || (m.role !== 'outer' && m.role !== 'inner' && m.role !== '')) continue;
    const wi = store.wayIndex(m.ref);
    if (wi < 0) return { ok: false, reason: 'missing_member' };
    const nodes = Array.from(store.wayNodes(wi));
    if (nodes.length < 2 || nodes.includes(-1)) return { ok: false, reason: 'missing_member' };
    (m.role === 'inner' ? innerWays : outerWays).push(nodes);
  }
  if (outerWays.length === 0) return { ok: false, reason: 'no_outer' };
  const outerRings = joinRings(outerWays);
  const innerRings = joinRings(innerWays);
  if (!outerRings || !innerRings) return { ok: false, reason: 'unclosed_ring' };
  const toCoords = (r: number[]) => nodeCoords(store, r) as Position[];
  const outers = outerRings.map((r) => orient(toCoords(r), true));
  const holes: Position[][][] = outers.map(() => []);
  let orphanHoles = 0;
  for (const r of innerRings) {
    const hole = orient(toCoords(r), false);
    let best = -1;
    let bestArea = Infinity;
    outers.forEach((o, i) => {
      const a = Math.abs(signedArea(o));
      // A vertex shared with the outer ring is on its edge; test a hole vertex the outer does not share.
      const probe = hole.find((p) => !o.some((q) => q[0] === p[0] && q[1] === p[1])) ?? hole[0];
      if (a < bestArea && pointInRing(probe, o)) {
        best = i;
        bestArea = a;
      }
    });
    if (best < 0) orphanHoles++;
    else holes[best].push(hole);
  }
  const polys = outers.map((o, i) => [o, ...holes[i]]);
  const geometry: Polygon | MultiPolygon = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  return { ok: true, geometry, orphanHoles };
}
