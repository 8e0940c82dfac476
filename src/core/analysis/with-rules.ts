/**
 * Access + rules in one job: the request widened to what the rule set tests (its categories, and a
 * cutoff no lower than its largest distance, so no verdict depends on the cutoff), and the progress bar
 * shared between the job's stages: the access run, then 'progress.safe-routes' when its safe-route rules
 * need routes computed, then 'progress.rules'.
 */
import { accessRequirements, type Evaluation, type RuleSet } from '../rules';
import { stageProgress, type ProgressFn } from '../jobs';
import type { AccessAnalysisResult, AccessRequest } from './types';
import { safeRouteRuleCategories } from './rules-safe-routes';

export interface AccessWithRules {
  readonly access: AccessAnalysisResult;
  readonly evaluation: Evaluation;
}

/** Share of the progress bar left for the rules stage. */
export const RULES_PROGRESS_SHARE = 0.1;
/** Share of the bar for routing every home to its school (a rule check whose safe-route rules need it). */
export const SAFE_ROUTES_PROGRESS_SHARE = 0.3;

export function requestForRules(request: AccessRequest, ruleSet: RuleSet): AccessRequest {
  const need = accessRequirements(ruleSet);
  // Safe-route rules need the school categories their routes go to.
  const categories = [...new Set([...request.categories, ...need.categories, ...safeRouteRuleCategories(ruleSet, request.safeRoutes)])];
  const cutoffM = request.cutoffM === undefined ? undefined : Math.max(request.cutoffM, need.maxDistanceM);
  return { ...request, categories, cutoffM };
}

/** The access run's progress in a rule check: the bar's start, up to what the later stages leave. */
export function scaledProgress(onProgress: ProgressFn | undefined, later = RULES_PROGRESS_SHARE): ProgressFn | undefined {
  return stageProgress(onProgress, 0, 1 - later);
}
