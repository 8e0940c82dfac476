/**
 * Issue 13, item 8: nothing passes for want of data. On the tiny city (tests/fixtures/rules/tiny-city.ts),
 * worked out by hand from its table:
 * - with its kindergarten (f2) turned into a park, no home can reach a kindergarten: every kindergarten
 *   distance rule fails in every unit, and the children affected are all the band's children there —
 *   4-6: K1 h0 10 + h1 10 = 20, K2 h2 20 (h3 none) = 20, K3 h4 4 + h5 6 = 10, K4 h6 8 + h7 2 = 10; city 60
 *   (h8 lies outside), 160 as the whole study area;
 * - with no child counts at all (every children_* 0), rules weighted by children are not applicable with
 *   reason 'no-child-counts' (never passed), a missing kindergarten still fails, counted in homes
 *   (2 per community, 8 in the city), and rules that need no children (presence) are compared as usual.
 */
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, type HomeTable, type UnitLevel, type UnitTable } from '../../../src/core/model';
import { evaluateRules, hasChildCounts, WHOLE_AREA_UNIT_ID, type GapRecord } from '../../../src/core/rules';
import { access, PLAYGROUND, tinyFacilities, tinyHomes, tinyInputs, tinyUnits } from '../../fixtures/rules/tiny-city';
import { rule, ruleSet } from '../../fixtures/rules/rule-builders';

const I = Infinity;
const kg300 = { kind: 'share_within', category: 'kindergarten', age_band: '4-6', threshold_m: 300 } as const;
const kgWorst = { kind: 'worst_distance', category: 'kindergarten', age_band: '4-6' } as const;
const preschool = { kind: 'composite' as const, op: 'all' as const, age_band: '4-6' as const, conditions: [
  { category: 'kindergarten', threshold_m: 300 }, { category: 'playground', threshold_m: 500 }] };
const either = { kind: 'composite' as const, op: 'any' as const, age_band: '4-6' as const, conditions: [
  { category: 'kindergarten', threshold_m: 300 }, { category: 'playground', threshold_m: 300 }] };

/** The tiny city with f2 a park: no kindergarten anywhere, so every home's walk to one is Infinity. */
function noKindergarten(homes: HomeTable = tinyHomes(), units: Partial<Record<UnitLevel, UnitTable>> = tinyUnits()) {
  const f = tinyFacilities();
  const category = f.category.map((c) => (c === 'kindergarten' ? 'park' : c));
  return { homes, facilities: { ...f, category }, access: [access('kindergarten', Array(9).fill(I)), PLAYGROUND], units };
}

/** The same homes without any child count (as a homes layer without children_* fields reads). */
function countless(): HomeTable {
  const h = tinyHomes();
  return { ...h, children: Object.fromEntries(AGE_BANDS.map((b) => [b, new Float64Array(h.ids.length)])) as HomeTable['children'] };
}

const of = (records: GapRecord[], id: string) => records.filter((r) => r.rule_id === id);

describe('a city with no kindergarten', () => {
  const set = ruleSet([
    rule('kg', 'community', kg300, 0.8), rule('worst', 'community', kgWorst, 500), rule('pre', 'community', preschool, 0.8),
    rule('any', 'community', either, 0.8), rule('kg-city', 'city', kg300, 0.8),
    rule('teen', 'community', { ...kg300, age_band: '13-18' }, 0.8),
  ]);
  const ev = evaluateRules(set, noKindergarten());

  it('the 300 m kindergarten rule fails in every community, measured 0 %, with all 4-6 children affected (20, 20, 10, 10)', () => {
    const kg = of(ev.records, 'kg');
    expect(kg.map((r) => [r.unit_id, r.status, r.reason, r.passed, r.measured, r.children_affected, [...r.uncovered_homes]])).toEqual([
      ['K1', 'failed', 'no-facility', false, 0, 20, [0, 1]], ['K2', 'failed', 'no-facility', false, 0, 20, [2]],
      ['K3', 'failed', 'no-facility', false, 0, 10, [4, 5]], ['K4', 'failed', 'no-facility', false, 0, 10, [6, 7]],
    ]);
    expect(kg.reduce((s, r) => s + r.children_affected, 0)).toBe(60);
    expect(kg.map((r) => r.homes_affected)).toEqual([2, 1, 2, 2]);
  });
  it('the city fails with its 60 children; as the whole study area (no city table), with 160 (h8 too)', () => {
    expect(of(ev.records, 'kg-city').map((r) => [r.unit_id, r.status, r.children_affected])).toEqual([['C', 'failed', 60]]);
    const { city: _c, ...rest } = tinyUnits();
    const whole = of(evaluateRules(set, noKindergarten(tinyHomes(), rest)).records, 'kg-city');
    expect(whole.map((r) => [r.unit_id, r.status, r.children_affected])).toEqual([[WHOLE_AREA_UNIT_ID, 'failed', 160]]);
  });
  it('the worst distance is Infinity ("none within") and fails everywhere', () => {
    expect(of(ev.records, 'worst').map((r) => [r.status, r.reason, r.measured])).toEqual(Array(4).fill(['failed', 'no-facility', I]));
  });
  it('a composite that needs the kindergarten fails; one that any playground satisfies is compared as usual', () => {
    expect(of(ev.records, 'pre').map((r) => [r.status, r.reason, r.children_affected])).toEqual([
      ['failed', 'no-facility', 20], ['failed', 'no-facility', 20], ['failed', 'no-facility', 10], ['failed', 'no-facility', 10]]);
    // Playground ≤ 300 m for 4-6: K1 h1 10/20 · K2 none of h2 (600) → 0/20 · K3 h4 4/10 · K4 h7 2/10.
    expect(of(ev.records, 'any').map((r) => [r.reason, r.measured])).toEqual([['', 0.5], ['', 0], ['', 0.4], ['', 0.2]]);
  });
  it('never passes, even where a unit has no child of the band (13-18 here): 0 children affected', () => {
    expect(of(ev.records, 'teen').map((r) => [r.status, r.children_affected])).toEqual(Array(4).fill(['failed', 0]));
    const kgRules = new Set(['kg', 'worst', 'pre', 'kg-city', 'teen']);
    expect(ev.records.filter((r) => kgRules.has(r.rule_id) && r.status !== 'failed')).toEqual([]);
  });
  it('the summary names the missing category once and counts every failure as a gap', () => {
    expect(ev.summary.noFacility).toEqual(['kindergarten']);
    expect(ev.summary.childCounts).toBe(true);
    expect(ev.gaps.length).toBe(ev.records.filter((r) => r.status === 'failed').length);
    expect(ev.summary.childFriendly.community).toEqual({ count: 0, total: 4, assessed: 4 });
  });
});

describe('homes without child counts', () => {
  it('hasChildCounts: the tiny city has counts; all zero has none', () => {
    expect([hasChildCounts(tinyHomes()), hasChildCounts(countless())]).toEqual([true, false]);
  });

  const set = ruleSet([
    rule('kg', 'community', kg300, 0.8), rule('worst', 'community', kgWorst, 500), rule('pre', 'community', preschool, 0.8),
    rule('area', 'community', { kind: 'play_area_per_child', age_band: 'all' }, 5),
    rule('per1000', 'district', { kind: 'facility_count', category: 'playground', per_1000_children: '4-6' }, 50),
    rule('kg-here', 'community', { kind: 'presence', category: 'kindergarten' }, 1),
  ]);
  const ev = evaluateRules(set, { ...tinyInputs(), homes: countless() });
  const CHILD_RULES = ['kg', 'worst', 'pre', 'area', 'per1000'];

  it('every rule weighted by children is not applicable (no-child-counts), never passed, measured NaN', () => {
    const child = ev.records.filter((r) => CHILD_RULES.includes(r.rule_id));
    expect(child).toHaveLength(4 * 4 + 2);
    for (const r of child) {
      expect([r.status, r.reason, r.passed, r.applicable], r.rule_id).toEqual(['not-applicable', 'no-child-counts', false, false]);
      expect(r.measured).toBeNaN();
    }
    expect(ev.summary).toMatchObject({ childCounts: false, notApplicable: 18, noFacility: [] });
  });
  it('presence needs no children: only K2 holds a kindergarten, so K2 is the one child-friendly community', () => {
    expect(of(ev.records, 'kg-here').map((r) => [r.unit_id, r.status])).toEqual([['K1', 'failed'], ['K2', 'passed'], ['K3', 'failed'], ['K4', 'failed']]);
    expect(ev.summary.childFriendly.community).toEqual({ count: 1, total: 4, assessed: 4 });
    expect(ev.summary.failing).toBe(3);
  });
  it('scorecards count failed rules only: K1 has 1 (presence), K2 none', () => {
    const card = (id: string) => ev.scorecards.find((c) => c.level === 'community' && c.unit_id === id)!;
    expect([card('K1').failingHere, card('K2').failingHere, card('K2').childFriendly]).toEqual([1, 0, true]);
  });
  it('with no kindergarten either, its rules fail, counted in homes: 2 per community, 8 in the city', () => {
    const none = evaluateRules(ruleSet([rule('kg', 'community', kg300, 0.8), rule('kg-city', 'city', kg300, 0.8)]), noKindergarten(countless()));
    const kg = of(none.records, 'kg');
    expect(kg.map((r) => [r.status, r.reason, r.homes_affected, [...r.uncovered_homes]])).toEqual([
      ['failed', 'no-facility', 2, [0, 1]], ['failed', 'no-facility', 2, [2, 3]], ['failed', 'no-facility', 2, [4, 5]], ['failed', 'no-facility', 2, [6, 7]]]);
    expect(kg.every((r) => Number.isNaN(r.children_affected))).toBe(true);
    expect(of(none.records, 'kg-city').map((r) => [r.status, r.homes_affected])).toEqual([['failed', 8]]);
    expect(none.summary).toMatchObject({ childCounts: false, noFacility: ['kindergarten'], failing: 5, notApplicable: 0 });
  });
});
