/**
 * Hotspots (safe-routes contract, "Hotspots"): the crossings and ways of PLTS ≥ 3 that safe routes use,
 * ranked by the children of 7–12 whose safe route uses them (homes without child counts), then by PLTS.
 */
import { CONTROLS, type Control } from './crossing-plts';
import { crossedRoads } from './crossings';
import type { SafeRoutes } from './safe-routes';
import { SEGMENT_BASES, type SegmentBasis } from './segment-plts';
import type { RouteWeights } from './summaries';

export interface CrossingHotspot {
  readonly node: number;
  readonly lng: number;
  readonly lat: number;
  readonly plts: number;
  readonly control: Control;
  /** Names (else refs) of the roads crossed there by the routes, sorted; unnamed roads are left out. */
  readonly roads: readonly string[];
  /** Homes whose safe route crosses there, and their weight (children or homes). */
  readonly routes: number;
  readonly weight: number;
}

export interface WayHotspot {
  /** Street feature index, and its id. */
  readonly way: number;
  readonly wayId: string;
  readonly plts: number;
  readonly basis: SegmentBasis;
  readonly routes: number;
  readonly weight: number;
}

const rank = <T extends { weight: number; plts: number; routes: number }>(key: (x: T) => number) => (a: T, b: T): number =>
  b.weight - a.weight || b.plts - a.plts || b.routes - a.routes || key(a) - key(b);

export function crossingHotspots(routes: SafeRoutes, weights: RouteWeights): CrossingHotspot[] {
  const g = routes.graph;
  const byNode = new Map<number, { plts: number; roads: Set<number>; routes: number; weight: number; lastHome: number }>();
  routes.facts.forEach((f, h) => {
    if (!f) return;
    for (const at of f.stressfulAt) {
      let e = byNode.get(at.node);
      if (!e) byNode.set(at.node, (e = { plts: 0, roads: new Set(), routes: 0, weight: 0, lastHome: -1 }));
      e.plts = Math.max(e.plts, at.plts);
      for (const id of crossedRoads(g.crossing, at.node, g.segIdentity[at.segIn]!, g.segIdentity[at.segOut]!)) e.roads.add(id);
      // A route crossing one vertex twice counts once.
      if (e.lastHome !== h) {
        e.lastHome = h;
        e.routes++;
        e.weight += weights.weight[h]!;
      }
    }
  });
  const names = g.crossing.identityName;
  return [...byNode.entries()].map(([node, e]) => ({
    node, lng: g.net.nodeLng[node]!, lat: g.net.nodeLat[node]!, plts: e.plts, control: CONTROLS[g.crossing.nodeControl[node]!]!,
    roads: [...new Set([...e.roads].map((id) => names[id]!).filter((n) => n !== ''))].sort(), routes: e.routes, weight: e.weight,
  })).sort(rank((x) => x.node));
}

export function wayHotspots(routes: SafeRoutes, weights: RouteWeights): WayHotspot[] {
  const byWay = new Map<number, { routes: number; weight: number }>();
  routes.facts.forEach((f, h) => {
    if (!f) return;
    for (const way of f.stressfulWays) {
      const e = byWay.get(way) ?? { routes: 0, weight: 0 };
      e.routes++;
      e.weight += weights.weight[h]!;
      byWay.set(way, e);
    }
  });
  const s = routes.streetSafety;
  return [...byWay.entries()].map(([way, e]) => ({
    way, wayId: routes.graph.net.wayIds[way]!, plts: s.plts[way]!, basis: SEGMENT_BASES[s.basis[way]!]!, routes: e.routes, weight: e.weight,
  })).sort(rank((x) => x.way));
}
