/**
 * Rules at three scales. Typical use:
 *   const r = parseRuleSet(json)            // or loadBuiltinPack('default'); refusals come as codes
 *   accessRequirements(r.ruleSet)           // categories + max distance the access analysis must cover
 *   const ev = evaluateRules(r.ruleSet, { homes, facilities, access, units }, cancel)
 *   gapsToCsv(ev.gaps) · scorecardsToCsv(ev.scorecards) · gapsToGeoJSON(ev.gaps, unitGeometries)
 */
export * from './schema';
export { parseRuleSet, leafCategories, RULE_SET_ISSUE_CODES, type RuleSetIssue, type ParseRuleSetResult, type ParseOptions, type IssueParam } from './parse';
export { migrateRuleSet, RULE_SET_MIGRATIONS, type RuleSetMigration, type MigrateResult } from './migrations';
export { bandsOf, bandLabel, hasChildCounts } from './bands';
export { accessRequirements, type AccessRequirements } from './requirements';
export { needsSafeRoutes, safeRouteMask, type SafeRouteInput } from './safe-route-measure';
export { addRule, updateRule, removeRule, type RuleDraft } from './edits';
export { citation, reasonStatus, RULE_REASONS, RULE_STATUSES, type GapRecord, type RuleReason, type RuleStatus } from './gap-record';
export { WHOLE_AREA_UNIT_ID } from './levels';
export { CHILD_SHARE_0_18, homePeople, scaleTarget } from './population';
export { evaluateRules, RuleInputError, SKIP_CODES, type RuleInputs, type Evaluation, type EvaluationSummary, type SkippedRule, type SkipCode } from './evaluate';
export { verdictOf, type Scorecard, type Verdict } from './scorecards';
export {
  gapsToCsv, scorecardsToCsv, gapsToGeoJSON, GAP_CSV_COLUMNS, SCORECARD_CSV_COLUMNS, type UnitGeometries,
} from './export';
export { BUILTIN_PACKS, BUILTIN_PACK_IDS, loadBuiltinPack, type BuiltinPackId } from './packs';
export { suggestRulePack, suggestRulePackForLayers, countryOfLayers, type RulePackSuggestion, type LayerLike } from './suggest';
export type { CountryGuess, CountrySource } from '../io/osm/country';
