/**
 * Safe routes as the second stage of an access run: the home's school is its nearest facility over the
 * run's school categories (the access result already has it), the network and snaps are the dataset's
 * (cached), and the core's computeSafeRoutes does the rest. Shared by the worker's service and the CLI,
 * so the app and `npm run analyze --safe-routes` give the same numbers.
 */
import { countedCategories, type CategoryAccess } from '../model';
import { PROPOSAL_LAYER_IDX } from './proposals';
import { crossingFeatures, streetFeatures, type BuiltFacilityTable } from '../tables';
import type { CancelToken, ProgressFn } from '../jobs';
import { DEFAULT_MAX_SNAP_M, snapPoints, type SnapResult } from '../network';
import {
  computeSafeRoutes, crossingHotspots, routeWeights, summariseBySchool, wayHotspots,
  type SafeRoutes,
} from '../safety';
import type { PreparedDataset } from './prepare';
import { summariseUnits } from './safe-route-units';
import type { AccessAnalysisRun } from './run';
import type { AccessRequest } from './types';
import { DEFAULT_SCHOOL_CATEGORIES, type SafeRoutesRequest, type SafeRoutesResult } from './safe-routes-types';

/** What a service keeps to answer "show this home's routes" later. */
export interface HeldSafeRoutes {
  readonly routes: SafeRoutes;
  readonly homeSnap: SnapResult;
  readonly schoolSnap: SnapResult;
  readonly facilityIds: readonly string[];
  readonly request: SafeRoutesRequest;
}

/** Per home: the nearest facility over the given categories and its walking distance (ties: the earlier category). */
export function nearestOver(access: readonly CategoryAccess[], categories: readonly string[]): Pick<CategoryAccess, 'walkingM' | 'nearestFacility'> {
  const used = access.filter((a) => categories.includes(a.category));
  const n = access[0]?.walkingM.length ?? 0;
  const walkingM = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const nearestFacility = new Int32Array(n).fill(-1);
  for (const a of used) {
    for (let h = 0; h < n; h++) {
      if (a.nearestFacility[h]! >= 0 && a.walkingM[h]! < walkingM[h]!) {
        walkingM[h] = a.walkingM[h]!;
        nearestFacility[h] = a.nearestFacility[h]!;
      }
    }
  }
  return { walkingM, nearestFacility };
}

/** The run's categories that count as school categories (a `school` of unknown level counts as primary and middle). */
export function runSchoolCategories(runCategories: readonly string[], asked: readonly string[] = DEFAULT_SCHOOL_CATEGORIES): string[] {
  const wanted = new Set(asked.flatMap((c) => [c, ...countedCategories(c)]));
  return runCategories.filter((c) => wanted.has(c));
}

/** `runId`: the id the service holds the run under (run.result's own is empty outside the service). */
export function computeRunSafeRoutes(data: PreparedDataset, run: AccessAnalysisRun, runId: string, request: AccessRequest, sr: SafeRoutesRequest,
  cancel?: CancelToken, onProgress?: ProgressFn, jobId = ''): { result: SafeRoutesResult; held: HeldSafeRoutes } {
  const t0 = performance.now();
  const { homes, facilities, access, units } = run.tables;
  const net = data.network(request.walkability, request.islandMaxM, cancel);
  const maxSnapM = request.maxSnapM ?? DEFAULT_MAX_SNAP_M;
  const homeSnap = data.snaps(net, maxSnapM).homes;
  // The run's facility table may hold scenario proposals; snapping it again gives the snaps the run used.
  const schoolSnap = snapPoints(net, facilities.lng, facilities.lat, { maxSnapM });
  const categories = runSchoolCategories(access.map((a) => a.category), sr.schoolCategories);
  onProgress?.({ jobId, stage: 'progress.safe-routes', fraction: 0.05 });
  const routes = computeSafeRoutes({
    // The safety core reads streets and crossings as features: built from the tables for this run only.
    net, streets: streetFeatures(data.source.streets), crossings: data.source.crossings ? crossingFeatures(data.source.crossings) : null, homeSnap, schoolSnap, access: nearestOver(access, categories),
    profile: sr.profile, walkability: request.walkability,
  }, cancel, (done, total) => onProgress?.({ jobId, stage: 'progress.safe-routes', fraction: 0.1 + 0.8 * (total > 0 ? done / total : 1) }));
  const tRoutes = performance.now();
  const weights = routeWeights(homes);
  const facilityIds = sourceFacilityIds(facilities);
  const bySchool = summariseBySchool(routes, facilities.ids.length, weights).flatMap((s, f) => (s.total > 0 ? [{ ...s, facility: f, facilityId: facilityIds[f]! }] : []));
  const byUnit = summariseUnits(routes, units, weights);
  const s = routes.streetSafety;
  const result: SafeRoutesResult = {
    runId, profileId: sr.profile.id, maxSchoolWalkM: sr.profile.route.maxSchoolWalkM, schoolCategories: categories, facilityIds,
    street: { plts: s.plts.slice(), basis: s.basis.slice(), speedKmh: s.speedKmh.slice(), speedAssumed: s.speedAssumed.slice(), lanes: s.lanes.slice(), sidewalk: s.sidewalk.slice() },
    homes: {
      status: routes.status.slice(), school: routes.school.slice(), walkingM: routes.walkingM.slice(), safeM: routes.safeM.slice(),
      safeCostM: routes.safeCostM.slice(), detourRatio: routes.detourRatio.slice(), maxSegmentPlts: routes.maxSegmentPlts.slice(),
      maxCrossingPlts: routes.maxCrossingPlts.slice(), crossingsPlts3: routes.crossingsPlts3.slice(), unsafe: routes.unsafe.slice(),
      longDetour: routes.longDetour.slice(),
    },
    crossingPoints: crossingPoints(routes),
    crossingHotspots: crossingHotspots(routes, weights),
    wayHotspots: wayHotspots(routes, weights),
    bySchool, byUnit, weightsAreChildren: weights.children,
    timingsMs: { 'progress.safe-routes': tRoutes - t0, summaries: performance.now() - tRoutes },
  };
  onProgress?.({ jobId, stage: 'progress.safe-routes', fraction: 1 });
  return { result, held: { routes, homeSnap, schoolSnap, facilityIds, request: sr } };
}

/**
 * The id of each facility row's own feature: a `school` of unknown level has a row per level it counts as
 * (`id/primary_school`, consecutive rows of one layer feature), but it is one school. Proposals keep their ids.
 */
function sourceFacilityIds(table: AccessAnalysisRun['tables']['facilities']): string[] {
  // The run's table is always built (tables/facilities.ts), which says where each row came from.
  if (!('layerIdx' in table)) return [...table.ids];
  const f = table as BuiltFacilityTable;
  const n = f.ids.length;
  const sameFeature = (a: number, b: number) => b >= 0 && b < n && f.layerIdx[a] === f.layerIdx[b] && f.featureIdx[a] === f.featureIdx[b];
  return f.ids.map((id, i) => {
    if (f.layerIdx[i] === PROPOSAL_LAYER_IDX || !(sameFeature(i, i - 1) || sameFeature(i, i + 1))) return id;
    const suffix = `/${f.category[i]}`;
    return id.endsWith(suffix) ? id.slice(0, -suffix.length) : id;
  });
}

/**
 * Vertices where some walk crosses a car road: a car road and a segment of another road meet there. The
 * PLTS shown is the largest of crossing any road there (what a route crossing everything would face).
 */
function crossingPoints(routes: SafeRoutes): SafeRoutesResult['crossingPoints'] {
  const g = routes.graph;
  const { net, crossing } = g;
  const nodes: number[] = [];
  const plts: number[] = [];
  for (let v = 0; v < net.nodeCount; v++) {
    let worst = 0;
    for (let r = crossing.nodeRoadOffsets[v]!; r < crossing.nodeRoadOffsets[v + 1]!; r++) {
      for (let e = net.offsets[v]!; e < net.offsets[v + 1]!; e++) {
        if (g.segIdentity[net.edgeSegment[e]!] !== crossing.roadIdentity[r]) {
          worst = Math.max(worst, crossing.roadPlts[r]!);
          break;
        }
      }
    }
    if (worst > 0) {
      nodes.push(v);
      plts.push(worst);
    }
  }
  return {
    lng: Float64Array.from(nodes, (v) => net.nodeLng[v]!), lat: Float64Array.from(nodes, (v) => net.nodeLat[v]!),
    plts: Uint8Array.from(plts), control: Uint8Array.from(nodes, (v) => crossing.nodeControl[v]!),
  };
}
