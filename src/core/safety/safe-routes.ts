/**
 * The safe route of every home to its school (safe-routes contract, "Cost and the safe route"): the home's
 * school is its nearest by walking distance (the access core's result for the school categories); homes
 * beyond the maximum school walk or unreachable get no route. Per route: length, cost, detour against the
 * shortest route, worst segment and crossing, stressful crossings, `unsafe` and `long detour`.
 */
import type { FeatureCollection } from 'geojson';
import type { CancelToken } from '../jobs';
import type { CategoryAccess } from '../model';
import type { PedestrianNetwork, SnapResult, WalkabilityTable } from '../network';
import { buildCostGraph, type CostGraph } from './cost-graph';
import { buildCrossingIndex } from './crossings';
import type { SafetyProfile } from './profile';
import { routeHomes } from './route-homes';
import type { RouteFacts } from './route-walk';
import { rateStreets, type StreetSafety } from './segment-plts';

export const ROUTE_STATUSES = ['ok', 'beyond', 'unreachable'] as const;
export type RouteStatus = (typeof ROUTE_STATUSES)[number];
export const STATUS_OK = 0;
export const STATUS_BEYOND = 1;
export const STATUS_UNREACHABLE = 2;

export interface SafeRoutesInput {
  readonly net: PedestrianNetwork;
  readonly streets: FeatureCollection;
  /** The crossings point layer (importer's `crossing` values or raw OSM tags); none: every crossing is unmarked. */
  readonly crossings?: FeatureCollection | null;
  readonly homeSnap: SnapResult;
  /** Snaps of the facility table the access result indexes. */
  readonly schoolSnap: SnapResult;
  /** Walking access of every home to the school categories (nearest school and its walking distance). */
  readonly access: Pick<CategoryAccess, 'walkingM' | 'nearestFacility'>;
  readonly profile: SafetyProfile;
  readonly walkability?: WalkabilityTable;
  /** Keep every route's segments in its facts (to draw routes); off for whole cities. */
  readonly keepRouteSegments?: boolean;
}

export interface SafeRoutes {
  readonly graph: CostGraph;
  readonly streetSafety: StreetSafety;
  /** Index into ROUTE_STATUSES. */
  readonly status: Uint8Array;
  /** Facility index of the home's school; -1 when unreachable. */
  readonly school: Int32Array;
  readonly walkingM: Float64Array;
  /** NaN unless ok. */
  readonly safeM: Float64Array;
  readonly safeCostM: Float64Array;
  readonly detourRatio: Float64Array;
  readonly maxSegmentPlts: Uint8Array;
  readonly maxCrossingPlts: Uint8Array;
  readonly crossingsPlts3: Uint32Array;
  readonly unsafe: Uint8Array;
  readonly longDetour: Uint8Array;
  /** Route facts per home (null unless ok), for hotspots and for showing a route. */
  readonly facts: readonly (RouteFacts | null)[];
}

export function computeSafeRoutes(input: SafeRoutesInput, cancel?: CancelToken, onProgress?: (done: number, total: number) => void): SafeRoutes {
  const { net, streets, profile, access } = input;
  const streetSafety = rateStreets(streets, profile, input.walkability);
  const crossing = buildCrossingIndex(net, streets, input.crossings, profile);
  const graph = buildCostGraph(net, streetSafety, crossing, profile);
  cancel?.check();

  const n = access.walkingM.length;
  const status = new Uint8Array(n).fill(STATUS_UNREACHABLE);
  const school = new Int32Array(n).fill(-1);
  const walkingM = Float64Array.from(access.walkingM);
  const homeSchool = new Int32Array(n).fill(-1);
  for (let h = 0; h < n; h++) {
    const f = access.nearestFacility[h]!;
    if (f < 0 || !Number.isFinite(walkingM[h]!)) continue;
    school[h] = f;
    if (walkingM[h]! > profile.route.maxSchoolWalkM) status[h] = STATUS_BEYOND;
    else homeSchool[h] = f;
  }
  const routed = routeHomes(graph, input.homeSnap, input.schoolSnap, homeSchool, profile.route.unsafePlts, cancel, onProgress,
    input.keepRouteSegments ?? false);

  const nan = () => new Float64Array(n).fill(Number.NaN);
  const out: SafeRoutes = {
    graph, streetSafety, status, school, walkingM, safeM: nan(), safeCostM: nan(), detourRatio: nan(),
    maxSegmentPlts: new Uint8Array(n), maxCrossingPlts: new Uint8Array(n), crossingsPlts3: new Uint32Array(n),
    unsafe: new Uint8Array(n), longDetour: new Uint8Array(n), facts: routed.facts,
  };
  const unsafeAt = profile.route.unsafePlts;
  for (let h = 0; h < n; h++) {
    if (homeSchool[h]! < 0) continue;
    const f = routed.facts[h];
    if (!f) {
      // The access core reached the school but the route search did not: cannot happen on one network.
      status[h] = STATUS_UNREACHABLE;
      continue;
    }
    status[h] = STATUS_OK;
    out.safeM[h] = f.lengthM;
    out.safeCostM[h] = routed.cost[h]!;
    out.detourRatio[h] = walkingM[h]! > 0 ? f.lengthM / walkingM[h]! : 1;
    out.maxSegmentPlts[h] = f.maxSegmentPlts;
    out.maxCrossingPlts[h] = f.maxCrossingPlts;
    out.crossingsPlts3[h] = f.stressfulCrossings;
    out.unsafe[h] = f.maxSegmentPlts >= unsafeAt || f.maxCrossingPlts >= unsafeAt ? 1 : 0;
    out.longDetour[h] = out.detourRatio[h]! > profile.route.longDetourRatio ? 1 : 0;
  }
  return out;
}
