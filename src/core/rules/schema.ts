/**
 * The rule-set document: versioned JSON, validated with zod on load. One rule = a scale, a metric with
 * its parameters, a comparator and target, a severity and the source it comes from (docs/standards.md).
 * Cross-rule checks (unique ids, known categories, sub-unit rules) live in validate.ts.
 */
import { z } from 'zod';
import { AGE_BANDS, UNIT_LEVELS } from '../model';

/** 2: rules may carry `populationBase` (count targets scaled to the unit's population). */
export const RULE_SET_SCHEMA_VERSION = 2;

export const SEVERITIES = ['info', 'minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const COMPARATORS = ['gte', 'gt', 'lte', 'lt'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** docs/standards.md status key: Confirmed, Partly confirmed, Recalled. */
export const SOURCE_STATUSES = ['C', 'P', 'R'] as const;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/);
const categoryId = z.string().min(1).max(60);
const meters = z.number().positive().max(100_000);
const title = z.object({ en: z.string().min(1).max(200), zh: z.string().min(1).max(200) }).strict();
const text = z.object({ en: z.string().max(2000), zh: z.string().max(2000) }).strict();

/** One band, several bands (their children summed), or 'all' four. */
export const ageBandSpecSchema = z.union([
  z.enum(AGE_BANDS),
  z.literal('all'),
  z.array(z.enum(AGE_BANDS)).min(1).max(AGE_BANDS.length),
]);
export type AgeBandSpec = z.infer<typeof ageBandSpecSchema>;

/** A per-home test: within `threshold_m` of the category, or all/any of nested tests. */
export type Condition =
  | { readonly category: string; readonly threshold_m: number }
  | { readonly op: 'all' | 'any'; readonly conditions: readonly Condition[] };

export const leafConditionSchema = z.object({ category: categoryId, threshold_m: meters }).strict();
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    leafConditionSchema,
    z.object({ op: z.enum(['all', 'any']), conditions: z.array(conditionSchema).min(1).max(12) }).strict(),
  ]),
);

export const METRIC_KINDS = [
  'share_within', 'composite', 'worst_distance', 'facility_count', 'play_area_per_child', 'presence',
  'child_friendly_subunits', 'safe_route_share',
] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const metricSchema = z.discriminatedUnion('kind', [
  /** Child-weighted share of the band's children whose walking distance to the category is ≤ threshold. */
  z.object({ kind: z.literal('share_within'), category: categoryId, age_band: ageBandSpecSchema, threshold_m: meters }).strict(),
  /** Child-weighted share of the band's children whose home meets all / any of the conditions. */
  z.object({ kind: z.literal('composite'), op: z.enum(['all', 'any']), conditions: z.array(conditionSchema).min(2).max(12), age_band: ageBandSpecSchema }).strict(),
  /** Walking distance of the worst-served home with children of the band (Infinity when unreachable). */
  z.object({ kind: z.literal('worst_distance'), category: categoryId, age_band: ageBandSpecSchema }).strict(),
  /** Facilities of the category in the unit; per 1,000 children of a band when `per_1000_children` is set. */
  z.object({ kind: z.literal('facility_count'), category: categoryId, per_1000_children: ageBandSpecSchema.optional(), min_area_m2: z.number().positive().optional() }).strict(),
  /** Sum of area_m2 of the play-space facilities in the unit per child of the band (unknown areas count 0). */
  z.object({ kind: z.literal('play_area_per_child'), categories: z.array(categoryId).min(1).optional(), age_band: ageBandSpecSchema }).strict(),
  /** At least one facility of the category (optionally with area ≥ min_area_m2) lies in the unit. */
  z.object({ kind: z.literal('presence'), category: categoryId, min_area_m2: z.number().positive().optional() }).strict(),
  /** Sub-units one level down that pass every rule of their scale. */
  z.object({ kind: z.literal('child_friendly_subunits') }).strict(),
  /**
   * Child-weighted share of the band's children whose safe route to school exists and is not unsafe
   * (docs/safe-routes-contract.md: routed, largest segment and crossing PLTS below 3). Needs the run's
   * safe routes (safe-route-measure.ts); the school categories are the safe routes' own.
   */
  z.object({ kind: z.literal('safe_route_share'), age_band: ageBandSpecSchema }).strict(),
]);
export type Metric = z.infer<typeof metricSchema>;

export const sourceSchema = z.object({
  document: z.string().min(1).max(300),
  /** Absent when the source gives none (some guidance documents are undated in docs/standards.md). */
  year: z.number().int().min(1900).max(2100).optional(),
  clause: z.string().max(200).default(''),
  confirmed: z.enum(SOURCE_STATUSES),
  note: z.string().max(1000).default(''),
}).strict();
export type RuleSource = z.infer<typeof sourceSchema>;

export const ruleSchema = z.object({
  id,
  scale: z.enum(UNIT_LEVELS),
  title,
  metric: metricSchema,
  /** Absent: the metric's natural direction (≥ for shares, counts and areas; ≤ for distances). */
  comparator: z.enum(COMPARATORS).optional(),
  target: z.number().finite().min(0),
  /**
   * The population the target was set for (Shenzhen's 800 rooms: its census population). When present, an
   * absolute facility count is scaled to each unit's people: ceil(target × population / populationBase).
   */
  populationBase: z.number().int().positive().max(2_000_000_000).optional(),
  severity: z.enum(SEVERITIES),
  source: sourceSchema,
  enabled: z.boolean().default(true),
}).strict();
export type Rule = z.infer<typeof ruleSchema>;
/** A rule as a file or an editor may write it (defaults not yet filled). */
export type RuleInput = z.input<typeof ruleSchema>;

export const ruleSetSchema = z.object({
  schemaVersion: z.literal(RULE_SET_SCHEMA_VERSION),
  id,
  /** The pack's own edition, e.g. '2025.1'; bumps when its rules change. */
  version: z.string().min(1).max(40),
  title,
  description: text.optional(),
  rules: z.array(ruleSchema).max(500),
}).strict();
export type RuleSet = z.infer<typeof ruleSetSchema>;
/** What a rule-set file may omit (defaults are filled on parse). */
export type RuleSetInput = z.input<typeof ruleSetSchema>;

export function defaultComparator(kind: MetricKind): Comparator {
  return kind === 'worst_distance' ? 'lte' : 'gte';
}

export function comparatorOf(rule: Rule): Comparator {
  return rule.comparator ?? defaultComparator(rule.metric.kind);
}

export function compare(measured: number, cmp: Comparator, target: number): boolean {
  switch (cmp) {
    case 'gte': return measured >= target;
    case 'gt': return measured > target;
    case 'lte': return measured <= target;
    case 'lt': return measured < target;
  }
}

/** Metrics whose measured value is a share in [0, 1]. */
export const isShareMetric = (kind: MetricKind): boolean => kind === 'share_within' || kind === 'composite' || kind === 'safe_route_share';
