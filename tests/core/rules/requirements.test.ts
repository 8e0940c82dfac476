/** What the pipeline must compute for a rule set, and cancellation of a long evaluation. */
import { describe, expect, it } from 'vitest';
import { createCancelToken, JobCancelledError } from '../../../src/core/jobs';
import { accessRequirements, evaluateRules, loadBuiltinPack } from '../../../src/core/rules';
import { suggestSites } from '../../../src/core/siting';
import { tinyInputs } from '../../fixtures/rules/tiny-city';
import { rule, ruleSet } from '../../fixtures/rules/rule-builders';

describe('accessRequirements', () => {
  it('collects categories and distances from shares, nested composites and worst distances; skips disabled rules', () => {
    const set = ruleSet([
      rule('a', 'community', { kind: 'share_within', category: 'nursery', age_band: '0-3', threshold_m: 300 }, 0.8),
      rule('b', 'community', { kind: 'composite', op: 'any', age_band: '4-6', conditions: [
        { category: 'kindergarten', threshold_m: 300 }, { op: 'all', conditions: [{ category: 'park', threshold_m: 700 }] }] }, 0.5),
      rule('c', 'street', { kind: 'worst_distance', category: 'primary_school', age_band: '7-12' }, 1200),
      rule('d', 'street', { kind: 'share_within', category: 'middle_school', age_band: '13-18', threshold_m: 5000 }, 0.8, { enabled: false }),
      rule('e', 'city', { kind: 'facility_count', category: 'mother_baby_room' }, 800),
    ]);
    expect(accessRequirements(set)).toEqual({
      categories: ['kindergarten', 'nursery', 'park', 'primary_school'], distancesM: [300, 700, 1200], maxDistanceM: 1200,
    });
  });
  it('the international pack tests walk zones up to 2.4 km', () => {
    expect(accessRequirements(loadBuiltinPack('international')).maxDistanceM).toBe(2400);
  });
});

describe('cancellation', () => {
  it('a cancelled token stops the evaluator and the site search', () => {
    const token = createCancelToken();
    token.cancel();
    expect(() => evaluateRules(loadBuiltinPack('default'), tinyInputs(), token)).toThrow(JobCancelledError);
    expect(() => suggestSites({ uncoveredWeight: Float64Array.of(1), candidates: 1, coverageOf: () => Int32Array.of(0), k: 1, cancel: token }))
      .toThrow(JobCancelledError);
  });
});
