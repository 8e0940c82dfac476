/**
 * Safe routes for a rule check: a rule set with a `safe_route_share` rule needs the run's safe routes to
 * school. They come from the safe routes already held for that run when those used the same profile and
 * school categories (the Safe routes panel's), else they are computed here, once per check, with the
 * profile the check names (the project's; absent: child-v1). Shared by the service and the CLI.
 */
import { countedCategories } from '../model';
import type { CancelToken } from '../jobs';
import { needsSafeRoutes, type RuleSet, type SafeRouteInput } from '../rules';
import { CHILD_V1, parseProfile, STATUS_UNREACHABLE } from '../safety';
import type { PreparedDataset } from './prepare';
import type { AccessAnalysisRun } from './run';
import { computeRunSafeRoutes, runSchoolCategories, type HeldSafeRoutes } from './safe-routes-run';
import { DEFAULT_SCHOOL_CATEGORIES, type SafeRoutesRequest } from './safe-routes-types';
import type { AccessRequest } from './types';

export const RULE_SAFETY_ERRORS = { invalidProfile: 'safety.invalid-profile' } as const;

/** The categories a rule check's run must analyse so its safe-route rules have schools to route to. */
export function safeRouteRuleCategories(ruleSet: RuleSet, sr?: Pick<SafeRoutesRequest, 'schoolCategories'>): string[] {
  if (!needsSafeRoutes(ruleSet)) return [];
  return [...new Set((sr?.schoolCategories ?? DEFAULT_SCHOOL_CATEGORIES).flatMap(countedCategories))];
}

export interface RuleSafeRoutes {
  /** For evaluateRules; undefined when the rule set has no safe-route rule. */
  readonly input?: SafeRouteInput;
  /** Routes computed here (not reused): the caller may hold them for "show this home's routes". */
  readonly computed?: HeldSafeRoutes;
}

const sameRequest = (a: SafeRoutesRequest, b: SafeRoutesRequest): boolean =>
  JSON.stringify(a.profile) === JSON.stringify(b.profile)
  && (a.schoolCategories ?? DEFAULT_SCHOOL_CATEGORIES).join() === (b.schoolCategories ?? DEFAULT_SCHOOL_CATEGORIES).join();

/**
 * The safe routes a rule check of `run` uses. `asked` (the check's) is validated like the Safe routes
 * panel's profile: an invalid one throws a coded error ('safety.invalid-profile'). A run without any school
 * category gives every home unreachable, so the rules fail with 'no-facility' for the asked categories.
 */
export function safeRoutesForRules(ruleSet: RuleSet, data: PreparedDataset, run: AccessAnalysisRun, runId: string, request: AccessRequest,
  asked: SafeRoutesRequest | undefined, held: HeldSafeRoutes | undefined, cancel?: CancelToken): RuleSafeRoutes {
  if (!needsSafeRoutes(ruleSet)) return {};
  const parsed = parseProfile(asked?.profile ?? CHILD_V1);
  if (!parsed.ok) {
    const issue = parsed.issues[0];
    throw Object.assign(new Error(RULE_SAFETY_ERRORS.invalidProfile), {
      code: RULE_SAFETY_ERRORS.invalidProfile, params: { path: issue?.path.join('.') ?? '', issue: issue?.code ?? '' },
    });
  }
  const sr: SafeRoutesRequest = { ...asked, profile: parsed.profile };
  const schoolCategories = runSchoolCategories(run.tables.access.map((a) => a.category), sr.schoolCategories);
  const n = run.tables.homes.ids.length;
  if (schoolCategories.length === 0) {
    // The asked categories name the gap (and the summary's missing facilities).
    return { input: { status: new Uint8Array(n).fill(STATUS_UNREACHABLE), unsafe: new Uint8Array(n), schoolCategories: safeRouteRuleCategories(ruleSet, sr) } };
  }
  if (held && sameRequest(held.request, sr)) return { input: { status: held.routes.status, unsafe: held.routes.unsafe, schoolCategories } };
  const r = computeRunSafeRoutes(data, run, runId, request, sr, cancel);
  return { input: { status: r.held.routes.status, unsafe: r.held.routes.unsafe, schoolCategories }, computed: r.held };
}
