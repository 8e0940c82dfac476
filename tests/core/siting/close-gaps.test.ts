/**
 * Siting on the tiny city's kindergarten gaps, checked against the evaluator: adding the suggested site
 * to the access data and re-evaluating must lower the children affected by exactly the reported gain.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../../src/core/rules';
import { candidateCoverageFromDistances, suggestSites, uncoveredWeightFromAccess } from '../../../src/core/siting';
import { access, KINDERGARTEN, tinyInputs, tinyUnits } from '../../fixtures/rules/tiny-city';
import { rule, ruleSet } from '../../fixtures/rules/rule-builders';

const I = Infinity;
// Walking distance from three candidate sites to homes h0…h8 (hand-written).
//   cand 0 serves h1 (10 children 4-6) and h5 (6) within 300 m; cand 1 serves h7 (2); cand 2 serves h1 only.
const CAND = [
  [500, 250, 900, 900, 800, 120, 900, 900, I],
  [900, 900, 900, 900, 900, 900, 700, 300, I],
  [400, 100, 900, 900, 900, 900, 900, 900, I],
];
const set = ruleSet([rule('k', 'community', { kind: 'share_within', category: 'kindergarten', age_band: '4-6', threshold_m: 300 }, 0.8)]);

describe('site suggestions close rule gaps', () => {
  it('unserved children: h1 10, h5 6, h7 2 (h3 has no 4-6; h8 is served)', () => {
    const w = uncoveredWeightFromAccess(tinyInputs().homes, KINDERGARTEN, '4-6', 300);
    expect([...w]).toEqual([0, 10, 0, 0, 0, 6, 0, 2, 0]);
  });

  it('each suggestion\'s gain equals the drop in children affected after adding the site and re-evaluating', () => {
    const inputs = tinyInputs();
    const uncoveredWeight = uncoveredWeightFromAccess(inputs.homes, KINDERGARTEN, '4-6', 300);
    const out = suggestSites({ uncoveredWeight, candidates: 3, coverageOf: candidateCoverageFromDistances((c) => CAND[c], 300), k: 3 });
    expect(out.map((s) => [s.candidate, s.gain])).toEqual([[0, 16], [1, 2]]);

    const affected = (walking: number[]) => evaluateRules(set, { ...inputs, access: [access('kindergarten', walking)] })
      .records.reduce((s, r) => s + r.children_affected, 0);
    let walking = [...KINDERGARTEN.walkingM];
    for (const s of out) {
      const before = affected(walking);
      walking = walking.map((d, h) => Math.min(d, CAND[s.candidate][h]));
      expect(before - affected(walking)).toBe(s.gain);
    }
    // With both sites every 4-6 child in a community is within 300 m: every community passes.
    const after = evaluateRules(set, { ...inputs, access: [access('kindergarten', walking)], units: tinyUnits() });
    expect(after.gaps).toEqual([]);
  });
});
