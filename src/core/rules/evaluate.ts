/**
 * evaluateRules: every enabled rule in every unit of its scale, bottom-up (community → street → district
 * → city), because "≥1 child-friendly street per district" needs the streets' verdicts first. A unit is
 * child-friendly when at least one rule of its scale applies to it and every applicable rule passes. Each
 * record is passed, failed or not-applicable with a reason (gap-record.ts); nothing passes vacuously.
 */
import type { CancelToken } from '../jobs';
import {
  BUILTIN_CATEGORIES, UNIT_LEVELS, type CategoryAccess, type FacilityTable, type HomeTable, type UnitLevel, type UnitTable,
} from '../model';
import { createWeightCache, hasChildCounts } from './bands';
import { citation, reasonStatus, ruleAgeBand, ruleCategory, type GapRecord, type RuleReason, type RuleStatus } from './gap-record';
import { buildLevels } from './levels';
import { measureRule, type MeasureInputs, type SubunitView } from './measure';
import type { SafeRouteInput } from './safe-route-measure';
import { homePeople, scaleTarget, unitPopulation } from './population';
import { buildScorecards, type Scorecard } from './scorecards';
import { compare, comparatorOf, SEVERITIES, type RuleSet, type Severity } from './schema';

export interface RuleInputs {
  readonly homes: HomeTable;
  readonly facilities: FacilityTable;
  readonly access: readonly CategoryAccess[];
  /** Absent levels are skipped; an absent city means the whole study area is one city. */
  readonly units: Partial<Record<UnitLevel, UnitTable>>;
  /** Categories counted as play space when a rule names none; defaults to the registry's playSpace ones. */
  readonly playSpaceCategories?: readonly string[];
  /** The run's safe routes to school (safe-route-measure.ts); without them safe_route_share rules are skipped. */
  readonly safeRoutes?: SafeRouteInput;
}

export const SKIP_CODES = ['level-missing', 'subunit-level-missing', 'access-missing', 'safe-routes-missing'] as const;
export type SkipCode = (typeof SKIP_CODES)[number];

export interface SkippedRule {
  readonly rule_id: string;
  readonly code: SkipCode;
  readonly params: Readonly<Record<string, string>>;
}

export interface EvaluationSummary {
  readonly ruleSetId: string;
  readonly ruleSetVersion: string;
  readonly rulesEvaluated: number;
  readonly evaluations: number;
  readonly failing: number;
  /** Records that are neither passed nor failed (no children of the band, no child counts, no people). */
  readonly notApplicable: number;
  readonly failingBySeverity: Readonly<Record<Severity, number>>;
  /**
   * Child-friendly units per evaluated level, of `total`; `assessed` units have at least one applicable rule of
   * their scale (the others are neither child-friendly nor not: nothing was compared there).
   */
  readonly childFriendly: Partial<Record<UnitLevel, { readonly count: number; readonly total: number; readonly assessed: number }>>;
  readonly skipped: readonly SkippedRule[];
  /** Some child counts are estimates (label results as such). */
  readonly estimated: boolean;
  /** Some home has a child count above 0; false: every rule weighted by children is 'no-child-counts'. */
  readonly childCounts: boolean;
  /** Categories of evaluated distance rules with no facility in the data (those rules fail everywhere), sorted. */
  readonly noFacility: readonly string[];
}

export interface Evaluation {
  /** Failed records only — the gaps. */
  readonly gaps: GapRecord[];
  /** Every rule × unit record (passing ones too), in evaluation order. */
  readonly records: GapRecord[];
  readonly scorecards: Scorecard[];
  readonly summary: EvaluationSummary;
}

/** Thrown for inputs whose array lengths disagree (a pipeline bug, not a user error). */
export class RuleInputError extends Error {
  constructor(readonly code: string, readonly params: Readonly<Record<string, string | number>>) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'RuleInputError';
  }
}

export function evaluateRules(ruleSet: RuleSet, inputs: RuleInputs, cancel?: CancelToken): Evaluation {
  checkInputs(inputs);
  const { homes, facilities } = inputs;
  const views = buildLevels(inputs.units, homes, facilities);
  const minp: MeasureInputs = {
    homes, facilities,
    accessBy: new Map(inputs.access.map((a) => [a.category, a])),
    playSpaceCategories: inputs.playSpaceCategories ?? BUILTIN_CATEGORIES.filter((c) => c.playSpace).map((c) => c.id),
    weights: createWeightCache(homes),
    childCounts: hasChildCounts(homes),
    present: new Set(facilities.category),
    ...(inputs.safeRoutes ? { safeRoutes: inputs.safeRoutes } : {}),
  };
  const noFacility = new Set<string>();
  const records: GapRecord[] = [];
  const skipped: SkippedRule[] = [];
  const friendly: Partial<Record<UnitLevel, Uint8Array>> = {};
  const assessed: Partial<Record<UnitLevel, Uint8Array>> = {};
  const evaluated = new Set<string>();
  let people: Float64Array | undefined;

  for (const level of [...UNIT_LEVELS].reverse()) {
    const rules = ruleSet.rules.filter((r) => r.enabled && r.scale === level);
    const view = views[level];
    if (!view) {
      for (const r of rules) skipped.push({ rule_id: r.id, code: 'level-missing', params: { level } });
      continue;
    }
    const applied = new Uint32Array(view.nUnits);
    const failed = new Uint32Array(view.nUnits);
    const below = UNIT_LEVELS[UNIT_LEVELS.indexOf(level) + 1];
    const belowView = below ? views[below] : undefined;
    const sub: SubunitView | undefined = belowView && belowView.parentLevel === level
      ? { friendly: friendly[below] ?? new Uint8Array(belowView.nUnits), parent: belowView.parent }
      : undefined;
    for (const rule of rules) {
      cancel?.check();
      const m = measureRule(rule, view, minp, sub);
      if (!m) {
        skipped.push(rule.metric.kind === 'child_friendly_subunits'
          ? { rule_id: rule.id, code: 'subunit-level-missing', params: { level: below ?? '' } }
          : rule.metric.kind === 'safe_route_share' ? { rule_id: rule.id, code: 'safe-routes-missing', params: {} }
          : { rule_id: rule.id, code: 'access-missing', params: { categories: ruleCategory(rule, []) } });
        continue;
      }
      evaluated.add(rule.id);
      const cmp = comparatorOf(rule);
      const source = citation(rule.source);
      const category = ruleCategory(rule, minp.playSpaceCategories, inputs.safeRoutes?.schoolCategories);
      const ageBand = ruleAgeBand(rule);
      const base = rule.populationBase;
      const pop = base === undefined ? undefined : unitPopulation(view, (people ??= homePeople(homes)));
      if (m.reason.includes('no-facility')) for (const c of category.split('+')) if (!minp.present.has(c)) noFacility.add(c);
      for (let u = 0; u < view.nUnits; u++) {
        // A unit without people has no scaled target: the rule does not apply there.
        const reason: RuleReason | '' = m.reason[u] || (pop && !(pop[u] > 0) ? 'no-people' : '');
        const target = pop && base ? scaleTarget(rule.target, pop[u], base) : rule.target;
        const status: RuleStatus = reason ? reasonStatus(reason) : compare(m.measured[u], cmp, target) ? 'passed' : 'failed';
        if (status !== 'not-applicable') { applied[u]++; if (status === 'failed') failed[u]++; }
        records.push({
          rule_id: rule.id, scale: level, unit_index: u, unit_id: view.table.ids[u], unit_name: view.table.names[u] ?? '', unit_name_zh: view.table.namesZh[u],
          category, age_band: ageBand, metric: rule.metric.kind, measured: status === 'not-applicable' ? NaN : m.measured[u],
          target, ...(pop && base ? { target_original: rule.target, population_base: base, population: pop[u] } : {}),
          comparator: cmp, status, reason, passed: status === 'passed', applicable: status !== 'not-applicable', severity: rule.severity,
          children_affected: m.affected[u], homes_affected: m.uncovered[u].length, source, estimated: view.estimated[u] === 1, uncovered_homes: m.uncovered[u],
        });
      }
    }
    friendly[level] = Uint8Array.from(applied, (a, u) => (a > 0 && failed[u] === 0 ? 1 : 0));
    assessed[level] = Uint8Array.from(applied, (a) => (a > 0 ? 1 : 0));
  }

  const gaps = records.filter((r) => r.status === 'failed');
  const failingBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, gaps.filter((g) => g.severity === s).length])) as Record<Severity, number>;
  const childFriendly: EvaluationSummary['childFriendly'] = {};
  for (const level of UNIT_LEVELS) {
    const f = friendly[level];
    if (f) childFriendly[level] = { count: f.reduce((s, x) => s + x, 0), total: f.length, assessed: assessed[level]!.reduce((s, x) => s + x, 0) };
  }
  return {
    gaps,
    records,
    scorecards: buildScorecards(records, views, friendly, assessed),
    summary: {
      ruleSetId: ruleSet.id, ruleSetVersion: ruleSet.version, rulesEvaluated: evaluated.size, evaluations: records.length,
      failing: gaps.length, notApplicable: records.filter((r) => r.status === 'not-applicable').length, failingBySeverity, childFriendly, skipped,
      estimated: homes.estimated.some((e) => e === 1), childCounts: minp.childCounts, noFacility: [...noFacility].sort(),
    },
  };
}

function checkInputs({ homes, facilities, access, units, safeRoutes }: RuleInputs): void {
  const nH = homes.ids.length;
  const nF = facilities.ids.length;
  if (safeRoutes && (safeRoutes.status.length !== nH || safeRoutes.unsafe.length !== nH)) {
    throw new RuleInputError('rules.input.safe-routes-length', { expected: nH, got: safeRoutes.status.length });
  }
  for (const a of access) {
    if (a.walkingM.length !== nH) throw new RuleInputError('rules.input.access-length', { category: a.category, expected: nH, got: a.walkingM.length });
  }
  for (const t of Object.values(units)) {
    if (!t) continue;
    if (t.homeUnit.length !== nH) throw new RuleInputError('rules.input.home-unit-length', { level: t.level, expected: nH, got: t.homeUnit.length });
    if (t.facilityUnit.length !== nF) throw new RuleInputError('rules.input.facility-unit-length', { level: t.level, expected: nF, got: t.facilityUnit.length });
  }
}
