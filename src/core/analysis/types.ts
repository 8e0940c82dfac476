/**
 * The access analysis: what goes in (layers + a request) and what comes out (typed arrays, isochrone
 * GeoJSON and columnar coverage). Plain data only, so it crosses the worker boundary as is.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AgeBand, UnitLevel } from '../model';
import type { FacilityLayerInput, HomeFieldMapping, UnitLayers } from '../tables';
import type { LevelCoverage } from '../coverage';
import type { WalkabilityTable } from '../network';
import type { SafeRoutesRequest } from './safe-routes-types';

export interface AnalysisInputs {
  readonly streets: FeatureCollection;
  readonly homes: FeatureCollection;
  readonly homeFieldMapping?: HomeFieldMapping;
  readonly facilities: readonly FacilityLayerInput[];
  readonly units?: UnitLayers;
  /** Crossing points (importer's `crossing` values or raw OSM tags), read by safe routes only. */
  readonly crossings?: FeatureCollection;
}

/** A threshold in metres, or in minutes at the walking speed of an age band. */
export type ThresholdSpec = { readonly m: number } | { readonly minutes: number; readonly ageBand: AgeBand };

/** A scenario's proposed facility (status 'proposed'), added to the dataset's facilities for one run. */
export interface ProposedFacility {
  readonly id: string;
  readonly category: string;
  readonly lng: number;
  readonly lat: number;
}

export interface AccessRequest {
  readonly jobId?: string;
  readonly categories: readonly string[];
  readonly thresholds: readonly ThresholdSpec[];
  /** m/s per band; missing bands use DEFAULT_WALK_SPEED_MPS. */
  readonly speedsMps?: Readonly<Partial<Record<AgeBand, number>>>;
  /** Default 150 m (access contract). */
  readonly maxSnapM?: number;
  /** Search cutoff in metres: walking distances above it become unreachable. Default: none. */
  readonly cutoffM?: number;
  /** 'segments' (default): reachable streets per threshold; 'areas' adds buffered areas (slow on big cities); 'none' skips both. */
  readonly isochrones?: 'areas' | 'segments' | 'none';
  readonly walkability?: WalkabilityTable;
  readonly islandMaxM?: number;
  /**
   * Scenario facilities for this run only: appended after the dataset's facilities (so existing facility
   * indexes do not move), snapped like them and flagged `proposed`; the dataset itself is unchanged.
   */
  readonly proposals?: readonly ProposedFacility[];
  /**
   * The safe routes a rule check of this run uses for its `safe_route_share` rules (rules-safe-routes.ts):
   * the project's profile and school categories; absent: child-v1 and the default school categories.
   */
  readonly safeRoutes?: SafeRoutesRequest;
}

export interface CategoryResult {
  readonly category: string;
  /** Per home: home snap leg + network distance + facility snap leg; Infinity when unreachable. */
  readonly walkingM: Float64Array;
  /** Per home: network part only; Infinity when unreachable. */
  readonly networkM: Float64Array;
  /** Per home: FacilityTable index of the nearest facility; -1 when unreachable. */
  readonly nearestFacility: Int32Array;
  readonly facilityCount: number;
  readonly unreachableHomes: number;
}

export interface IsochroneLayers {
  readonly category: string;
  /**
   * Reachable streets: x0, y0, x1, y1 per piece (lon/lat), each labelled with the index (into
   * thresholdsM) of the smallest threshold reaching it; the streets within thresholdsM[k] are the pieces
   * labelled ≤ k.
   */
  readonly pieceCoords: Float64Array;
  readonly pieceThreshold: Uint8Array;
  /** Areas per threshold (property threshold_m), nested; empty unless request.isochrones is 'areas'. */
  readonly areas: FeatureCollection<Polygon | MultiPolygon, { threshold_m: number }>;
}

export interface UnitsSummary {
  readonly level: UnitLevel;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** Chinese names where the unit layer has them (name_zh), for the UI in Chinese. */
  readonly namesZh: readonly (string | undefined)[];
  readonly parentIdx: Int32Array;
  /** Unit index of each home (-1 outside every unit). */
  readonly homeUnit: Int32Array;
  readonly facilityUnit: Int32Array;
}

/** Floats per snap leg row: fromLng, fromLat, toLng, toLat, lengthM. */
export const SNAP_LEG_STRIDE = 5;

/**
 * Home ids are not part of the result: 200k strings would be cloned on every run. The UI reads them once
 * per dataset (AnalysisApi.homeIds) or maps homeFeatureIdx onto its loaded layer.
 */
export interface AccessAnalysisResult {
  /**
   * The run this result came from, named by the service (`run-N`): explain, rule checks and site
   * suggestions name it instead of acting on whichever run came last. Empty outside the service.
   */
  readonly runId: string;
  readonly homeCount: number;
  readonly facilityCount: number;
  readonly facilityIds: readonly string[];
  readonly facilityCategory: readonly string[];
  /** Home locations (point, or area-weighted centroid), and the source feature index of each home. */
  readonly homeLng: Float64Array;
  readonly homeLat: Float64Array;
  readonly homeFeatureIdx: Uint32Array;
  readonly facilityLng: Float64Array;
  readonly facilityLat: Float64Array;
  /** Snap legs in metres; Infinity when not connected. */
  readonly homeSnapM: Float64Array;
  readonly facilitySnapM: Float64Array;
  /**
   * One row per home, then one per facility (SNAP_LEG_STRIDE floats): the location, its snap point and the
   * leg's length. Not-connected rows have NaN snap points and an Infinity length.
   */
  readonly snapLegs: Float64Array;
  readonly notConnectedHomes: number;
  readonly notConnectedFacilities: number;
  readonly categories: readonly CategoryResult[];
  /** The request's thresholds resolved to metres, ascending. */
  readonly thresholdsM: Float64Array;
  readonly isochrones: readonly IsochroneLayers[];
  readonly units: readonly UnitsSummary[];
  readonly coverage: readonly LevelCoverage[];
  readonly skipped: { readonly homesNoGeometry: number; readonly facilitiesNoGeometry: number; readonly facilitiesNoCategory: number };
  readonly network: { readonly nodes: number; readonly segments: number };
  /** Wall time per stage (i18n stage key → ms). */
  readonly timingsMs: Readonly<Record<string, number>>;
}
