/**
 * Least-cost routes from many homes to their assigned schools. One turn-aware search from a set of schools
 * at once settles every home whose cheapest route to any of them ends at its own school (the least cost to
 * the set, attained by its school, is the least cost to its school). The first search uses every school;
 * then schools that took each other's homes are kept apart in classes searched together, and after a few
 * rounds any home left is routed by a search from its school alone.
 */
import type { CancelToken } from '../jobs';
import { alternatesOf, type SnapResult } from '../network';
import type { CostGraph } from './cost-graph';
import { walkRoute, type RouteFacts } from './route-walk';
import { TreeFacts } from './tree-facts';
import { TurnSearch, type Attach, type TargetAttach } from './turn-search';

export interface RoutedHomes {
  /** Least cost per home (legs included); Infinity when not routed. */
  readonly cost: Float64Array;
  /** The route's facts per home; null when not routed. */
  readonly facts: (RouteFacts | null)[];
  /** How many searches it took. */
  readonly searches: number;
}

/** Rounds of class searches before the homes left are routed one school at a time. */
const MAX_ROUNDS = 6;

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
  cancel?: CancelToken, onProgress?: (done: number, total: number) => void, keepSegments = false): RoutedHomes {
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
  // Whole cities share each search's tree; a route's segments (to draw it) need its own walk.
  const tree = keepSegments ? null : new TreeFacts(g, unsafePlts);

  /** Routes `group` from the schools at once; a home is done when its cheapest school there is its own. */
  const route = (schools: readonly number[], group: readonly number[]): { missed: number[]; thief: number[] } => {
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
      targets.push({ segment: homeSnap.segment[h]!, t: homeSnap.t[h]!, offsetM: homeSnap.snapM[h]!, target: i });
      for (const k of homeAlt.get(h) ?? []) targets.push({ segment: homeSnap.also!.segment[k]!, t: homeSnap.also!.t[k]!, offsetM: homeSnap.snapM[h]!, target: i });
    });
    const result = search.run(sources, targets, group.length, cancel);
    tree?.next();
    const missed: number[] = [];
    const thief: number[] = [];
    group.forEach((h, i) => {
      // The school the route starts from, known without walking it: only routes that are kept are walked.
      const via = result.via[i]!;
      const from = result.entry[i]! < 0 ? -1 : sourceSchool[via < 0 ? -1 - via : search.root[via]!]!;
      const f = from < 0 || from !== homeSchool[h] ? null
        : tree ? tree.facts(search, sources, targets, result, i) : walkRoute(g, search.pred, sources, targets, result, i, unsafePlts, keepSegments);
      if (f) {
        cost[h] = result.cost[i]!;
        facts[h] = f;
      } else {
        missed.push(h);
        thief.push(from);
      }
    });
    return { missed, thief };
  };

  // Rounds: schools that took each other's homes go into different classes (greedy colouring of the
  // conflicts seen so far); one search per class routes the pending homes of its schools.
  const conflicts = new Map<number, Set<number>>();
  const conflict = (a: number, b: number): void => {
    if (a < 0 || b < 0 || a === b) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const set = conflicts.get(x);
      if (set) set.add(y);
      else conflicts.set(x, new Set([y]));
    }
  };
  let pending = homes;
  let searches = 0;
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
    const schools = [...new Set(pending.map((h) => homeSchool[h]!))].sort((a, b) => a - b);
    const classes: number[][] = [];
    const classOf = new Map<number, number>();
    for (const f of schools) {
      const taken = new Set([...(conflicts.get(f) ?? [])].map((x) => classOf.get(x)));
      let c = 0;
      while (taken.has(c)) c++;
      classOf.set(f, c);
      (classes[c] ??= []).push(f);
    }
    const next: number[] = [];
    for (const cls of classes) {
      cancel?.check();
      const inClass = new Set(cls);
      const r = route(cls, pending.filter((h) => inClass.has(homeSchool[h]!)));
      searches++;
      r.missed.forEach((h, i) => conflict(homeSchool[h]!, r.thief[i]!));
      next.push(...r.missed);
    }
    pending = next;
    onProgress?.(homes.length - pending.length, homes.length);
  }
  // Whatever the rounds left (rare): one search per school.
  const bySchool = new Map<number, number[]>();
  for (const h of pending) bySchool.set(homeSchool[h]!, [...(bySchool.get(homeSchool[h]!) ?? []), h]);
  for (const [f, group] of bySchool) {
    cancel?.check();
    route([f], group);
    searches++;
  }
  return { cost, facts, searches };
}
