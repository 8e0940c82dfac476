/**
 * Least-cost routes from many homes to their assigned schools. First one turn-aware search from every
 * school at once: a home whose cheapest route to any school ends at its own school is done (the least cost
 * to all schools, attained by its school, is the least cost to its school). The few others are routed by one
 * search per school, outward from it, stopping when those homes are final.
 */
import type { CancelToken } from '../jobs';
import { alternatesOf, type SnapResult } from '../network';
import type { CostGraph } from './cost-graph';
import { walkRoute, type RouteFacts } from './route-walk';
import { TurnSearch, type Attach, type TargetAttach } from './turn-search';

export interface RoutedHomes {
  /** Least cost per home (legs included); Infinity when not routed. */
  readonly cost: Float64Array;
  /** The route's facts per home; null when not routed. */
  readonly facts: (RouteFacts | null)[];
  /** Homes routed by the all-schools search, and by per-school searches afterwards. */
  readonly byFirstPass: number;
  readonly schoolSearches: number;
}

/** Every attachment of location i of a snap result (its segment and any further ones it lies on). */
function attachments(snap: SnapResult, alternates: Map<number, number[]>, i: number): Attach[] {
  const out: Attach[] = [{ segment: snap.segment[i]!, t: snap.t[i]!, offsetM: snap.snapM[i]! }];
  for (const k of alternates.get(i) ?? []) out.push({ segment: snap.also!.segment[k]!, t: snap.also!.t[k]!, offsetM: snap.snapM[i]! });
  return out;
}

/**
 * Routes every home h with homeSchool[h] ≥ 0 to that school (an index into schoolSnap). Homes and schools
 * must be connected (snapped); homes in another part of the network than their school stay unrouted.
 */
export function routeHomes(g: CostGraph, homeSnap: SnapResult, schoolSnap: SnapResult, homeSchool: Int32Array, unsafePlts: number,
  cancel?: CancelToken, onProgress?: (done: number, total: number) => void): RoutedHomes {
  const n = homeSchool.length;
  const cost = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const facts: (RouteFacts | null)[] = new Array<RouteFacts | null>(n).fill(null);
  const homes: number[] = [];
  for (let h = 0; h < n; h++) {
    const f = homeSchool[h]!;
    if (f >= 0 && homeSnap.segment[h]! >= 0 && schoolSnap.segment[f]! >= 0) homes.push(h);
  }
  const homeAlt = alternatesOf(homeSnap.also);
  const schoolAlt = alternatesOf(schoolSnap.also);
  const search = new TurnSearch(g);

  const route = (schools: readonly number[], group: readonly number[]): { found: number[]; missed: number[] } => {
    const sources: Attach[] = [];
    const sourceSchool: number[] = [];
    for (const f of schools) {
      for (const a of attachments(schoolSnap, schoolAlt, f)) {
        sources.push(a);
        sourceSchool.push(f);
      }
    }
    const targets: TargetAttach[] = [];
    group.forEach((h, i) => {
      for (const a of attachments(homeSnap, homeAlt, h)) targets.push({ ...a, target: i });
    });
    const result = search.run(sources, targets, group.length, cancel);
    const found: number[] = [];
    const missed: number[] = [];
    group.forEach((h, i) => {
      const f = Number.isFinite(result.cost[i]!) ? walkRoute(g, search.pred, sources, targets, result, i, unsafePlts) : null;
      if (f && sourceSchool[f.source] === homeSchool[h]) {
        cost[h] = result.cost[i]!;
        facts[h] = f;
        found.push(h);
      } else missed.push(h);
    });
    return { found, missed };
  };

  const allSchools = [...new Set(homes.map((h) => homeSchool[h]!))].sort((a, b) => a - b);
  const first = allSchools.length > 1 ? route(allSchools, homes) : { found: [], missed: homes };
  const bySchool = new Map<number, number[]>();
  for (const h of first.missed) {
    const list = bySchool.get(homeSchool[h]!);
    if (list) list.push(h);
    else bySchool.set(homeSchool[h]!, [h]);
  }
  const schools = [...bySchool.keys()].sort((a, b) => a - b);
  schools.forEach((f, done) => {
    cancel?.check();
    route([f], bySchool.get(f)!);
    onProgress?.(done + 1, schools.length);
  });
  return { cost, facts, byFirstPass: first.found.length, schoolSearches: schools.length };
}
