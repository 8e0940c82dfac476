/**
 * Safe routes to school as export rows and layers (docs/safe-routes-contract.md, "Command line output";
 * docs/data-schema.md): the one place that names the columns and rounds the values. `analyze --safe-routes`
 * prints these rows as its CSV files (src/cli/safe-routes-csv.ts, safe-routes-units-csv.ts); `npm run export`
 * and the app's data export write them as layers in every format:
 * - `safe_routes`: one point per home at the home (its school, walking and safe distance, detour, status);
 * - `street_safety`: one line per walkable way (PLTS and its basis, speed, lanes, sidewalk);
 * - `hotspots_crossings`: one point per crossing hotspot (PLTS, control, roads, routes, children 7–12);
 * - `hotspots_segments`: one line per way hotspot;
 * - `safe_routes_units`: one row per unit of every level, on the unit's polygon (none for the whole area).
 * Values as the contract states them: metres to the centimetre, detour ratio to 4 decimals, weights and km/h
 * to 3, booleans as 0/1; a route cell is null unless the status is `ok`.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { SafeRoutesResult } from '../analysis';
import type { UnitGeometries } from '../rules';
import { ROUTE_STATUSES, STATUS_OK, STATUS_UNREACHABLE } from '../safety/safe-routes';
import { SEGMENT_BASES, SIDEWALK_CODES } from '../safety/segment-plts';
import type { ExportLayer } from './result-layers';

export const STREET_SAFETY_COLUMNS = ['way_id', 'plts', 'basis', 'speed_kmh', 'speed_assumed', 'lanes', 'sidewalk'] as const;
export const SAFE_ROUTES_COLUMNS = [
  'residence_id', 'school_id', 'walking_distance_m', 'safe_distance_m', 'safe_cost_m', 'detour_ratio', 'max_segment_plts',
  'max_crossing_plts', 'crossings_plts3plus', 'unsafe', 'long_detour', 'status',
] as const;
export const HOTSPOT_CROSSING_COLUMNS = ['lon', 'lat', 'crossing_plts', 'control', 'roads', 'routes', 'children_7_12'] as const;
export const HOTSPOT_SEGMENT_COLUMNS = ['way_id', 'plts', 'basis', 'routes', 'children_7_12'] as const;
export const SAFE_ROUTE_UNITS_COLUMNS = [
  'unit_level', 'unit_id', 'unit_name', 'counted', 'total', 'safe', 'unsafe', 'beyond', 'unreachable', 'long_detour',
  'safe_share', 'unsafe_share', 'median_detour_ratio',
] as const;

export type Cell = string | number | null;
/** A row keyed by its file's columns (the value types are the contract's: text, a number, or empty). */
export type Row<C extends readonly string[]> = { readonly [K in C[number]]: Cell };

/** x to `digits` decimals as a number (prints back as the same decimals); null when not finite. */
export const rounded = (x: number, digits: number): number | null => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
/** Children (fractional estimates) or homes, and km/h (mph conversions are not whole): three decimals at most. */
const three = (x: number): number => Math.round(x * 1000) / 1000;

/** One row per walkable way (PLTS > 0), in the streets layer's order, with the way's index in that layer. */
export function streetSafetyRows(r: SafeRoutesResult, wayIds: readonly string[]): { way: number; row: Row<typeof STREET_SAFETY_COLUMNS> }[] {
  const s = r.street;
  const out: { way: number; row: Row<typeof STREET_SAFETY_COLUMNS> }[] = [];
  for (let i = 0; i < s.plts.length; i++) {
    if (s.plts[i] === 0) continue;
    out.push({
      way: i,
      row: {
        way_id: wayIds[i]!, plts: s.plts[i]!, basis: SEGMENT_BASES[s.basis[i]!]!, speed_kmh: three(s.speedKmh[i]!), speed_assumed: s.speedAssumed[i]!,
        lanes: s.lanes[i]!, sidewalk: SIDEWALK_CODES[s.sidewalk[i]!]!,
      },
    });
  }
  return out;
}

/** One row per home (the run's home order): the school and walking distance when it has one, the route cells only when `ok`. */
export function safeRouteRows(r: SafeRoutesResult, homeIds: readonly string[]): Row<typeof SAFE_ROUTES_COLUMNS>[] {
  const h = r.homes;
  const rows: Row<typeof SAFE_ROUTES_COLUMNS>[] = [];
  for (let i = 0; i < h.status.length; i++) {
    const st = h.status[i]!;
    const ok = st === STATUS_OK;
    const cell = (v: number | null): Cell => (ok ? v : null);
    rows.push({
      residence_id: homeIds[i]!,
      school_id: st === STATUS_UNREACHABLE || h.school[i]! < 0 ? null : r.facilityIds[h.school[i]!]!,
      walking_distance_m: st === STATUS_UNREACHABLE ? null : rounded(h.walkingM[i]!, 2),
      safe_distance_m: cell(rounded(h.safeM[i]!, 2)), safe_cost_m: cell(rounded(h.safeCostM[i]!, 2)), detour_ratio: cell(rounded(h.detourRatio[i]!, 4)),
      max_segment_plts: cell(h.maxSegmentPlts[i]!), max_crossing_plts: cell(h.maxCrossingPlts[i]!), crossings_plts3plus: cell(h.crossingsPlts3[i]!),
      unsafe: cell(h.unsafe[i]!), long_detour: cell(h.longDetour[i]!), status: ROUTE_STATUSES[st]!,
    });
  }
  return rows;
}

export function crossingHotspotRows(r: SafeRoutesResult): Row<typeof HOTSPOT_CROSSING_COLUMNS>[] {
  return r.crossingHotspots.map((c) => ({
    lon: rounded(c.lng, 7), lat: rounded(c.lat, 7), crossing_plts: c.plts, control: c.control, roads: c.roads.join(';'), routes: c.routes, children_7_12: three(c.weight),
  }));
}

export function segmentHotspotRows(r: SafeRoutesResult, wayIds: readonly string[]): { way: number; row: Row<typeof HOTSPOT_SEGMENT_COLUMNS> }[] {
  return r.wayHotspots.map((w) => ({ way: w.way, row: { way_id: wayIds[w.way] ?? w.wayId, plts: w.plts, basis: w.basis, routes: w.routes, children_7_12: three(w.weight) } }));
}

/** One row per unit of every level, city first (the whole area as one city, `whole_extract`, when no city layer is loaded). */
export function safeRouteUnitRows(r: SafeRoutesResult): { level: string; unit: number; row: Row<typeof SAFE_ROUTE_UNITS_COLUMNS> }[] {
  const counted = r.weightsAreChildren ? 'children_7_12' : 'homes';
  return r.byUnit.flatMap((u) => u.summaries.map((s, i) => ({
    level: u.level,
    unit: i,
    row: {
      unit_level: u.level, unit_id: u.ids[i]!, unit_name: u.names[i] ?? '', counted, total: three(s.total), safe: three(s.safe), unsafe: three(s.unsafe),
      beyond: three(s.beyond), unreachable: three(s.unreachable), long_detour: three(s.longDetours), safe_share: rounded(s.safeShare, 6),
      unsafe_share: rounded(s.unsafeShare, 6), median_detour_ratio: rounded(s.medianDetour, 4),
    },
  })));
}

export interface SafeRouteInputs {
  readonly result: SafeRoutesResult;
  /** Per home of the run (its order): id and location. */
  readonly homeIds: readonly string[];
  readonly homeLng: ArrayLike<number>;
  readonly homeLat: ArrayLike<number>;
  /** Per street feature (the streets layer's order, as the result's `street` arrays): id and geometry. */
  readonly wayIds: readonly string[];
  readonly wayGeometries: readonly (Geometry | null)[];
  readonly unitGeometries: UnitGeometries;
}

const layer = (name: string, features: Feature<Geometry | null>[]): ExportLayer => ({ name, data: { type: 'FeatureCollection', features } as FeatureCollection<Geometry | null> });
const feature = (geometry: Geometry | null, properties: Record<string, Cell>): Feature<Geometry | null> => ({ type: 'Feature', geometry, properties });
const point = (lng: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lng, lat] });

/** The five safe-route layers, in a fixed order; a layer may be empty (no hotspot, say). */
export function safeRouteLayers(i: SafeRouteInputs): ExportLayer[] {
  const r = i.result;
  const way = (w: number): Geometry | null => i.wayGeometries[w] ?? null;
  const crossings = crossingHotspotRows(r);
  return [
    layer('safe_routes', safeRouteRows(r, i.homeIds).map((row, h) => feature(point(i.homeLng[h]!, i.homeLat[h]!), row))),
    layer('street_safety', streetSafetyRows(r, i.wayIds).map((x) => feature(way(x.way), x.row))),
    layer('hotspots_crossings', r.crossingHotspots.map((c, k) => feature(point(c.lng, c.lat), crossings[k]!))),
    layer('hotspots_segments', segmentHotspotRows(r, i.wayIds).map((x) => feature(way(x.way), x.row))),
    layer('safe_routes_units', safeRouteUnitRows(r).map((x) => feature(i.unitGeometries[x.level as keyof UnitGeometries]?.[x.unit] ?? null, x.row))),
  ];
}
