/**
 * Every metric at every scale on the tiny city (tests/fixtures/rules/tiny-city.ts). Expected values are
 * worked out by hand from the fixture's table in the comments next to them.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRules, WHOLE_AREA_UNIT_ID, type GapRecord } from '../../../src/core/rules';
import { tinyInputs, tinyUnits } from '../../fixtures/rules/tiny-city';
import { rule, ruleSet } from '../../fixtures/rules/rule-builders';

type Row = [unit: string, measured: number, passed: boolean, affected?: number, uncovered?: number[]];

function rows(records: GapRecord[], ruleId: string): Row[] {
  return records.filter((r) => r.rule_id === ruleId)
    .map((r) => [r.unit_id, r.measured, r.passed, r.children_affected, [...r.uncovered_homes]] as Row);
}

function expectRows(actual: Row[], expected: Row[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach(([unit, measured, passed, affected, uncovered], i) => {
    const [u, m, p, a, h] = actual[i];
    expect(u).toBe(unit);
    if (Number.isNaN(measured)) expect(m).toBeNaN(); else expect(m).toBeCloseTo(measured, 9);
    expect(p, `${unit} passed`).toBe(passed);
    if (affected !== undefined) expect(a).toBeCloseTo(affected, 9);
    if (uncovered !== undefined) expect(h).toEqual(uncovered);
  });
}

const kg300 = { kind: 'share_within', category: 'kindergarten', age_band: '4-6', threshold_m: 300 } as const;

describe('share_within at every scale', () => {
  const set = ruleSet([
    rule('c', 'community', kg300, 0.8), rule('s', 'street', kg300, 0.8),
    rule('d', 'district', kg300, 0.8), rule('x', 'city', kg300, 0.8),
  ]);
  const { records } = evaluateRules(set, tinyInputs());

  it('community: K1 10/20, K2 20/20 (h3 has no 4-6), K3 4/10 (300 ≤ 300 counts), K4 8/10 = 0.8 passes ≥ 0.8', () => {
    expectRows(rows(records, 'c'), [
      ['K1', 0.5, false, 10, [1]], ['K2', 1, true, 0, []], ['K3', 0.4, false, 6, [5]], ['K4', 0.8, true, 2, [7]],
    ]);
  });
  it('street: S1 (10+20)/40, S2 = K3, S3 = K4', () => {
    expectRows(rows(records, 's'), [['S1', 0.75, false, 10, [1]], ['S2', 0.4, false, 6, [5]], ['S3', 0.8, true, 2, [7]]]);
  });
  it('district: D1 34/50, D2 8/10', () => {
    expectRows(rows(records, 'd'), [['D1', 0.68, false, 16, [1, 5]], ['D2', 0.8, true, 2, [7]]]);
  });
  it('city: 42/60 — h8 lies outside the city polygon and is not counted', () => {
    expectRows(rows(records, 'x'), [['C', 0.7, false, 18, [1, 5, 7]]]);
  });
  it('without a city table the whole study area is the city: (42 + 100)/160, h8 included', () => {
    const { city: _c, ...rest } = tinyUnits();
    const r = evaluateRules(set, tinyInputs(rest)).records;
    expectRows(rows(r, 'x'), [[WHOLE_AREA_UNIT_ID, 142 / 160, true, 18, [1, 5, 7]]]);
  });
  it('marks records whose children include estimates (h6 in K4, S3, D2, C)', () => {
    const est = records.filter((r) => r.estimated).map((r) => r.unit_id);
    expect(est).toEqual(['K4', 'S3', 'D2', 'C']);
  });
});

describe('worst_distance', () => {
  const set = ruleSet([
    rule('w', 'community', { kind: 'worst_distance', category: 'kindergarten', age_band: '4-6' }, 300),
    rule('teen', 'community', { kind: 'worst_distance', category: 'kindergarten', age_band: '13-18' }, 300),
    rule('w-street', 'street', { kind: 'worst_distance', category: 'kindergarten', age_band: '7-12' }, 300),
  ]);
  const { records } = evaluateRules(set, tinyInputs());

  it('community: worst of 4-6 homes; unreachable h7 makes K4 Infinity; h3 (no 4-6) is ignored in K2', () => {
    expectRows(rows(records, 'w'), [
      ['K1', 400, false, 10, [1]], ['K2', 100, true, 0, []], ['K3', 350, false, 6, [5]], ['K4', Infinity, false, 2, [7]],
    ]);
  });
  it('a unit without children of the band is not applicable, and not passed', () => {
    const teen = records.filter((r) => r.rule_id === 'teen');
    expect(teen.map((r) => [r.status, r.reason, r.passed, r.applicable])).toEqual(Array(4).fill(['not-applicable', 'no-children-in-unit', false, false]));
    expect(teen.every((r) => Number.isNaN(r.measured))).toBe(true);
  });
  it('street, band 7-12: S1 has h3 (30, unreachable) → Infinity; S2 has h4 (6, 300 m) → 300 passes; S3 none (not applicable, not passed)', () => {
    expectRows(rows(records, 'w-street'), [['S1', Infinity, false, 30, [3]], ['S2', 300, true, 0, []], ['S3', NaN, false, 0, []]]);
    expect(records.find((r) => r.rule_id === 'w-street' && r.unit_id === 'S3')).toMatchObject({ status: 'not-applicable', reason: 'no-children-in-unit' });
  });
});

describe('composites: per home, then share', () => {
  const kg = { category: 'kindergarten', threshold_m: 300 };
  const pg = { category: 'playground', threshold_m: 500 };
  const set = ruleSet([
    rule('all', 'community', { kind: 'composite', op: 'all', conditions: [kg, pg], age_band: '4-6' }, 0.5),
    rule('any', 'community', { kind: 'composite', op: 'any', conditions: [kg, pg], age_band: '4-6' }, 1),
    rule('nested', 'community', { kind: 'composite', op: 'any', age_band: '4-6', conditions: [
      { category: 'kindergarten', threshold_m: 150 },
      { op: 'all', conditions: [kg, { category: 'playground', threshold_m: 200 }] },
    ] }, 0.5),
  ]);
  const { records } = evaluateRules(set, tinyInputs());

  // all(kg ≤ 300, pg ≤ 500): h0 ✓ · h1 ✗kg · h2 ✗pg 600 · h4 ✓ · h5 ✗kg · h6 ✗pg ∞ · h7 ✗kg
  it('all: K1 10/20 = 0.5 passes ≥ 0.5; K2 0/20; K3 4/10; K4 0/10', () => {
    expectRows(rows(records, 'all'), [
      ['K1', 0.5, true, 10, [1]], ['K2', 0, false, 20, [2]], ['K3', 0.4, false, 6, [5]], ['K4', 0, false, 10, [6, 7]],
    ]);
  });
  // any: every 4-6 home meets one of them (h1 pg 100, h2 kg 100, h5 pg 500, h6 kg 250, h7 pg 100)
  it('any: everyone served in every community', () => {
    expectRows(rows(records, 'any'), [['K1', 1, true, 0], ['K2', 1, true, 0], ['K3', 1, true, 0], ['K4', 1, true, 0]]);
  });
  // any(kg ≤ 150, all(kg ≤ 300, pg ≤ 200)): only h2 (kg 100) and h4 (300 / 200) qualify
  it('nested all inside any: K1 0, K2 1, K3 4/10, K4 0', () => {
    expectRows(rows(records, 'nested'), [['K1', 0, false, 20], ['K2', 1, true, 0], ['K3', 0.4, false, 6], ['K4', 0, false, 10]]);
  });
  it('the record names both categories', () => {
    expect(records.find((r) => r.rule_id === 'all')!.category).toBe('kindergarten+playground');
  });
});

describe('count metrics', () => {
  const set = ruleSet([
    rule('pg-street', 'street', { kind: 'facility_count', category: 'playground' }, 1),
    rule('pg-district', 'district', { kind: 'facility_count', category: 'playground' }, 2),
    rule('pg-city', 'city', { kind: 'facility_count', category: 'playground' }, 4),
    rule('mb-city', 'city', { kind: 'facility_count', category: 'mother_baby_room' }, 2),
    rule('pg-per-1000', 'district', { kind: 'facility_count', category: 'playground', per_1000_children: '4-6' }, 50),
    rule('pg-big', 'district', { kind: 'facility_count', category: 'playground', min_area_m2: 200 }, 1),
    rule('kg-here', 'community', { kind: 'presence', category: 'kindergarten' }, 1),
    rule('play-area', 'community', { kind: 'play_area_per_child', age_band: 'all' }, 5),
    rule('play-area-teen', 'community', { kind: 'play_area_per_child', categories: ['playground'], age_band: '13-18' }, 5),
  ]);
  const { records } = evaluateRules(set, tinyInputs());

  it('facility_count by street: f0 in S1, f1 in S2, f5 in S3; by district D1 {f0, f1}, D2 {f5}', () => {
    expectRows(rows(records, 'pg-street'), [['S1', 1, true, 0, []], ['S2', 1, true, 0, []], ['S3', 1, true, 0, []]]);
    expectRows(rows(records, 'pg-district'), [['D1', 2, true], ['D2', 1, false]]);
  });
  it('facility_count citywide: f6 lies outside the city, so 3 playgrounds < 4; 2 mother-and-baby rooms ≥ 2', () => {
    expectRows(rows(records, 'pg-city'), [['C', 3, false, 0]]);
    expectRows(rows(records, 'mb-city'), [['C', 2, true, 0]]);
  });
  it('per 1,000 children 4-6: D1 2 / 50 → 40 < 50; D2 1 / 10 → 100', () => {
    expectRows(rows(records, 'pg-per-1000'), [['D1', 40, false], ['D2', 100, true]]);
  });
  it('min_area_m2 200 counts only f5 (f0 is 150 m², f1 unknown)', () => {
    expectRows(rows(records, 'pg-big'), [['D1', 0, false], ['D2', 1, true]]);
  });
  it('presence: only K2 holds a kindergarten (f2)', () => {
    expectRows(rows(records, 'kg-here'), [['K1', 0, false], ['K2', 1, true], ['K3', 0, false], ['K4', 0, false]]);
  });
  // K1 150 m² / (5+10+10) · K2 0 / 50 · K3 unknown area counts 0 / 16 · K4 500 / 12
  it('play_area_per_child over all children, play-space categories by default', () => {
    expectRows(rows(records, 'play-area'), [['K1', 6, true], ['K2', 0, false], ['K3', 0, false], ['K4', 500 / 12, true]]);
  });
  it('play_area_per_child with no children of the band is not applicable', () => {
    expect(records.filter((r) => r.rule_id === 'play-area-teen').every((r) => r.status === 'not-applicable' && r.reason === 'no-children-in-unit' && !r.passed)).toBe(true);
  });
  it('count rules affect no children and name no homes', () => {
    const counts = records.filter((r) => r.metric !== 'share_within');
    expect(counts.every((r) => r.children_affected === 0 && r.uncovered_homes.length === 0)).toBe(true);
  });
});

describe('comparators and gaps', () => {
  it('an explicit comparator overrides the metric default (lt 0.5 on the share)', () => {
    const set = ruleSet([rule('lt', 'community', kg300, 0.5, { comparator: 'lt' })]);
    // K1 0.5 not < 0.5 · K2 1 · K3 0.4 < 0.5 · K4 0.8
    const { records } = evaluateRules(set, tinyInputs());
    expect(records.map((r) => r.passed)).toEqual([false, false, true, false]);
  });
  it('gaps are the failing applicable records; disabled rules are not evaluated', () => {
    const set = ruleSet([rule('c', 'community', kg300, 0.8), rule('off', 'community', kg300, 0.8, { enabled: false })]);
    const ev = evaluateRules(set, tinyInputs());
    expect(ev.gaps.map((g) => g.unit_id)).toEqual(['K1', 'K3']);
    expect(ev.records.some((r) => r.rule_id === 'off')).toBe(false);
    expect(ev.summary).toMatchObject({ rulesEvaluated: 1, evaluations: 4, failing: 2, failingBySeverity: { major: 2, critical: 0 } });
  });
  it('skips a rule whose category has no access data, and says so', () => {
    const set = ruleSet([rule('p', 'community', { kind: 'share_within', category: 'park', age_band: 'all', threshold_m: 500 }, 0.8)]);
    const ev = evaluateRules(set, tinyInputs());
    expect(ev.records).toEqual([]);
    expect(ev.summary.skipped).toEqual([{ rule_id: 'p', code: 'access-missing', params: { categories: 'park' } }]);
  });
});
