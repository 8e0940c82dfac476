/**
 * Columnar tables shared by the analyses (access, coverage, rules, siting). Typed arrays so they cross
 * the worker boundary as transferables and stay small for a million-person city. Index i of every
 * array is the same home / facility / unit.
 */
import type { AgeBand } from './age-bands';
import type { UnitLevel } from './layer-roles';

export interface HomeTable {
  readonly ids: readonly string[];
  /** Location used for snapping: the point itself, or the polygon's area-weighted centroid. */
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  readonly children: Readonly<Record<AgeBand, Float64Array>>;
  /** 1 where the counts are estimates. */
  readonly estimated: Uint8Array;
  /** People living in each home (the `population` attribute); NaN where unknown. Absent: unknown for all. */
  readonly population?: Float64Array;
}

export interface FacilityTable {
  readonly ids: readonly string[];
  readonly category: readonly string[];
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  /** Usable area in m² (NaN when unknown). */
  readonly areaM2: Float64Array;
  /** 1 for proposals of a scenario, 0 for existing facilities. */
  readonly proposed: Uint8Array;
}

/** Walking access of every home to one facility category (access-contract.md). */
export interface CategoryAccess {
  readonly category: string;
  /** home snap leg + network distance + facility snap leg; Infinity when unreachable. */
  readonly walkingM: Float64Array;
  readonly networkM: Float64Array;
  readonly homeSnapM: Float64Array;
  /** Index into the FacilityTable of the nearest facility; -1 when unreachable. */
  readonly nearestFacility: Int32Array;
}

/** One administrative level: its units and which unit each home (and facility) falls in. */
export interface UnitTable {
  readonly level: UnitLevel;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly namesZh: readonly (string | undefined)[];
  /** Index of the parent unit in the level above; -1 for the city or when unknown. */
  readonly parentIdx: Int32Array;
  /** Unit index of each home; -1 when the home lies outside every unit of this level. */
  readonly homeUnit: Int32Array;
  /** Unit index of each facility; -1 when outside. */
  readonly facilityUnit: Int32Array;
}
