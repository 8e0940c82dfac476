/**
 * `safe_routes_units.csv` of `analyze --safe-routes` (the contract names no file for the per-unit summaries;
 * columns in docs/data-schema.md): one row per unit of every level, city first, the whole area as one city
 * when no city layer is given. Counts are children of 7–12, or homes when the data has no child counts
 * (`counted` says which); shares and the median detour are empty for a unit without homes or routes.
 * The rows are core/export/safe-route-layers.ts's (the data export's `safe_routes_units` layer).
 */
import type { SafeRoutesResult } from '../core/analysis';
import { SAFE_ROUTE_UNITS_COLUMNS, safeRouteUnitRows } from '../core/export/safe-route-layers';
import { rowsCsv } from './safe-routes-csv';

export { SAFE_ROUTE_UNITS_COLUMNS };

export const safeRouteUnitsCsv = (r: SafeRoutesResult): string => rowsCsv(SAFE_ROUTE_UNITS_COLUMNS, safeRouteUnitRows(r).map((x) => x.row));
