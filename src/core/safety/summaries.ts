/**
 * Per-school and per-unit summaries of safe routes (safe-routes contract, "Cost and the safe route"):
 * children of 7–12 (homes, where the data has no child counts) whose safe route exists and is not unsafe,
 * the unsafe share, and the median detour of the routed ones. Beyond and unreachable homes count in the
 * denominator, as unreachable homes do in access coverage.
 */
import type { HomeTable } from '../model';
import { STATUS_BEYOND, STATUS_OK, STATUS_UNREACHABLE, type SafeRoutes } from './safe-routes';

export interface RouteWeights {
  readonly weight: Float64Array;
  /** True when the weights are children of 7–12, false when every home counts 1. */
  readonly children: boolean;
}

export function routeWeights(homes: Pick<HomeTable, 'children'>): RouteWeights {
  const c = homes.children['7-12'];
  if (c.some((x) => x > 0)) return { weight: Float64Array.from(c, (x) => (Number.isFinite(x) && x > 0 ? x : 0)), children: true };
  return { weight: new Float64Array(c.length).fill(1), children: false };
}

export interface RouteSummary {
  /** Weight of all homes of the group (children or homes). */
  readonly total: number;
  readonly safe: number;
  readonly unsafe: number;
  readonly beyond: number;
  readonly unreachable: number;
  /** safe / total and unsafe / total; NaN for an empty group. */
  readonly safeShare: number;
  readonly unsafeShare: number;
  /** Weighted median of the detour ratio over routed homes; NaN when none. */
  readonly medianDetour: number;
  readonly longDetours: number;
}

/** Weighted median: the smallest value whose cumulative weight reaches half the total. */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  const idx = values.map((_, i) => i).filter((i) => weights[i]! > 0).sort((a, b) => values[a]! - values[b]!);
  const total = idx.reduce((s, i) => s + weights[i]!, 0);
  if (total <= 0) return Number.NaN;
  let acc = 0;
  for (const i of idx) {
    acc += weights[i]!;
    if (acc >= total / 2) return values[i]!;
  }
  return values[idx[idx.length - 1]!]!;
}

/** One summary per group; groupOf[h] is the home's group (-1: in none). */
export function summariseRoutes(routes: Pick<SafeRoutes, 'status' | 'unsafe' | 'longDetour' | 'detourRatio'>, groupOf: Int32Array, groupCount: number, weights: RouteWeights): RouteSummary[] {
  const acc = Array.from({ length: groupCount }, () => ({ total: 0, safe: 0, unsafe: 0, beyond: 0, unreachable: 0, longDetours: 0, d: [] as number[], w: [] as number[] }));
  for (let h = 0; h < groupOf.length; h++) {
    const g = groupOf[h]!;
    if (g < 0 || g >= groupCount) continue;
    const w = weights.weight[h]!;
    const a = acc[g]!;
    a.total += w;
    const st = routes.status[h]!;
    if (st === STATUS_BEYOND) a.beyond += w;
    else if (st === STATUS_UNREACHABLE) a.unreachable += w;
    else if (st === STATUS_OK) {
      if (routes.unsafe[h] === 1) a.unsafe += w;
      else a.safe += w;
      if (routes.longDetour[h] === 1) a.longDetours += w;
      a.d.push(routes.detourRatio[h]!);
      a.w.push(w);
    }
  }
  return acc.map((a) => ({
    total: a.total, safe: a.safe, unsafe: a.unsafe, beyond: a.beyond, unreachable: a.unreachable, longDetours: a.longDetours,
    safeShare: a.total > 0 ? a.safe / a.total : Number.NaN,
    unsafeShare: a.total > 0 ? a.unsafe / a.total : Number.NaN,
    medianDetour: weightedMedian(a.d, a.w),
  }));
}

/** Per school (facility index): the homes whose school it is, routed or beyond. */
export function summariseBySchool(routes: SafeRoutes, facilityCount: number, weights: RouteWeights): RouteSummary[] {
  return summariseRoutes(routes, routes.school, facilityCount, weights);
}
