/**
 * parseRuleSet: migrate, validate with zod, then check what a schema cannot see (unique ids, known
 * categories, sub-unit rules that have something to count). An invalid edit is refused with every reason
 * as a code + params + path, which the UI words through rules.json (`rules.issue.<code>`).
 */
import type { z } from 'zod';
import { BUILTIN_CATEGORY_IDS, UNIT_LEVELS, type UnitLevel } from '../model';
import { migrateRuleSet, RULE_SET_MIGRATIONS, type RuleSetMigration } from './migrations';
import { isShareMetric, ruleSetSchema, type Condition, type Metric, type RuleSet } from './schema';

export type IssueParam = string | number | boolean | readonly (string | number)[];

export interface RuleSetIssue {
  readonly path: readonly (string | number)[];
  /** zod's issue code (invalid_type, too_small, …) or one of ours (duplicate-id, unknown-category, …). */
  readonly code: string;
  readonly params: Readonly<Record<string, IssueParam>>;
}

/** Our own refusal codes (besides zod's): each has a `rules.issue.<code>` string in rules.json. */
export const RULE_SET_ISSUE_CODES = [
  'not-an-object', 'no-version', 'too-new', 'no-migration', 'duplicate-id', 'unknown-category', 'share-target-range',
  'no-subunit-level', 'no-subunit-rules', 'no-such-rule', 'population-base-metric',
] as const;

export type ParseRuleSetResult =
  | { ok: true; ruleSet: RuleSet; migratedFrom?: number }
  | { ok: false; issues: RuleSetIssue[] };

export interface ParseOptions {
  /** Categories rules may name; defaults to the built-in registry. Pass CategoryRegistry ids for user ones. */
  readonly categories?: readonly string[];
  readonly migrations?: readonly RuleSetMigration[];
}

export function parseRuleSet(json: unknown, options: ParseOptions = {}): ParseRuleSetResult {
  const migrated = migrateRuleSet(json, options.migrations ?? RULE_SET_MIGRATIONS);
  if (!migrated.ok) return migrated;
  const parsed = ruleSetSchema.safeParse(migrated.doc);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(fromZod) };
  const issues = crossCheck(parsed.data, options.categories ?? BUILTIN_CATEGORY_IDS);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, ruleSet: parsed.data, migratedFrom: migrated.migratedFrom };
}

/** Keep the machine-readable parts of a zod issue; its English message stays out of the core's output. */
function fromZod(issue: z.core.$ZodIssue): RuleSetIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const params: Record<string, IssueParam> = {};
  switch (issue.code) {
    case 'invalid_type': params['expected'] = issue.expected; break;
    case 'too_small': params['minimum'] = Number(issue.minimum); params['origin'] = issue.origin; params['inclusive'] = issue.inclusive ?? true; break;
    case 'too_big': params['maximum'] = Number(issue.maximum); params['origin'] = issue.origin; params['inclusive'] = issue.inclusive ?? true; break;
    case 'invalid_value': params['values'] = issue.values.map(String); break;
    case 'unrecognized_keys': params['keys'] = issue.keys; break;
    case 'invalid_format': params['format'] = issue.format; break;
    case 'invalid_union':
      if ('discriminator' in issue && typeof issue.discriminator === 'string') params['discriminator'] = issue.discriminator;
      break;
    default: break;
  }
  return { path, code: issue.code, params };
}

function categoriesOf(m: Metric): string[] {
  switch (m.kind) {
    case 'share_within': case 'worst_distance': case 'facility_count': case 'presence': return [m.category];
    case 'composite': return m.conditions.flatMap(leafCategories);
    case 'play_area_per_child': return m.categories ?? [];
    case 'child_friendly_subunits': case 'safe_route_share': return [];
  }
}

export function leafCategories(c: Condition): string[] {
  return 'category' in c ? [c.category] : c.conditions.flatMap(leafCategories);
}

const levelBelow = (l: UnitLevel): UnitLevel | undefined => UNIT_LEVELS[UNIT_LEVELS.indexOf(l) + 1];

function crossCheck(set: RuleSet, categories: readonly string[]): RuleSetIssue[] {
  const issues: RuleSetIssue[] = [];
  const known = new Set(categories);
  const seen = new Map<string, number>();
  const enabledScales = new Set(set.rules.filter((r) => r.enabled).map((r) => r.scale));
  set.rules.forEach((rule, i) => {
    const first = seen.get(rule.id);
    if (first !== undefined) issues.push({ path: ['rules', i, 'id'], code: 'duplicate-id', params: { id: rule.id, first } });
    else seen.set(rule.id, i);
    for (const c of categoriesOf(rule.metric)) {
      if (!known.has(c)) issues.push({ path: ['rules', i, 'metric'], code: 'unknown-category', params: { category: c } });
    }
    if (isShareMetric(rule.metric.kind) && rule.target > 1) {
      issues.push({ path: ['rules', i, 'target'], code: 'share-target-range', params: { target: rule.target } });
    }
    // Scaling by population means something only for an absolute count (not per 1,000 children, not a share).
    if (rule.populationBase !== undefined && !(rule.metric.kind === 'facility_count' && !rule.metric.per_1000_children)) {
      issues.push({ path: ['rules', i, 'populationBase'], code: 'population-base-metric', params: { kind: rule.metric.kind } });
    }
    if (rule.metric.kind === 'child_friendly_subunits') {
      const below = levelBelow(rule.scale);
      if (!below) issues.push({ path: ['rules', i, 'scale'], code: 'no-subunit-level', params: { scale: rule.scale } });
      else if (rule.enabled && !enabledScales.has(below)) {
        issues.push({ path: ['rules', i, 'metric'], code: 'no-subunit-rules', params: { scale: below } });
      }
    }
  });
  return issues;
}
