/**
 * `safe_routes_units.csv` of `analyze --safe-routes` (the contract names no file for the per-unit summaries;
 * columns in docs/data-schema.md): one row per unit of every level, city first, the whole area as one city
 * when no city layer is given. Counts are children of 7–12, or homes when the data has no child counts
 * (`counted` says which); shares and the median detour are empty for a unit without homes or routes.
 */
import type { SafeRoutesResult } from '../core/analysis';
import { csvCell } from './csv';

export const SAFE_ROUTE_UNITS_COLUMNS = [
  'unit_level', 'unit_id', 'unit_name', 'counted', 'total', 'safe', 'unsafe', 'beyond', 'unreachable', 'long_detour',
  'safe_share', 'unsafe_share', 'median_detour_ratio',
] as const;

/** Children (fractional estimates) or homes: at most three decimals. */
const weight = (x: number): string => String(Math.round(x * 1000) / 1000);
const ratio = (x: number): string => (Number.isFinite(x) ? x.toFixed(6) : '');

export function safeRouteUnitsCsv(r: SafeRoutesResult): string {
  const counted = r.weightsAreChildren ? 'children_7_12' : 'homes';
  const rows = r.byUnit.flatMap((u) => u.summaries.map((s, i) => [
    u.level, csvCell(u.ids[i]!), csvCell(u.names[i] ?? ''), counted, weight(s.total), weight(s.safe), weight(s.unsafe), weight(s.beyond),
    weight(s.unreachable), weight(s.longDetours), ratio(s.safeShare), ratio(s.unsafeShare), Number.isFinite(s.medianDetour) ? s.medianDetour.toFixed(4) : '',
  ].join(',')));
  return [SAFE_ROUTE_UNITS_COLUMNS.join(','), ...rows].join('\n') + '\n';
}
