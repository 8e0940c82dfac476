/**
 * Least-cost routes from many homes to their assigned schools: one turn-aware search per school, outward
 * from the school's snapped point(s), stopping when all of its homes are final.
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
  cancel?: CancelToken, onSchool?: (done: number, total: number) => void): RoutedHomes {
  const n = homeSchool.length;
  const cost = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const facts: (RouteFacts | null)[] = new Array<RouteFacts | null>(n).fill(null);
  const bySchool = new Map<number, number[]>();
  for (let h = 0; h < n; h++) {
    const f = homeSchool[h]!;
    if (f < 0 || homeSnap.segment[h]! < 0 || schoolSnap.segment[f]! < 0) continue;
    const list = bySchool.get(f);
    if (list) list.push(h);
    else bySchool.set(f, [h]);
  }
  const homeAlt = alternatesOf(homeSnap.also);
  const schoolAlt = alternatesOf(schoolSnap.also);
  const search = new TurnSearch(g);
  const schools = [...bySchool.keys()].sort((a, b) => a - b);
  schools.forEach((f, done) => {
    cancel?.check();
    const homes = bySchool.get(f)!;
    const sources = attachments(schoolSnap, schoolAlt, f);
    const targets: TargetAttach[] = [];
    homes.forEach((h, i) => {
      for (const a of attachments(homeSnap, homeAlt, h)) targets.push({ ...a, target: i });
    });
    const result = search.run(sources, targets, homes.length, cancel);
    homes.forEach((h, i) => {
      if (!Number.isFinite(result.cost[i]!)) return;
      cost[h] = result.cost[i]!;
      facts[h] = walkRoute(g, search.pred, sources, targets, result, i, unsafePlts);
    });
    onSchool?.(done + 1, schools.length);
  });
  return { cost, facts };
}
