/**
 * An independent walking-distance calculation for tests. It shares NO code with src/core: its own
 * haversine, its own walkability rules read from the contract, noding by exact coordinate strings,
 * brute-force snapping over every segment, and the snapped points inserted as graph nodes (the core seeds
 * segment ends instead) searched by a plain O(V²) Dijkstra from each facility separately.
 */
import type { FeatureCollection, Position } from 'geojson';

const R = 6_371_008.8;
const RAD = Math.PI / 180;

export function oracleHaversine(p: readonly number[], q: readonly number[]): number {
  const h = Math.sin(((q[1]! - p[1]!) * RAD) / 2) ** 2
    + Math.cos(p[1]! * RAD) * Math.cos(q[1]! * RAD) * Math.sin(((q[0]! - p[0]!) * RAD) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

const WALKABLE = new Set(['footway', 'path', 'pedestrian', 'steps', 'living_street', 'residential', 'service', 'unclassified',
  'tertiary', 'secondary', 'primary', 'cycleway', 'track', 'road', 'primary_link', 'secondary_link', 'tertiary_link']);
const NEVER = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link', // contract 1.1 adds the rest
  'construction', 'proposed', 'planned', 'abandoned', 'disused', 'razed', 'raceway', 'bus_guideway', 'no']);

function walkable(p: Record<string, unknown>): boolean {
  const raw = typeof p['highway'] === 'string' ? p['highway'] : 'road';
  // data-schema.md: unknown classes read as `road`.
  const hw = WALKABLE.has(raw) || NEVER.has(raw) ? raw : 'road';
  if (NEVER.has(hw)) return false;
  const foot = p['foot'];
  if (foot === 'no') return false;
  if (p['access'] === 'private' || p['access'] === 'no') return foot === 'yes' || foot === 'designated' || foot === 'permissive';
  return true;
}

export interface OracleSegment { a: number; b: number; len: number; tunnel: boolean }
/** `also`: further segments the snapped point lies on (within 1 mm), each walked as well (never crossed). */
export interface OracleSnap { seg: number; t: number; leg: number; point: [number, number]; also: Array<{ seg: number; t: number }> }
export interface OracleResult {
  snaps: (OracleSnap | null)[];
  facilitySnaps: (OracleSnap | null)[];
  /** walking[f][h]: walking distance from home h to facility f (Infinity when unreachable). */
  perFacility: number[][];
  walking: number[];
}

export function oracleNetwork(streets: FeatureCollection, islandM = 300) {
  const ids = new Map<string, number>();
  const coords: Position[] = [];
  const segs: OracleSegment[] = [];
  const seen = new Map<string, OracleSegment>();
  const id = (p: Position): number => {
    const k = `${p[0]},${p[1]}`;
    if (!ids.has(k)) {
      ids.set(k, coords.length);
      coords.push(p);
    }
    return ids.get(k)!;
  };
  for (const f of streets.features) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    if (!walkable(p)) continue;
    const g = f.geometry;
    const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    for (const line of lines) {
      const first = line[0]!;
      const last = line[line.length - 1]!;
      if ((p['area'] === 'yes' || p['area'] === true) && line.length > 2 && first[0] === last[0] && first[1] === last[1]) continue;
      for (let i = 0; i + 1 < line.length; i++) {
        const a = id(line[i]!);
        const b = id(line[i + 1]!);
        const tunnel = p['tunnel'] === 'yes' || p['tunnel'] === true;
        const pair = `${Math.min(a, b)}-${Math.max(a, b)}`;
        // The contract's network has one segment per vertex pair, however many ways repeat it.
        if (seen.has(pair)) seen.get(pair)!.tunnel &&= tunnel;
        else if (a !== b) seen.set(pair, segs[segs.push({ a, b, len: oracleHaversine(coords[a]!, coords[b]!), tunnel }) - 1]!);
      }
    }
  }
  // Union-find components and their lengths.
  const parent = coords.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const s of segs) parent[find(s.a)] = find(s.b);
  const compLen = new Map<number, number>();
  for (const s of segs) compLen.set(find(s.a), (compLen.get(find(s.a)) ?? 0) + s.len);
  const snappable = segs.map((s) => !s.tunnel && compLen.get(find(s.a))! >= islandM);
  return { coords, segs, snappable };
}

type Net = ReturnType<typeof oracleNetwork>;

export function oracleSnap(net: Net, p: readonly number[], maxSnapM = 150): OracleSnap | null {
  const c = Math.cos(p[1]! * RAD);
  let best: { seg: number; t: number; d: number } | null = null;
  const all: Array<{ seg: number; t: number; x: number; y: number }> = [];
  net.segs.forEach((s, i) => {
    if (!net.snappable[i]) return;
    const A = net.coords[s.a]!;
    const B = net.coords[s.b]!;
    const ax = (A[0]! - p[0]!) * c, ay = A[1]! - p[1]!;
    const bx = (B[0]! - p[0]!) * c, by = B[1]! - p[1]!;
    const dx = bx - ax, dy = by - ay;
    const t = Math.min(1, Math.max(0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
    const d = (ax + t * dx) ** 2 + (ay + t * dy) ** 2;
    all.push({ seg: i, t, x: (ax + t * dx) * 111_195, y: (ay + t * dy) * 111_195 });
    if (!best || d < best.d) best = { seg: i, t, d };
  });
  if (!best) return null;
  const { seg, t } = best as { seg: number; t: number };
  const A = net.coords[net.segs[seg]!.a]!;
  const B = net.coords[net.segs[seg]!.b]!;
  const point: [number, number] = [A[0]! + t * (B[0]! - A[0]!), A[1]! + t * (B[1]! - A[1]!)];
  const leg = oracleHaversine(p, point);
  const me = all.find((c) => c.seg === seg)!;
  const also = all.filter((c) => c.seg !== seg && Math.hypot(c.x - me.x, c.y - me.y) <= 1e-3).map((c) => ({ seg: c.seg, t: c.t }));
  return leg <= maxSnapM ? { seg, t, leg, point, also } : null;
}

export function oracleAccess(streets: FeatureCollection, homes: number[][], facilities: number[][], opts: { maxSnapM?: number; islandM?: number } = {}): OracleResult {
  const net = oracleNetwork(streets, opts.islandM ?? 300);
  const snaps = homes.map((h) => oracleSnap(net, h, opts.maxSnapM));
  const facilitySnaps = facilities.map((f) => oracleSnap(net, f, opts.maxSnapM));
  // Graph: network vertices, then one node per attachment of a snapped home or facility, splitting its
  // segment. A point on several segments gets one node on each (not one node joining them: lines that
  // overlap or cross without a shared vertex stay apart), and walks from whichever is nearer.
  let V = net.coords.length;
  const attach = (snap: OracleSnap | null): number[] => (snap ? [snap, ...snap.also].map(() => V++) : []);
  const homeNodes = snaps.map(attach);
  const facilityNodes = facilitySnaps.map(attach);
  const onSeg = new Map<number, Array<[number, number]>>();
  const put = (snap: OracleSnap | null, nodes: number[]) => snap && [snap, ...snap.also].forEach((a, k) =>
    onSeg.set(a.seg, [...(onSeg.get(a.seg) ?? []), [a.t, nodes[k]!]]));
  snaps.forEach((s, i) => put(s, homeNodes[i]!));
  facilitySnaps.forEach((s, i) => put(s, facilityNodes[i]!));
  const adj: Array<Array<[number, number]>> = Array.from({ length: V }, () => []);
  const link = (u: number, v: number, w: number) => (adj[u]!.push([v, w]), adj[v]!.push([u, w]));
  net.segs.forEach((s, i) => {
    const stops: Array<[number, number]> = [[0, s.a], ...(onSeg.get(i) ?? []).sort((x, y) => x[0] - y[0]), [1, s.b]];
    for (let k = 0; k + 1 < stops.length; k++) link(stops[k]![1], stops[k + 1]![1], (stops[k + 1]![0] - stops[k]![0]) * s.len);
  });
  const perFacility = facilitySnaps.map((fs, f) => {
    if (!fs) return homes.map(() => Infinity);
    const dist = new Array<number>(V).fill(Infinity);
    const done = new Array<boolean>(V).fill(false);
    for (const n of facilityNodes[f]!) dist[n] = fs.leg;
    for (;;) {
      let u = -1;
      for (let v = 0; v < V; v++) if (!done[v] && dist[v]! < Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
      if (u < 0) break;
      done[u] = true;
      for (const [v, w] of adj[u]!) if (dist[u]! + w < dist[v]!) dist[v] = dist[u]! + w;
    }
    return homes.map((_, h) => (snaps[h] ? snaps[h]!.leg + Math.min(...homeNodes[h]!.map((n) => dist[n]!)) : Infinity));
  });
  const walking = homes.map((_, h) => Math.min(Infinity, ...perFacility.map((d) => d[h]!)));
  return { snaps, facilitySnaps, perFacility, walking };
}
