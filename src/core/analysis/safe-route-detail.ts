/**
 * One home's safe route beside its shortest route to the same school, to show on the map: the segments
 * walked, length, cost, worst PLTS and every crossing with why it got its PLTS (the roads crossed, their
 * base PLTS, the vertex's control). The shortest route comes from the same turn-aware search with length
 * as the cost (`lengthOnly`), so it is the access core's walking distance.
 */
import type { StreetTable } from '../tables';
import type { SnapResult } from '../network';
import { baseClass, CONTROLS, crossedRoads, crossingPltsBetween, highwayOf, lengthOnly, routeHomes, STATUS_OK, type CostGraph } from '../safety';
import type { HeldSafeRoutes } from './safe-routes-run';
import type { RouteCrossing, SafeRouteDetail, ShownRoute } from './safe-routes-types';

/** Identity id → the class of its first way (identities are class + name, so every way of one agrees). */
function identityClasses(g: CostGraph, streets: StreetTable): string[] {
  const k = streets.tags.keys.indexOf('highway');
  const highway = (i: number) => (k < 0 ? undefined : streets.tags.values[k]![streets.tags.codes[k]![i]! - 1]);
  const out: string[] = [];
  g.crossing.wayIdentity.forEach((id, i) => {
    out[id] ??= baseClass(highwayOf({ highway: highway(i) }));
  });
  return out;
}

function shown(g: CostGraph, classes: readonly string[], segments: readonly number[], lengthM: number, costM: number): ShownRoute {
  const { net, crossing } = g;
  const lines = new Float64Array(segments.length * 4);
  segments.forEach((s, k) => {
    lines.set([net.nodeLng[net.segA[s]!]!, net.nodeLat[net.segA[s]!]!, net.nodeLng[net.segB[s]!]!, net.nodeLat[net.segB[s]!]!], k * 4);
  });
  const crossings: RouteCrossing[] = [];
  let maxSegmentPlts = 0;
  let maxCrossingPlts = 0;
  for (let k = 0; k < segments.length; k++) {
    const s1 = segments[k]!;
    maxSegmentPlts = Math.max(maxSegmentPlts, g.segPlts[s1]!);
    if (k + 1 >= segments.length) break;
    const s2 = segments[k + 1]!;
    const v = sharedVertex(g, s1, s2);
    const p = crossingPltsBetween(g, v, s1, s2);
    if (p <= 0) continue;
    maxCrossingPlts = Math.max(maxCrossingPlts, p);
    const ids = new Set(crossedRoads(crossing, v, g.segIdentity[s1]!, g.segIdentity[s2]!));
    const roads: RouteCrossing['roads'][number][] = [];
    for (let r = crossing.nodeRoadOffsets[v]!; r < crossing.nodeRoadOffsets[v + 1]!; r++) {
      const id = crossing.roadIdentity[r]!;
      if (ids.has(id)) roads.push({ name: crossing.identityName[id]!, highway: classes[id] ?? '', base: crossing.roadBase[r]! });
    }
    crossings.push({ lng: net.nodeLng[v]!, lat: net.nodeLat[v]!, plts: p, control: CONTROLS[crossing.nodeControl[v]!]!, roads });
  }
  return { lines, lengthM, costM, maxSegmentPlts, maxCrossingPlts, crossings };
}

/** Null when the home has no safe route (beyond, unreachable, unknown index). */
export function safeRouteDetail(held: HeldSafeRoutes, streets: StreetTable, home: number): SafeRouteDetail | null {
  const r = held.routes;
  if (!(home >= 0 && home < r.status.length) || r.status[home] !== STATUS_OK) return null;
  const homeSchool = new Int32Array(r.status.length).fill(-1);
  homeSchool[home] = r.school[home]!;
  const unsafe = held.request.profile.route.unsafePlts;
  const safe = routeHomes(r.graph, held.homeSnap, held.schoolSnap, homeSchool, unsafe, undefined, undefined, true);
  const short = routeHomes(lengthOnly(r.graph), held.homeSnap, held.schoolSnap, homeSchool, unsafe, undefined, undefined, true);
  const sf = safe.facts[home];
  const hf = short.facts[home];
  if (!sf || !hf) return null;
  const classes = identityClasses(r.graph, streets);
  const f = r.school[home]!;
  const legsM = held.homeSnap.snapM[home]! + held.schoolSnap.snapM[f]!;
  // Facts list segments from the home (the search's target) to the school.
  const walked = (segs: readonly number[]) => walkedM(r.graph, segs, (s) => tOn(held.homeSnap, home, s), (s) => tOn(held.schoolSnap, f, s));
  return {
    home, school: r.school[home]!, schoolId: held.facilityIds[r.school[home]!] ?? '', walkingM: r.walkingM[home]!, detourRatio: r.detourRatio[home]!,
    safe: shown(r.graph, classes, sf.segments, sf.lengthM, safe.cost[home]!),
    shortest: shown(r.graph, classes, hf.segments, hf.lengthM, routeCostM(r.graph, hf.segments, walked(hf.segments), legsM)),
  };
}

/** Where location i of a snap sits on segment s (its own segment or an alternate); NaN when it is on neither. */
function tOn(snap: SnapResult, i: number, s: number): number {
  if (snap.segment[i] === s) return snap.t[i]!;
  const also = snap.also;
  if (also) for (let k = 0; k < also.location.length; k++) if (also.location[k] === i && also.segment[k] === s) return also.t[k]!;
  return Number.NaN;
}

/** The shared vertex of two consecutive segments. */
const sharedVertex = (g: CostGraph, s1: number, s2: number): number =>
  (g.net.segA[s1] === g.net.segA[s2] || g.net.segA[s1] === g.net.segB[s2] ? g.net.segA[s1]! : g.net.segB[s1]!);

/** Metres walked on each segment of a route (home end first): partial at the two ends. */
function walkedM(g: CostGraph, segments: readonly number[], tHome: (s: number) => number, tSchool: (s: number) => number): number[] {
  const len = g.net.segLengthM;
  const out = segments.map((s) => len[s]!);
  const n = segments.length;
  if (n === 0) return out;
  if (n === 1) {
    out[0] = Math.abs(tHome(segments[0]!) - tSchool(segments[0]!)) * len[segments[0]!]!;
    return out;
  }
  const end = (k: number, next: number, t: number): void => {
    const s = segments[k]!;
    const v = sharedVertex(g, s, segments[next]!);
    if (Number.isFinite(t)) out[k] = (v === g.net.segA[s] ? t : 1 - t) * len[s]!;
  };
  end(0, 1, tHome(segments[0]!));
  end(n - 1, n - 2, tSchool(segments[n - 1]!));
  return out;
}

/** The safe-routes cost of a route (legs × 1, segments × multiplier, crossing penalties): for the shortest route. */
export function routeCostM(g: CostGraph, segments: readonly number[], walked: readonly number[], legsM: number): number {
  let cost = legsM;
  segments.forEach((s, k) => {
    cost += walked[k]! * g.segMult[s]!;
    if (k + 1 < segments.length) cost += g.penaltyM[crossingPltsBetween(g, sharedVertex(g, s, segments[k + 1]!), s, segments[k + 1]!)]!;
  });
  return cost;
}
