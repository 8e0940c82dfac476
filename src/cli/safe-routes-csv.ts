/**
 * The four CSV files of `analyze --safe-routes` (docs/safe-routes-contract.md, "Command line output"): the
 * rows and columns of core/export/safe-route-layers.ts (which the data export writes as layers), printed with
 * the contract's decimals (metres 2, detour ratio 4, lon/lat 7) and empty cells for nulls.
 */
import type { SafeRoutesResult } from '../core/analysis';
import {
  crossingHotspotRows, HOTSPOT_CROSSING_COLUMNS, HOTSPOT_SEGMENT_COLUMNS, SAFE_ROUTES_COLUMNS, safeRouteRows, segmentHotspotRows, STREET_SAFETY_COLUMNS,
  streetSafetyRows, type Cell, type Row,
} from '../core/export/safe-route-layers';
import { csvCell } from './csv';

export { HOTSPOT_CROSSING_COLUMNS, HOTSPOT_SEGMENT_COLUMNS, SAFE_ROUTES_COLUMNS, STREET_SAFETY_COLUMNS };

/** Fixed decimals per column (the rest print as they are: whole numbers, or three decimals at most). */
const DECIMALS: Readonly<Record<string, number>> = {
  walking_distance_m: 2, safe_distance_m: 2, safe_cost_m: 2, detour_ratio: 4, lon: 7, lat: 7, safe_share: 6, unsafe_share: 6, median_detour_ratio: 4,
};

function cell(column: string, v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'string') return csvCell(v);
  const d = DECIMALS[column];
  return d === undefined ? String(v) : v.toFixed(d);
}

/** The CSV text of rows keyed by `columns`, in that order. */
export function rowsCsv<C extends readonly string[]>(columns: C, rows: readonly Row<C>[]): string {
  const rec = (r: Row<C>) => r as Readonly<Record<string, Cell>>;
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(c, rec(r)[c] ?? null)).join(','))].join('\n') + '\n';
}

/** One row per walkable way, in the streets layer's order. */
export const streetSafetyCsv = (r: SafeRoutesResult, wayIds: readonly string[]): string => rowsCsv(STREET_SAFETY_COLUMNS, streetSafetyRows(r, wayIds).map((x) => x.row));

/** One row per home; the school and walking distance when it has one, the route cells only when `ok`. */
export const safeRoutesCsv = (r: SafeRoutesResult, homeIds: readonly string[]): string => rowsCsv(SAFE_ROUTES_COLUMNS, safeRouteRows(r, homeIds));

export const crossingHotspotsCsv = (r: SafeRoutesResult): string => rowsCsv(HOTSPOT_CROSSING_COLUMNS, crossingHotspotRows(r));

export const segmentHotspotsCsv = (r: SafeRoutesResult, wayIds: readonly string[]): string => rowsCsv(HOTSPOT_SEGMENT_COLUMNS, segmentHotspotRows(r, wayIds).map((x) => x.row));
