/** CSV encoders for the CLI outputs (access-contract.md, data-schema.md). */
import type { CoverageRow } from '../core/coverage';
import type { AccessAnalysisResult } from '../core/analysis';
import { csvText } from '../core/io/csv-cell';

export const ACCESS_COLUMNS = ['residence_id', 'category', 'network_distance_m', 'walking_distance_m', 'snap_m', 'nearest_facility_id'] as const;
export const COVERAGE_COLUMNS = [
  'unit_level', 'unit_id', 'unit_name', 'category', 'age_band', 'threshold_m', 'children_total', 'children_within', 'share',
  'homes_unreachable', 'estimated',
] as const;

/** Text cells: quoted per RFC 4180, formulas neutralised (src/core/io/csv-cell.ts). */
export const csvCell = csvText;

/** Metres with centimetres (≥ 0.1 m precision, per the contract); empty when unreachable. */
export const metres = (m: number): string => (Number.isFinite(m) ? m.toFixed(2) : '');

const count = (x: number): string => String(Math.round(x * 1000) / 1000);

/** One row per home and category, home-major, in the contract's column order. */
export function accessCsv(r: AccessAnalysisResult, homeIds: readonly string[]): string {
  const lines: string[] = [ACCESS_COLUMNS.join(',')];
  for (let h = 0; h < r.homeCount; h++) {
    const id = csvCell(homeIds[h]);
    for (const c of r.categories) {
      const f = c.nearestFacility[h];
      lines.push([id, csvCell(c.category), metres(c.networkM[h]), metres(c.walkingM[h]), metres(r.homeSnapM[h]), f >= 0 ? csvCell(r.facilityIds[f]) : ''].join(','));
    }
  }
  return lines.join('\n') + '\n';
}

export function coverageCsv(rows: readonly CoverageRow[]): string {
  const lines: string[] = [COVERAGE_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push([
      r.unitLevel, csvCell(r.unitId), csvCell(r.unitName), csvCell(r.category), r.ageBand, count(r.thresholdM), count(r.childrenTotal),
      count(r.childrenWithin), Number.isNaN(r.share) ? '' : r.share.toFixed(6), String(r.homesUnreachable), r.estimated ? 'true' : 'false',
    ].join(','));
  }
  return lines.join('\n') + '\n';
}
