/** The four CSV files of `analyze --safe-routes` (docs/safe-routes-contract.md, "Command line output"), in the contract's column order. */
import type { SafeRoutesResult } from '../core/analysis';
import { ROUTE_STATUSES, SEGMENT_BASES, SIDEWALK_CODES, STATUS_OK, STATUS_UNREACHABLE } from '../core/safety';
import { csvCell, metres } from './csv';

export const STREET_SAFETY_COLUMNS = ['way_id', 'plts', 'basis', 'speed_kmh', 'speed_assumed', 'lanes', 'sidewalk'] as const;
export const SAFE_ROUTES_COLUMNS = [
  'residence_id', 'school_id', 'walking_distance_m', 'safe_distance_m', 'safe_cost_m', 'detour_ratio', 'max_segment_plts',
  'max_crossing_plts', 'crossings_plts3plus', 'unsafe', 'long_detour', 'status',
] as const;
export const HOTSPOT_CROSSING_COLUMNS = ['lon', 'lat', 'crossing_plts', 'control', 'roads', 'routes', 'children_7_12'] as const;
export const HOTSPOT_SEGMENT_COLUMNS = ['way_id', 'plts', 'basis', 'routes', 'children_7_12'] as const;

const lines = (header: readonly string[], rows: readonly (readonly string[])[]): string => [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
/** Children (fractional estimates) or homes: at most three decimals, no trailing zeros. */
const weight = (x: number): string => String(Math.round(x * 1000) / 1000);
/** km/h to 0.001 (mph conversions are not whole). */
const kmh = (x: number): string => String(Math.round(x * 1000) / 1000);

/** One row per walkable way, in the streets layer's order. */
export function streetSafetyCsv(r: SafeRoutesResult, wayIds: readonly string[]): string {
  const s = r.street;
  const rows: string[][] = [];
  for (let i = 0; i < s.plts.length; i++) {
    if (s.plts[i] === 0) continue;
    rows.push([csvCell(wayIds[i]!), String(s.plts[i]), SEGMENT_BASES[s.basis[i]!]!, kmh(s.speedKmh[i]!), String(s.speedAssumed[i]), String(s.lanes[i]),
      SIDEWALK_CODES[s.sidewalk[i]!]!]);
  }
  return lines(STREET_SAFETY_COLUMNS, rows);
}

/** One row per home; the school and walking distance when it has one, the route cells only when `ok`. */
export function safeRoutesCsv(r: SafeRoutesResult, homeIds: readonly string[]): string {
  const h = r.homes;
  const rows: string[][] = [];
  for (let i = 0; i < h.status.length; i++) {
    const st = h.status[i]!;
    const ok = st === STATUS_OK;
    const school = st === STATUS_UNREACHABLE || h.school[i]! < 0 ? '' : csvCell(r.facilityIds[h.school[i]!]!);
    const cell = (v: string): string => (ok ? v : '');
    rows.push([
      csvCell(homeIds[i]!), school, st === STATUS_UNREACHABLE ? '' : metres(h.walkingM[i]!), cell(metres(h.safeM[i]!)), cell(metres(h.safeCostM[i]!)),
      cell(h.detourRatio[i]!.toFixed(4)), cell(String(h.maxSegmentPlts[i])), cell(String(h.maxCrossingPlts[i])), cell(String(h.crossingsPlts3[i])),
      cell(String(h.unsafe[i])), cell(String(h.longDetour[i])), ROUTE_STATUSES[st]!,
    ]);
  }
  return lines(SAFE_ROUTES_COLUMNS, rows);
}

export function crossingHotspotsCsv(r: SafeRoutesResult): string {
  return lines(HOTSPOT_CROSSING_COLUMNS, r.crossingHotspots.map((c) => [
    c.lng.toFixed(7), c.lat.toFixed(7), String(c.plts), c.control, csvCell(c.roads.join(';')), String(c.routes), weight(c.weight),
  ]));
}

export function segmentHotspotsCsv(r: SafeRoutesResult, wayIds: readonly string[]): string {
  return lines(HOTSPOT_SEGMENT_COLUMNS, r.wayHotspots.map((w) => [csvCell(wayIds[w.way] ?? w.wayId), String(w.plts), w.basis, String(w.routes), weight(w.weight)]));
}
