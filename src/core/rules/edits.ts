/**
 * Pure edits of a rule set for the rule editor: each returns the re-validated set, or the refusal with
 * its reasons (the same issues parseRuleSet gives), leaving the original untouched.
 */
import { parseRuleSet, type ParseOptions, type ParseRuleSetResult } from './parse';
import type { RuleInput, RuleSet } from './schema';

/** A whole rule (addRule) or the fields to change (updateRule); validity is checked on revalidation. */
export type RuleDraft = Partial<RuleInput>;

function revalidate(set: RuleSet, rules: readonly unknown[], options?: ParseOptions): ParseRuleSetResult {
  return parseRuleSet(JSON.parse(JSON.stringify({ ...set, rules })), options);
}

export function addRule(set: RuleSet, rule: RuleDraft, options?: ParseOptions): ParseRuleSetResult {
  return revalidate(set, [...set.rules, rule], options);
}

/** Shallow-merges `patch` into the rule with `ruleId` (pass a whole `metric` or `source` to change one). */
export function updateRule(set: RuleSet, ruleId: string, patch: RuleDraft, options?: ParseOptions): ParseRuleSetResult {
  if (!set.rules.some((r) => r.id === ruleId)) {
    return { ok: false, issues: [{ path: ['rules'], code: 'no-such-rule', params: { id: ruleId } }] };
  }
  return revalidate(set, set.rules.map((r) => (r.id === ruleId ? { ...r, ...patch } : r)), options);
}

/** Removing can be refused too: a sub-unit count loses the last rule one level down. */
export function removeRule(set: RuleSet, ruleId: string, options?: ParseOptions): ParseRuleSetResult {
  return revalidate(set, set.rules.filter((r) => r.id !== ruleId), options);
}
