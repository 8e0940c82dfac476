/**
 * Safe routes for a rule check: a rule set with a `safe_route_share` rule needs the run's safe routes to
 * school. They come from the safe routes already held for that run when those used the same profile and
 * school categories (the Safe routes panel's), else they are computed here, once per check, with the
 * profile the check names (the project's; absent: child-v1). Shared by the service and the CLI.
 */
import { countedCategories } from '../model';
import { nextTurn, stageProgress, type CancelToken, type ProgressFn } from '../jobs';
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
 * Whether safeRoutesForRules will route (not reuse the held routes): the rule check then shows its
 * 'progress.safe-routes' stage. False for a profile it refuses (nothing is routed).
 */
export function rulesWillRoute(ruleSet: RuleSet, asked: SafeRoutesRequest | undefined, held: HeldSafeRoutes | undefined): boolean {
  if (!needsSafeRoutes(ruleSet)) return false;
  const parsed = parseProfile(asked?.profile ?? CHILD_V1);
  return parsed.ok && !(held && sameRequest(held.request, { ...asked, profile: parsed.profile }));
}

/**
 * The safe routes a rule check of `run` uses. `asked` (the check's) is validated like the Safe routes
 * panel's profile: an invalid one throws a coded error ('safety.invalid-profile'). A run without any school
 * category gives every home unreachable, so the rules fail with 'no-facility' for the asked categories.
 */
export function safeRoutesForRules(ruleSet: RuleSet, data: PreparedDataset, run: AccessAnalysisRun, runId: string, request: AccessRequest,
  asked: SafeRoutesRequest | undefined, held: HeldSafeRoutes | undefined, cancel?: CancelToken, onProgress?: ProgressFn, jobId = ''): RuleSafeRoutes {
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
  const r = computeRunSafeRoutes(data, run, runId, request, sr, cancel, onProgress, jobId);
  return { input: { status: r.held.routes.status, unsafe: r.held.routes.unsafe, schoolCategories }, computed: r.held };
}

/** What a rule check's safe-route stage needs; it takes [from, from + share] of the job's progress bar. */
export interface RulesSafetyStage {
  readonly ruleSet: RuleSet;
  readonly data: PreparedDataset;
  readonly run: AccessAnalysisRun;
  readonly runId: string;
  readonly request: AccessRequest;
  readonly asked: SafeRoutesRequest | undefined;
  readonly held: HeldSafeRoutes | undefined;
  readonly cancel: CancelToken;
  readonly jobId: string;
  readonly onProgress: ProgressFn | undefined;
  readonly from: number;
  readonly share: number;
}

/**
 * The safe routes a rule check uses. When they must be routed it is a stage of its own
 * ('progress.safe-routes'), with a turn before it so a Cancel already sent stops the check before routing;
 * routing checks the token between its searches, and the caller's next turn hears a Cancel sent during it.
 * Routes computed here are returned, not held: a cancelled check leaves the service as it was.
 */
export async function rulesSafetyStage(s: RulesSafetyStage): Promise<RuleSafeRoutes> {
  if (rulesWillRoute(s.ruleSet, s.asked, s.held)) {
    s.onProgress?.({ jobId: s.jobId, stage: 'progress.safe-routes', fraction: s.from });
    await nextTurn(s.cancel);
  }
  return safeRoutesForRules(s.ruleSet, s.data, s.run, s.runId, s.request, s.asked, s.held, s.cancel, stageProgress(s.onProgress, s.from, s.share), s.jobId);
}
