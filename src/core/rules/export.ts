/**
 * gaps.csv (columns per data-schema.md), scorecards.csv, and gaps as GeoJSON on their unit polygons. New
 * columns go at the end so readers of the older columns keep working: `status`, `reason`, `homes_affected`.
 * `passed` is 'true' or 'false' for an evaluated record and empty when the rule does not apply.
 */
import { csvText } from '../io/csv-cell';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { UnitLevel } from '../model';
import type { GapRecord } from './gap-record';
import type { Scorecard } from './scorecards';

export const GAP_CSV_COLUMNS = [
  'rule_id', 'scale', 'unit_id', 'unit_name', 'category', 'age_band', 'metric', 'measured', 'target', 'passed',
  'severity', 'children_affected', 'source', 'target_original', 'population_base', 'population',
  'status', 'reason', 'homes_affected',
] as const;

export const SCORECARD_CSV_COLUMNS = [
  'unit_level', 'unit_id', 'unit_name', 'child_friendly', 'failing_here', 'failing_below', 'rule_id', 'metric',
  'category', 'age_band', 'measured', 'comparator', 'target', 'passed', 'applicable', 'severity', 'children_affected',
  'estimated', 'source', 'target_original', 'population_base', 'population',
  'status', 'reason', 'homes_affected',
] as const;

/** Numbers and booleans as they are; text through the one CSV text writer (quoting, formulas neutralised). */
export function csvCell(v: string | number | boolean): string {
  return typeof v === 'number' ? formatNumber(v) : typeof v === 'boolean' ? String(v) : csvText(v);
}

/** Empty for not-applicable (NaN); 'Infinity' for unreachable; otherwise at most 4 decimals. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return String(Math.round(x * 1e4) / 1e4);
}

const line = (cells: readonly (string | number | boolean)[]): string => cells.map(csvCell).join(',');

/** true / false, or an empty cell (null in GeoJSON) when the rule does not apply: neither a pass nor a gap. */
const passedCell = (r: GapRecord): boolean | '' => (r.applicable ? r.passed : '');
const statusCells = (r: GapRecord): (string | number)[] => [r.status, r.reason, r.homes_affected];

/** Empty cells for a target that is not scaled by population; people rounded to whole persons. */
const scalingCells = (r: GapRecord): (string | number)[] =>
  r.population_base === undefined ? ['', '', ''] : [r.target_original ?? '', r.population_base, Math.round(r.population ?? NaN)];

function gapCells(r: GapRecord): (string | number | boolean)[] {
  return [r.rule_id, r.scale, r.unit_id, r.unit_name, r.category, r.age_band, r.metric, r.measured, r.target, passedCell(r),
    r.severity, r.children_affected, r.source, ...scalingCells(r), ...statusCells(r)];
}

export function gapsToCsv(records: readonly GapRecord[]): string {
  return [line(GAP_CSV_COLUMNS), ...records.map((r) => line(gapCells(r)))].join('\n') + '\n';
}

export function scorecardsToCsv(cards: readonly Scorecard[]): string {
  const out = [line(SCORECARD_CSV_COLUMNS)];
  for (const c of cards) {
    for (const r of c.rows) {
      out.push(line([c.level, c.unit_id, c.unit_name, c.assessed ? c.childFriendly : '', c.failingHere, c.failingBelow, r.rule_id, r.metric,
        r.category, r.age_band, r.measured, r.comparator, r.target, passedCell(r), r.applicable, r.severity, r.children_affected,
        r.estimated, r.source, ...scalingCells(r), ...statusCells(r)]));
    }
  }
  return out.join('\n') + '\n';
}

/** Unit polygons per level, indexed like the level's UnitTable. */
export type UnitGeometries = Partial<Record<UnitLevel, readonly (Geometry | null | undefined)[]>>;

/**
 * One feature per record on its unit's polygon (null geometry when the polygon is unknown). Non-finite
 * numbers become null, since JSON has no NaN or Infinity; `unreachable` says when the worst home is.
 */
export function gapsToGeoJSON(records: readonly GapRecord[], unitGeometries: UnitGeometries): FeatureCollection<Geometry | null> {
  const num = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null);
  const features: Feature<Geometry | null>[] = records.map((r) => ({
    type: 'Feature',
    id: `${r.rule_id}@${r.scale}:${r.unit_id}`,
    geometry: unitGeometries[r.scale]?.[r.unit_index] ?? null,
    properties: {
      rule_id: r.rule_id, scale: r.scale, unit_id: r.unit_id, unit_name: r.unit_name, unit_name_zh: r.unit_name_zh ?? null, category: r.category,
      age_band: r.age_band, metric: r.metric, measured: num(r.measured), unreachable: r.measured === Infinity,
      target: r.target, target_original: r.target_original ?? null, population_base: r.population_base ?? null,
      population: r.population === undefined ? null : Math.round(r.population), comparator: r.comparator,
      passed: r.applicable ? r.passed : null, applicable: r.applicable, status: r.status, reason: r.reason || null, severity: r.severity,
      children_affected: num(r.children_affected), homes_affected: r.homes_affected, source: r.source, estimated: r.estimated,
      uncovered_homes: r.uncovered_homes.length,
    },
  }));
  return { type: 'FeatureCollection', features };
}
