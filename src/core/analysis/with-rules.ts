/**
 * Access + rules in one job: the request widened to what the rule set tests (its categories, and a
 * cutoff no lower than its largest distance, so no verdict depends on the cutoff), and the run's progress
 * scaled so 'progress.rules' takes the last part of the bar.
 */
import { accessRequirements, type Evaluation, type RuleSet } from '../rules';
import type { ProgressFn } from '../jobs';
import type { AccessAnalysisResult, AccessRequest } from './types';
import { safeRouteRuleCategories } from './rules-safe-routes';

export interface AccessWithRules {
  readonly access: AccessAnalysisResult;
  readonly evaluation: Evaluation;
}

/** Share of the progress bar left for the rules stage. */
export const RULES_PROGRESS_SHARE = 0.1;

export function requestForRules(request: AccessRequest, ruleSet: RuleSet): AccessRequest {
  const need = accessRequirements(ruleSet);
  // Safe-route rules need the school categories their routes go to.
  const categories = [...new Set([...request.categories, ...need.categories, ...safeRouteRuleCategories(ruleSet, request.safeRoutes)])];
  const cutoffM = request.cutoffM === undefined ? undefined : Math.max(request.cutoffM, need.maxDistanceM);
  return { ...request, categories, cutoffM };
}

export function scaledProgress(onProgress: ProgressFn | undefined): ProgressFn | undefined {
  return onProgress && ((p) => onProgress({ ...p, fraction: p.fraction === undefined ? undefined : p.fraction * (1 - RULES_PROGRESS_SHARE) }));
}
