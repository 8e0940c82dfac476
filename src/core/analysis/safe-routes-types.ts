/**
 * Safe routes to school as a run's second stage (docs/safe-routes-contract.md): what is asked (the access
 * run it builds on, the profile, the school categories) and what comes back — typed arrays per street and
 * per home, the map's crossing points, hotspots and summaries. Plain data, so it crosses the worker as is.
 */
import type { CrossingHotspot, RouteSummary, SafeRoutes, SafetyProfile, StreetSafety, WayHotspot } from '../safety';
import type { UnitRouteSummaries } from './safe-route-units';

/** The per-home columns of the core's safe routes that a result carries (copied, then transferred). */
type SafeRouteHomeColumn = 'status' | 'school' | 'walkingM' | 'safeM' | 'safeCostM' | 'detourRatio' | 'maxSegmentPlts'
  | 'maxCrossingPlts' | 'crossingsPlts3' | 'unsafe' | 'longDetour';

export const DEFAULT_SCHOOL_CATEGORIES: readonly string[] = ['school', 'primary_school', 'middle_school'];

export interface SafeRoutesRequest {
  readonly profile: SafetyProfile;
  /** Categories whose facilities are schools; default DEFAULT_SCHOOL_CATEGORIES. Only those in the run count. */
  readonly schoolCategories?: readonly string[];
}

export interface SchoolSummary extends RouteSummary {
  /** Index into the run's facility table, and its id. */
  readonly facility: number;
  readonly facilityId: string;
}

export interface SafeRoutesResult {
  /** The access run it was computed from (AnalysisApi.safeRoutes names it). */
  readonly runId: string;
  readonly profileId: string;
  /** The profile's maximum school walk this result used (homes beyond it have no route). */
  readonly maxSchoolWalkM: number;
  /** The school categories of the run that were used (empty: the run has none; every home is unreachable). */
  readonly schoolCategories: readonly string[];
  /** Per facility row of the run: the id of its feature (one school counted as two levels has one id). */
  readonly facilityIds: readonly string[];
  /** Per street feature (the streets layer's order): the core's rating, as computed (PLTS 0: not walkable). */
  readonly street: StreetSafety;
  /** Per home (the run's home order); status indexes ROUTE_STATUSES; NaN route figures unless ok. */
  readonly homes: Pick<SafeRoutes, SafeRouteHomeColumn>;
  /** Vertices where a route can cross a car road: location, the largest crossing PLTS there, control (CONTROLS index). */
  readonly crossingPoints: { readonly lng: Float64Array; readonly lat: Float64Array; readonly plts: Uint8Array; readonly control: Uint8Array };
  readonly crossingHotspots: readonly CrossingHotspot[];
  readonly wayHotspots: readonly WayHotspot[];
  /** Schools that are some home's school. */
  readonly bySchool: readonly SchoolSummary[];
  /** Per unit level present (the whole area as one city when no city layer is loaded), city first: safe-route-units.ts. */
  readonly byUnit: readonly UnitRouteSummaries[];
  /** True when the weights are children of 7–12; false when every home counts 1. */
  readonly weightsAreChildren: boolean;
  readonly timingsMs: Readonly<Record<string, number>>;
}

/** One crossing on a shown route, with why it got its PLTS. */
export interface RouteCrossing {
  readonly lng: number;
  readonly lat: number;
  readonly plts: number;
  /** CONTROLS value at the vertex. */
  readonly control: string;
  /** The crossed roads: name (or ref, '' when unnamed), class, and base PLTS before control. */
  readonly roads: readonly { readonly name: string; readonly highway: string; readonly base: number }[];
}

export interface ShownRoute {
  /** x0, y0, x1, y1 per walked segment (whole segments; the legs are the snap points). */
  readonly lines: Float64Array;
  readonly lengthM: number;
  readonly costM: number;
  readonly maxSegmentPlts: number;
  readonly maxCrossingPlts: number;
  readonly crossings: readonly RouteCrossing[];
}

/** A home's safe route beside its shortest route to the same school (null when not routed). */
export interface SafeRouteDetail {
  readonly home: number;
  readonly school: number;
  readonly schoolId: string;
  readonly walkingM: number;
  readonly detourRatio: number;
  readonly safe: ShownRoute;
  readonly shortest: ShownRoute;
}

/** Every typed-array buffer of a result, each once and none empty (a buffer listed twice makes postMessage throw). */
export function safeRoutesTransferables(r: SafeRoutesResult): ArrayBuffer[] {
  const arrays = [...Object.values(r.street), ...Object.values(r.homes), ...Object.values(r.crossingPoints)] as ArrayBufferView[];
  return [...new Set(arrays.map((a) => a.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0);
}
