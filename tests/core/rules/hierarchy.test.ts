/**
 * Child-friendly sub-unit counting across levels and the roll-up of failing rules, on the tiny city.
 * Rule A (community): kindergarten ≤ 300 m for ≥ 80 % of 4-6 → K1 0.5 ✗, K2 1 ✓, K3 0.4 ✗, K4 0.8 ✓.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRules, verdictOf } from '../../../src/core/rules';
import { scorecardsToCsv } from '../../../src/core/rules/export';
import { tinyInputs, tinyUnits } from '../../fixtures/rules/tiny-city';
import { rule, ruleSet } from '../../fixtures/rules/rule-builders';

const kg300 = { kind: 'share_within', category: 'kindergarten', age_band: '4-6', threshold_m: 300 } as const;
const cf = { kind: 'child_friendly_subunits' } as const;

describe('child_friendly_subunits', () => {
  const rules = (communityTarget: number, districtTarget = 1) => ruleSet([
    rule('A', 'community', kg300, communityTarget),
    rule('B', 'street', cf, 1, { severity: 'critical' }),
    rule('C', 'street', { kind: 'presence', category: 'playground' }, 1, { severity: 'minor' }),
    rule('D', 'district', cf, districtTarget, { severity: 'critical' }),
    rule('E', 'city', cf, 2),
  ]);

  it('counts friendly communities per street, then friendly streets per district, then districts', () => {
    // S1 ∋ {K1 ✗, K2 ✓} → 1 ✓ · S2 ∋ {K3 ✗} → 0 ✗ · S3 ∋ {K4 ✓} → 1 ✓. Every street has a playground (C ✓),
    // so S1 and S3 are child-friendly. D1 ∋ {S1 ✓, S2 ✗} → 1 · D2 ∋ {S3 ✓} → 1; both pass D → city 2 ≥ 2.
    const ev = evaluateRules(rules(0.8), tinyInputs());
    const m = (id: string) => ev.records.filter((r) => r.rule_id === id).map((r) => [r.unit_id, r.measured, r.passed]);
    expect(m('B')).toEqual([['S1', 1, true], ['S2', 0, false], ['S3', 1, true]]);
    expect(m('D')).toEqual([['D1', 1, true], ['D2', 1, true]]);
    expect(m('E')).toEqual([['C', 2, true]]);
    expect(ev.summary.childFriendly).toEqual({
      community: { count: 2, total: 4, assessed: 4 }, street: { count: 2, total: 3, assessed: 3 }, district: { count: 2, total: 2, assessed: 2 },
      city: { count: 1, total: 1, assessed: 1 },
    });
  });

  it('a failure at the bottom propagates up: K4 at 0.8 fails a 0.81 target, so S3, then D2, then the city fail', () => {
    const ev = evaluateRules(rules(0.81), tinyInputs());
    const m = (id: string) => ev.records.filter((r) => r.rule_id === id).map((r) => [r.unit_id, r.measured, r.passed]);
    expect(m('B')).toEqual([['S1', 1, true], ['S2', 0, false], ['S3', 0, false]]);
    expect(m('D')).toEqual([['D1', 1, true], ['D2', 0, false]]);
    expect(m('E')).toEqual([['C', 1, false]]);
  });

  it('a unit where no rule of its scale applies is not child-friendly but "not assessed", and not counted as friendly above', () => {
    // The tiny city has no children of 13-18: rule T applies nowhere, so no community is assessed; the street
    // rule B (child-friendly communities ≥ 1) is assessed everywhere and fails (0 friendly communities).
    const teen = { kind: 'share_within', category: 'kindergarten', age_band: '13-18', threshold_m: 300 } as const;
    const ev = evaluateRules(ruleSet([rule('T', 'community', teen, 0.8), rule('B', 'street', cf, 1)]), tinyInputs());
    expect(ev.records.filter((r) => r.rule_id === 'T').every((r) => r.status === 'not-applicable' && r.reason === 'no-children-in-unit' && !r.passed)).toBe(true);
    expect(ev.records.filter((r) => r.rule_id === 'B').map((r) => r.measured)).toEqual([0, 0, 0]);
    const verdicts = (level: string) => ev.scorecards.filter((c) => c.level === level).map((c) => [c.unit_id, verdictOf(c)]);
    expect(verdicts('community')).toEqual([['K1', 'not-assessed'], ['K2', 'not-assessed'], ['K3', 'not-assessed'], ['K4', 'not-assessed']]);
    expect(verdicts('street')).toEqual([['S1', 'not-yet'], ['S2', 'not-yet'], ['S3', 'not-yet']]);
    expect(ev.summary.childFriendly.community).toEqual({ count: 0, total: 4, assessed: 0 });
    expect(ev.summary.childFriendly.street).toEqual({ count: 0, total: 3, assessed: 3 });
    // Exports say "unknown", not false: an empty child_friendly cell, null in GeoJSON.
    const k1 = scorecardsToCsv(ev.scorecards).split('\n').find((l) => l.startsWith('community,K1,'))!;
    expect(k1.split(',')[3]).toBe('');
    const s1 = scorecardsToCsv(ev.scorecards).split('\n').find((l) => l.startsWith('street,S1,'))!;
    expect(s1.split(',')[3]).toBe('false');
  });

  it('without a street table: street rules and the district count are skipped; communities roll up to districts by their homes', () => {
    const { street: _s, ...units } = tinyUnits();
    const ev = evaluateRules(rules(0.8), tinyInputs(units));
    expect(ev.summary.skipped).toEqual([
      { rule_id: 'B', code: 'level-missing', params: { level: 'street' } },
      { rule_id: 'C', code: 'level-missing', params: { level: 'street' } },
      { rule_id: 'D', code: 'subunit-level-missing', params: { level: 'street' } },
    ]);
    const d1 = ev.scorecards.find((c) => c.unit_id === 'D1')!;
    expect(d1.failingBelow).toBe(2); // K1 and K3 fail A
  });
});

describe('scorecards and roll-up', () => {
  const set = ruleSet([
    rule('A', 'community', kg300, 0.8),
    rule('B', 'street', cf, 1, { severity: 'critical' }),
    rule('C', 'street', { kind: 'presence', category: 'kindergarten' }, 1, { severity: 'minor' }),
  ]);
  const ev = evaluateRules(set, tinyInputs());
  const card = (id: string) => ev.scorecards.find((c) => c.unit_id === id)!;

  it('lists every rule of the unit scale with measured, target, result and source', () => {
    expect(card('S2').rows.map((r) => [r.rule_id, r.measured, r.target, r.passed, r.source]))
      .toEqual([['B', 0, 1, false, 'Test source (2020), §1 [C]'], ['C', 0, 1, false, 'Test source (2020), §1 [C]']]);
    expect(card('C').rows).toEqual([]);
  });

  // Failing: A at K1, K3 (major) · B at S2 (critical) · C (kindergarten presence) at S2, S3 (S1 has f2 via K2).
  it('counts failing rules here and below, by severity', () => {
    const summary = (id: string) => [card(id).failingHere, card(id).failingBelow, card(id).childFriendly];
    expect(summary('K1')).toEqual([1, 0, false]);
    expect(summary('K2')).toEqual([0, 0, true]);
    expect(summary('S1')).toEqual([0, 1, true]);
    expect(summary('S2')).toEqual([2, 1, false]);
    expect(summary('S3')).toEqual([1, 0, false]);
    expect(summary('D1')).toEqual([0, 4, false]);
    expect(summary('D2')).toEqual([0, 1, false]);
    expect(summary('C')).toEqual([0, 5, false]);
    expect(card('C').failingBySeverity).toEqual({ info: 0, minor: 2, major: 2, critical: 1 });
  });

  it('the roll-up equals a brute-force count over each unit and its descendants', () => {
    const units = tinyUnits();
    // Brute force: a record is below unit U when a home of the record's unit lies in U (every unit here has homes).
    for (const c of ev.scorecards) {
      const t = units[c.level];
      const homesInU = new Set([...t.homeUnit.keys()].filter((h) => t.homeUnit[h] === c.unit_index));
      const below = ev.gaps.filter((g) => g.scale !== c.level && levelRank(g.scale) > levelRank(c.level)
        && [...units[g.scale].homeUnit.keys()].some((h) => units[g.scale].homeUnit[h] === g.unit_index && homesInU.has(h)));
      expect(c.failingBelow, c.unit_id).toBe(below.length);
    }
  });
});

const levelRank = (l: string) => ['city', 'district', 'street', 'community'].indexOf(l);
