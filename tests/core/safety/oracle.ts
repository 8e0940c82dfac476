/**
 * A brute-force safe-routes oracle for tests. It shares NO code with src/core: its own reading of the few
 * tag forms the random scenes use (lookup tables typed from the contract, not parsed), its own stress and
 * crossing tables, its own noding by coordinate strings, the access oracle's brute-force snapping, the
 * snapped points inserted as graph nodes, and an enumeration of every route: every walk that never turns
 * back on the (sub)segment it just walked and never repeats a directed (sub)segment — the simple paths of
 * the walk's states. A cheapest walk that repeated a directed segment would contain a loop it could drop.
 */
import type { FeatureCollection, Position } from 'geojson';
import { oracleHaversine, oracleSnap, type OracleSnap } from '../access/oracle';

type Tags = Record<string, unknown>;
const WALKABLE = ['footway', 'path', 'pedestrian', 'steps', 'living_street', 'residential', 'service', 'unclassified', 'tertiary',
  'secondary', 'primary', 'cycleway', 'track', 'road', 'primary_link', 'secondary_link', 'tertiary_link'];
const NEVER = ['motorway', 'motorway_link', 'trunk', 'trunk_link'];
const DEDICATED = ['footway', 'pedestrian', 'path', 'steps', 'corridor', 'bridleway', 'track', 'cycleway', 'living_street', 'platform'];
const CAR = ['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'living_street', 'service', 'road'];
const LOCAL = ['unclassified', 'residential', 'living_street', 'service', 'road'];
/** The maxspeed values the random scenes draw, read by hand from the contract. */
export const SPEEDS: Record<string, number> = {
  '30': 30, '50 km/h': 50, '20 mph': 32.18688, '15mph': 24.14016, 'DE:zone30': 30, 'DE:zone:20': 20, none: 130, walk: 7, 'RU:urban': 50,
  'AT:rural': 90, '30;60': 60, 'signals': NaN,
};
const DEFAULT_SPEED: Record<string, number> = {
  motorway: 120, trunk: 90, primary: 50, secondary: 50, tertiary: 50, unclassified: 50, road: 50, residential: 30, service: 20, living_street: 7, track: 30,
};
const cls = (t: Tags): string => String(t['highway']).replace(/_link$/, '');
const speed = (t: Tags): number => {
  const s = SPEEDS[String(t['maxspeed'])];
  return s !== undefined && !Number.isNaN(s) ? s : DEFAULT_SPEED[cls(t)] ?? 50;
};
const lanes = (t: Tags): number => (['1', '2', '3', '4', '5'].includes(String(t['lanes'])) ? Number(t['lanes']) : ['motorway', 'trunk'].includes(cls(t)) ? 4 : 2);

export function oracleSegmentPlts(t: Tags): number {
  if (DEDICATED.includes(String(t['highway']))) return 1;
  const v = speed(t);
  const sides = [t['sidewalk:both'], t['sidewalk:left'], t['sidewalk:right']];
  const present = ['both', 'left', 'right', 'yes', 'separate'].includes(String(t['sidewalk'])) || sides.some((x) => x === 'yes' || x === 'separate');
  const absent = !present && (t['sidewalk'] === 'no' || t['sidewalk'] === 'none' || t['sidewalk:both'] === 'no' || (t['sidewalk:left'] === 'no' && t['sidewalk:right'] === 'no'));
  const along = Math.max(v <= 20 ? 1 : v <= 40 ? 2 : v <= 56 ? 3 : 4, lanes(t) <= 2 ? 1 : lanes(t) === 3 ? 3 : 4);
  if (present) return along;
  if (absent) return v <= 20 ? 2 : v <= 30 ? 3 : 4;
  return v <= 30 ? 2 : along;
}

const ARTERIAL: Record<string, number[]> = { low: [2, 2, 3, 3, 3, 3, 3, 4], medium: [3, 3, 3, 4, 3, 3, 4, 4], high: [3, 3, 4, 4, 4, 4, 4, 4] };
export function oracleCrossingBase(t: Tags): number {
  const c = cls(t);
  const v = speed(t);
  if (LOCAL.includes(c)) return v <= 40 ? 1 : v <= 56 ? 2 : 3;
  const row = v <= 40 ? 0 : v <= 48 ? 1 : v <= 56 ? 2 : 3;
  const vol = c === 'tertiary' ? 'low' : c === 'secondary' ? 'medium' : 'high';
  return ARTERIAL[vol]![row + (lanes(t) >= 3 ? 4 : 0)]!;
}

export function oracleControl(t: Tags): 'signals' | 'marked' | 'grade' | 'none' {
  if (t['crossing'] === 'traffic_signals' || t['highway'] === 'traffic_signals' || t['crossing:signals'] === 'yes') return 'signals';
  if (['marked', 'zebra', 'uncontrolled'].includes(String(t['crossing'])) || t['crossing_ref'] === 'zebra'
    || (t['crossing:markings'] !== undefined && t['crossing:markings'] !== 'no')) return 'marked';
  return t['crossing'] === 'grade_separated' ? 'grade' : 'none';
}
const ADJUST = { signals: [1, 1, 2, 2], marked: [1, 1, 3, 4], grade: [1, 1, 1, 1], none: [1, 2, 3, 4] };
const MULT = [0, 1, 1.25, 2, 4];
const PENALTY = [0, 0, 15, 75, 300];

interface Sub { a: number; b: number; len: number; way: number; seg: number }
export interface OracleRoute { cost: number; length: number; maxSeg: number; maxCross: number; n3: number }

/** Every optimal route (cost within 1e-7 m of the least) from home point to school point, or [] when none. */
export function oracleRoutes(streets: FeatureCollection, crossings: FeatureCollection, home: number[], school: number[]): { walking: number; routes: OracleRoute[]; homeSnap: OracleSnap | null; schoolSnap: OracleSnap | null } {
  const key = (p: Position) => `${p[0]},${p[1]}`;
  const ids = new Map<string, number>();
  const coords: Position[] = [];
  const node = (p: Position) => {
    if (!ids.has(key(p))) ids.set(key(p), coords.push(p) - 1);
    return ids.get(key(p))!;
  };
  const segs: { a: number; b: number; len: number; tunnel: boolean; way: number }[] = [];
  const pairs = new Set<string>();
  const tagsOf = streets.features.map((f) => (f.properties ?? {}) as Tags);
  streets.features.forEach((f, w) => {
    const t = tagsOf[w]!;
    const hw = String(t['highway']);
    if (NEVER.includes(hw) || !WALKABLE.includes(hw) || f.geometry.type !== 'LineString') return;
    const line = f.geometry.coordinates;
    for (let i = 0; i + 1 < line.length; i++) {
      const a = node(line[i]!);
      const b = node(line[i + 1]!);
      const pair = `${Math.min(a, b)}-${Math.max(a, b)}`;
      if (a === b || pairs.has(pair)) continue;
      pairs.add(pair);
      segs.push({ a, b, len: oracleHaversine(line[i]!, line[i + 1]!), tunnel: false, way: w });
    }
  });
  const net = { coords, segs, snappable: segs.map(() => true) };
  const hs = oracleSnap(net, home);
  const ss = oracleSnap(net, school);
  if (!hs || !ss) return { walking: Infinity, routes: [], homeSnap: hs, schoolSnap: ss };
  // Car roads at each vertex: identity → base PLTS (largest over its ways there), from every feature.
  const ident = (t: Tags) => `${cls(t)}|${typeof t['name'] === 'string' ? t['name'] : typeof t['ref'] === 'string' ? t['ref'] : ''}`;
  const roadsAt = new Map<number, Map<string, number>>();
  streets.features.forEach((f, w) => {
    const t = tagsOf[w]!;
    if (!CAR.includes(cls(t)) || f.geometry.type !== 'LineString') return;
    for (const p of f.geometry.coordinates) {
      const v = ids.get(key(p));
      if (v === undefined) continue;
      const m = roadsAt.get(v) ?? new Map<string, number>();
      m.set(ident(t), Math.max(m.get(ident(t)) ?? 0, oracleCrossingBase(t)));
      roadsAt.set(v, m);
    }
  });
  const control = new Map<number, keyof typeof ADJUST>();
  const rank = { grade: 3, signals: 2, marked: 1, none: 0 };
  for (const c of crossings.features) {
    if (c.geometry.type !== 'Point') continue;
    const v = ids.get(key(c.geometry.coordinates));
    const k = oracleControl((c.properties ?? {}) as Tags);
    if (v !== undefined && rank[k] > rank[control.get(v) ?? 'none']) control.set(v, k);
  }
  const crossPlts = (v: number, wa: number, wb: number): number => {
    let best = 0;
    for (const [id, base] of roadsAt.get(v) ?? []) {
      if (id !== ident(tagsOf[wa]!) && id !== ident(tagsOf[wb]!)) best = Math.max(best, ADJUST[control.get(v) ?? 'none'][base - 1]!);
    }
    return best;
  };
  // Sub-segments: the home (H) and school (S) points split their segments; they are not vertices.
  const H = coords.length;
  const S = H + 1;
  const subs: Sub[] = [];
  segs.forEach((s, i) => {
    const cuts = [{ t: 0, n: s.a }, { t: 1, n: s.b }];
    if (hs.seg === i) cuts.push({ t: hs.t, n: H });
    if (ss.seg === i) cuts.push({ t: ss.t, n: S });
    cuts.sort((x, y) => x.t - y.t || (x.n === s.a ? -1 : y.n === s.a ? 1 : x.n === s.b ? 1 : y.n === s.b ? -1 : 0));
    for (let k = 0; k + 1 < cuts.length; k++) subs.push({ a: cuts[k]!.n, b: cuts[k + 1]!.n, len: (cuts[k + 1]!.t - cuts[k]!.t) * s.len, way: s.way, seg: i });
  });
  const out = new Map<number, number[]>();
  subs.forEach((s, i) => {
    out.set(s.a, [...(out.get(s.a) ?? []), 2 * i]);
    out.set(s.b, [...(out.get(s.b) ?? []), 2 * i + 1]);
  });
  const head = (d: number) => (d % 2 === 0 ? subs[d >> 1]!.b : subs[d >> 1]!.a);
  const all: OracleRoute[] = [];
  let walking = Infinity;
  const used = new Set<number>();
  const walk = (d: number, r: OracleRoute) => {
    const v = head(d);
    if (v === S) {
      all.push(r);
      walking = Math.min(walking, r.length);
      return;
    }
    if (v === H) return; // passing the start again never helps and the start is not a vertex to turn at
    for (const d2 of out.get(v) ?? []) {
      if (used.has(d2) || d2 >> 1 === d >> 1) continue;
      const sub = subs[d2 >> 1]!;
      const p = crossPlts(v, subs[d >> 1]!.way, sub.way);
      used.add(d2);
      const sp = oracleSegmentPlts(tagsOf[sub.way]!);
      walk(d2, { cost: r.cost + PENALTY[p]! + sub.len * MULT[sp]!, length: r.length + sub.len, maxSeg: Math.max(r.maxSeg, sp),
        maxCross: Math.max(r.maxCross, p), n3: r.n3 + (p >= 3 ? 1 : 0) });
      used.delete(d2);
    }
  };
  for (const d of out.get(H) ?? []) {
    const sub = subs[d >> 1]!;
    const sp = oracleSegmentPlts(tagsOf[sub.way]!);
    used.add(d);
    walk(d, { cost: hs.leg + ss.leg + sub.len * MULT[sp]!, length: hs.leg + ss.leg + sub.len, maxSeg: sp, maxCross: 0, n3: 0 });
    used.delete(d);
  }
  const least = Math.min(...all.map((r) => r.cost));
  return { walking, routes: all.filter((r) => r.cost <= least + 1e-7), homeSnap: hs, schoolSnap: ss };
}
