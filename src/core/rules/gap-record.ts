/** What the evaluator says about one rule in one unit: a row of gaps.csv plus what the map needs. */
import type { UnitLevel } from '../model';
import { bandLabel } from './bands';
import { leafCategories } from './parse';
import type { Comparator, MetricKind, Rule, RuleSource, Severity } from './schema';

/** What one rule says about one unit. Only 'passed' passes; 'not-applicable' is neither a pass nor a gap. */
export const RULE_STATUSES = ['passed', 'failed', 'not-applicable'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

/**
 * Why a record was not compared normally (docs/data-schema.md, "Rule results"):
 * - 'no-child-counts' (not applicable): no home in the data has a child count above 0, so a rule weighted by
 *   children cannot be measured;
 * - 'no-children-in-unit' (not applicable): the unit has no children of the band (a 0/0 share);
 * - 'no-people' (not applicable): a target scaled by population, in a unit without people;
 * - 'no-facility' (failed): the data has no facility of the category at all, so no home can be within reach.
 */
export const RULE_REASONS = ['no-child-counts', 'no-children-in-unit', 'no-people', 'no-facility'] as const;
export type RuleReason = (typeof RULE_REASONS)[number];

/** The status a reason forces: a missing facility is a gap, missing children are not a verdict at all. */
export const reasonStatus = (reason: RuleReason): RuleStatus => (reason === 'no-facility' ? 'failed' : 'not-applicable');

export interface GapRecord {
  readonly rule_id: string;
  readonly scale: UnitLevel;
  /** Index of the unit in its level's UnitTable (what the map highlights). */
  readonly unit_index: number;
  readonly unit_id: string;
  readonly unit_name: string;
  /** The unit's `name_zh`, when the layer has one (not a gaps.csv column; the UI shows it in Chinese). */
  readonly unit_name_zh?: string;
  /** Facility category; several joined by '+' (composites, play space); '' when the metric has none. */
  readonly category: string;
  /** '4-6', '0-3+4-6', 'all', or '' when the metric has no band. */
  readonly age_band: string;
  readonly metric: MetricKind;
  /**
   * NaN when not applicable; Infinity for an unreachable worst home (and for every worst distance when the
   * category has no facility); 0 for a share when the category has no facility ("none within").
   */
  readonly measured: number;
  /** The target the unit is held to: the rule's, or scaled to the unit's people when it has a population base. */
  readonly target: number;
  /** Only for targets scaled by population: the rule's own target, its population base, the unit's people. */
  readonly target_original?: number;
  readonly population_base?: number;
  readonly population?: number;
  readonly comparator: Comparator;
  /** passed / failed / not-applicable; `passed` and `applicable` below are derived from it. */
  readonly status: RuleStatus;
  /** Why the record is not applicable, or failed without a comparison; '' for an ordinary comparison. */
  readonly reason: RuleReason | '';
  /** status === 'passed' (never true for a rule that does not apply). */
  readonly passed: boolean;
  /** status !== 'not-applicable'. */
  readonly applicable: boolean;
  readonly severity: Severity;
  /**
   * Children of the band in the unit whose homes fail the rule's per-home condition; 0 for count rules;
   * NaN (unknown) when the data has no child counts — `homes_affected` then says how many homes.
   */
  readonly children_affected: number;
  /** uncovered_homes.length: homes failing the per-home condition (see uncovered_homes). */
  readonly homes_affected: number;
  /** Short citation, e.g. 'GB 50180-2018, Table 5.0.3 [P]'. */
  readonly source: string;
  /** Some child counts behind this row are estimates. */
  readonly estimated: boolean;
  /**
   * Homes (HomeTable indexes) with children of the band that fail the per-home condition; when the data has
   * no child counts and the category no facility, every home of the unit.
   */
  readonly uncovered_homes: Int32Array;
}

export function citation(s: RuleSource): string {
  const doc = s.year === undefined || s.document.includes(String(s.year)) ? s.document : `${s.document} (${s.year})`;
  return `${doc}${s.clause ? `, ${s.clause}` : ''} [${s.confirmed}]`;
}

/** `schoolCategories`: the safe routes' school categories (safe_route_share). */
export function ruleCategory(rule: Rule, playSpaceCategories: readonly string[], schoolCategories: readonly string[] = []): string {
  const m = rule.metric;
  switch (m.kind) {
    case 'safe_route_share': return schoolCategories.join('+');
    case 'composite': return [...new Set(m.conditions.flatMap(leafCategories))].join('+');
    case 'play_area_per_child': return (m.categories ?? playSpaceCategories).join('+');
    case 'child_friendly_subunits': return '';
    default: return m.category;
  }
}

export function ruleAgeBand(rule: Rule): string {
  const m = rule.metric;
  switch (m.kind) {
    case 'share_within': case 'composite': case 'worst_distance': case 'play_area_per_child': case 'safe_route_share': return bandLabel(m.age_band);
    case 'facility_count': return m.per_1000_children ? bandLabel(m.per_1000_children) : '';
    default: return '';
  }
}
