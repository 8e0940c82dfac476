/**
 * What a `safe_route_share` rule needs from safe routes to school, and which homes pass it. The evaluator
 * stays pure and does not route: whoever evaluates (the analysis service, the CLI) computes the run's safe
 * routes once and hands each home's status and unsafe flag over as a SafeRouteInput.
 */
import { STATUS_OK, type SafeRoutes } from '../safety';
import type { RuleSet } from './schema';

export interface SafeRouteInput {
  /** Per home (HomeTable order): ROUTE_STATUSES index and the contract's `unsafe` flag. */
  readonly status: SafeRoutes['status'];
  readonly unsafe: SafeRoutes['unsafe'];
  /**
   * The school categories the routes used (the run's, after `school` of unknown level counts as primary and
   * middle); the gap record's category. None of them with a facility: the rule fails with 'no-facility'.
   */
  readonly schoolCategories: readonly string[];
}

/** Whether some enabled rule of the set measures safe routes (the evaluation then needs a SafeRouteInput). */
export function needsSafeRoutes(set: RuleSet): boolean {
  return set.rules.some((r) => r.enabled && r.metric.kind === 'safe_route_share');
}

/** Per home (lengths checked by the evaluator): 1 when its safe route to school exists (status ok) and is not unsafe; beyond and unreachable fail. */
export function safeRouteMask(input: SafeRouteInput, n: number): Uint8Array {
  const mask = new Uint8Array(n);
  for (let h = 0; h < n; h++) mask[h] = input.status[h] === STATUS_OK && input.unsafe[h] === 0 ? 1 : 0;
  return mask;
}
