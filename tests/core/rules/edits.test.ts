/** Rule-editor edits: a valid edit yields the new set; an invalid one is refused with its reason. */
import { describe, expect, it } from 'vitest';
import { addRule, removeRule, updateRule } from '../../../src/core/rules';
import { rule, ruleSet } from '../../fixtures/rules/rule-builders';

const share = { kind: 'share_within', category: 'kindergarten', age_band: '4-6', threshold_m: 300 } as const;
const base = () => ruleSet([rule('k', 'community', share, 0.8), rule('s', 'street', { kind: 'child_friendly_subunits' }, 1)]);

describe('rule edits', () => {
  it('updates a threshold and leaves the original untouched', () => {
    const set = base();
    const r = updateRule(set, 'k', { metric: { ...share, threshold_m: 500 } });
    expect(r.ok && r.ruleSet.rules[0].metric).toEqual({ ...share, threshold_m: 500 });
    expect(set.rules[0].metric).toEqual(share);
  });
  it('refuses a share target of 80 (meant 0.8) with its reason', () => {
    expect(updateRule(base(), 'k', { target: 80 })).toEqual({
      ok: false, issues: [{ path: ['rules', 0, 'target'], code: 'share-target-range', params: { target: 80 } }],
    });
  });
  it('refuses to add a rule with an id already in use', () => {
    const r = addRule(base(), rule('k', 'street', { kind: 'presence', category: 'playground' }, 1));
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(['duplicate-id']);
  });
  it('refuses to remove the last community rule while a street rule counts child-friendly communities', () => {
    const r = removeRule(base(), 'k');
    expect(!r.ok && r.issues.map((i) => [i.code, i.params])).toEqual([['no-subunit-rules', { scale: 'community' }]]);
    expect(removeRule(base(), 's').ok).toBe(true);
  });
  it('refuses an edit to a rule that does not exist', () => {
    expect(updateRule(base(), 'nope', { target: 1 })).toMatchObject({ ok: false, issues: [{ code: 'no-such-rule' }] });
  });
});
