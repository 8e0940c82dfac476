/**
 * Scorecards: per unit, every evaluated rule of its scale (measured vs target, status, source) and a
 * roll-up of failed rules (not-applicable ones are not counted) at its level and in every unit below it (through the resolved parent links).
 */
import { UNIT_LEVELS, type UnitLevel } from '../model';
import type { GapRecord } from './gap-record';
import type { LevelView } from './levels';
import { SEVERITIES, type Severity } from './schema';

export interface Scorecard {
  readonly level: UnitLevel;
  readonly unit_index: number;
  readonly unit_id: string;
  readonly unit_name: string;
  readonly unit_name_zh?: string;
  /** At least one applicable rule of its scale, and every applicable one passed. */
  readonly childFriendly: boolean;
  /** At least one rule of its scale applies here; when false the unit is "not assessed", not "not child-friendly". */
  readonly assessed: boolean;
  /** Every evaluated rule of this scale in this unit, in rule-set order. */
  readonly rows: readonly GapRecord[];
  /** Failing rules of this unit's own scale. */
  readonly failingHere: number;
  /** Failing rule records in all units below this one. */
  readonly failingBelow: number;
  /** Here + below, by severity. */
  readonly failingBySeverity: Readonly<Record<Severity, number>>;
}

/** What a unit is under the rule set: a unit where no rule of its scale applies was not assessed. */
export type Verdict = 'child-friendly' | 'not-yet' | 'not-assessed';
export const verdictOf = (c: Pick<Scorecard, 'assessed' | 'childFriendly'>): Verdict =>
  (!c.assessed ? 'not-assessed' : c.childFriendly ? 'child-friendly' : 'not-yet');

type SeverityCounts = Record<Severity, number>;
const zero = (): SeverityCounts => ({ info: 0, minor: 0, major: 0, critical: 0 });

export function buildScorecards(
  records: readonly GapRecord[],
  views: Partial<Record<UnitLevel, LevelView>>,
  friendly: Partial<Record<UnitLevel, Uint8Array>>,
  assessed: Partial<Record<UnitLevel, Uint8Array>>,
): Scorecard[] {
  const rows = new Map<UnitLevel, GapRecord[][]>();
  const here = new Map<UnitLevel, SeverityCounts[]>();
  const total = new Map<UnitLevel, SeverityCounts[]>();
  for (const level of UNIT_LEVELS) {
    const v = views[level];
    if (!v) continue;
    rows.set(level, Array.from({ length: v.nUnits }, () => []));
    here.set(level, Array.from({ length: v.nUnits }, zero));
    total.set(level, Array.from({ length: v.nUnits }, zero));
  }
  for (const r of records) {
    rows.get(r.scale)![r.unit_index].push(r);
    if (r.status === 'failed') { here.get(r.scale)![r.unit_index][r.severity]++; total.get(r.scale)![r.unit_index][r.severity]++; }
  }
  // Bottom-up: each level adds its totals (own + below) into its parent's.
  for (const level of [...UNIT_LEVELS].reverse()) {
    const v = views[level];
    if (!v || !v.parentLevel) continue;
    const up = total.get(v.parentLevel)!;
    total.get(level)!.forEach((c, u) => {
      const p = v.parent[u];
      if (p >= 0) for (const s of SEVERITIES) up[p][s] += c[s];
    });
  }
  const cards: Scorecard[] = [];
  for (const level of UNIT_LEVELS) {
    const v = views[level];
    if (!v) continue;
    for (let u = 0; u < v.nUnits; u++) {
      const own = sum(here.get(level)![u]);
      const all = total.get(level)![u];
      cards.push({
        level, unit_index: u, unit_id: v.table.ids[u], unit_name: v.table.names[u] ?? '', unit_name_zh: v.table.namesZh[u],
        childFriendly: friendly[level]?.[u] === 1, assessed: assessed[level]?.[u] === 1, rows: rows.get(level)![u],
        failingHere: own, failingBelow: sum(all) - own, failingBySeverity: { ...all },
      });
    }
  }
  return cards;
}

const sum = (c: SeverityCounts): number => SEVERITIES.reduce((s, k) => s + c[k], 0);
