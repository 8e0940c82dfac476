/**
 * Count targets with a population base: ceil(target × people / base), people from homes' `population` or
 * children ÷ the 0–18 share; the record carries the scaled and the original target; old (v1) rule sets migrate.
 * Expected numbers are worked out by hand in the comments.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  evaluateRules, gapsToCsv, loadBuiltinPack, parseRuleSet, RULE_SET_SCHEMA_VERSION, scaleTarget, type GapRecord,
} from '../../../src/core/rules';
import { tinyHomes, tinyInputs } from '../../fixtures/rules/tiny-city';
import { rule, ruleSet } from '../../fixtures/rules/rule-builders';

const rooms = (target: number, populationBase?: number, scale: 'city' | 'district' = 'city') =>
  rule(`mb-${scale}`, scale, { kind: 'facility_count', category: 'mother_baby_room' }, target, populationBase ? { populationBase } : {});

/** tiny-city homes with a population per home (h8 lies outside every unit). */
function withPopulation(pop: number[]) {
  const inputs = tinyInputs();
  return { ...inputs, homes: { ...tinyHomes(), population: Float64Array.from(pop) } };
}
const rec = (records: GapRecord[], id: string, unit: string) => records.find((r) => r.rule_id === id && r.unit_id === unit)!;

describe('scaleTarget', () => {
  it('800 rooms for 17.68 M people → 2 for a town of 36,000 (800 × 36,000 / 17,680,000 = 1.63 → 2)', () => {
    expect(scaleTarget(800, 36_000, 17_680_000)).toBe(2);
    // The base the default pack uses (census 2020): 800 × 36,000 / 17,560,061 = 1.640 → 2.
    expect(scaleTarget(800, 36_000, 17_560_061)).toBe(2);
  });
  it('leaves the Shenzhen figure unchanged for Shenzhen-sized population, and rounds up just above a whole number', () => {
    expect(scaleTarget(800, 17_560_061, 17_560_061)).toBe(800);
    expect(scaleTarget(800, 17_680_000, 17_680_000)).toBe(800);
    expect(scaleTarget(800, 44_200, 17_680_000)).toBe(2); // exactly 2.0
    expect(scaleTarget(800, 44_201, 17_680_000)).toBe(3); // 2.00005 → 3
  });
});

describe('evaluator with a population base', () => {
  it('holds the tiny city (8 homes × 4,500 = 36,000 people) to 2 rooms, and it has 2 (f3, f4)', () => {
    const inputs = withPopulation([4500, 4500, 4500, 4500, 4500, 4500, 4500, 4500, 99_999]);
    const r = rec(evaluateRules(ruleSet([rooms(800, 17_680_000)]), inputs).records, 'mb-city', 'C');
    expect(r).toMatchObject({ measured: 2, target: 2, target_original: 800, population_base: 17_680_000, population: 36_000, passed: true });
  });
  it('fails the same city at 45,000 people (800 × 45,000 / 17,680,000 = 2.04 → 3 > 2 rooms)', () => {
    const inputs = withPopulation([5625, 5625, 5625, 5625, 5625, 5625, 5625, 5625, 0]);
    const r = rec(evaluateRules(ruleSet([rooms(800, 17_680_000)]), inputs).records, 'mb-city', 'C');
    expect(r).toMatchObject({ target: 3, population: 45_000, passed: false });
  });
  it('without a population field, people = children ÷ 0.2207: 103 children in C → 466.7 people → ceil(0.8 × 466.7) = 374', () => {
    // Children of h0..h7 over all bands: 15 + 10 + 20 + 30 + 10 + 6 + 10 + 2 = 103; shares 4.79 + 3.59 + 7.18 + 6.51 %.
    const r = rec(evaluateRules(ruleSet([rooms(800, 1000)]), tinyInputs()).records, 'mb-city', 'C');
    expect(r.population).toBeCloseTo(103 / 0.2207, 6);
    expect(r.target).toBe(374);
  });
  it('a unit without people is not applicable (D2 holds h6, h7 with population 0)', () => {
    const inputs = withPopulation([4500, 4500, 4500, 4500, 4500, 4500, 0, 0, 0]);
    const records = evaluateRules(ruleSet([rooms(800, 17_680_000, 'district')]), inputs).records;
    expect(rec(records, 'mb-district', 'D2')).toMatchObject({ status: 'not-applicable', reason: 'no-people', applicable: false, passed: false });
    expect(rec(records, 'mb-district', 'D1')).toMatchObject({ applicable: true, target: 2, population: 27_000 });
  });
  it('a rule without a base keeps its target and carries no scaling fields', () => {
    const r = rec(evaluateRules(ruleSet([rooms(2)]), tinyInputs()).records, 'mb-city', 'C');
    expect(r.target).toBe(2);
    expect('target_original' in r || 'population_base' in r || 'population' in r).toBe(false);
  });
  it('gaps.csv has target_original, population_base, population after source (empty when unscaled), then status, reason, homes_affected', () => {
    const inputs = withPopulation([4500, 4500, 4500, 4500, 4500, 4500, 4500, 4500, 0]);
    const ev = evaluateRules(ruleSet([rooms(800, 17_680_000), rule('plain', 'city', { kind: 'facility_count', category: 'playground' }, 4)]), inputs);
    const lines = gapsToCsv(ev.records).trimEnd().split('\n');
    expect(lines[0].split(',').slice(-7)).toEqual(['source', 'target_original', 'population_base', 'population', 'status', 'reason', 'homes_affected']);
    expect(lines[1].split(',').slice(-6, -3)).toEqual(['800', '17680000', '36000']);
    expect(lines[1].split(',')[8]).toBe('2');
    expect(lines[2].split(',').slice(-6, -3)).toEqual(['', '', '']);
  });
});

describe('rule-set schema version 2', () => {
  it('the default pack carries the census base on the 800-rooms rule', () => {
    const r = loadBuiltinPack('default').rules.find((x) => x.id === 'city.mother-baby-rooms-800')!;
    expect(r.target).toBe(800);
    expect(r.populationBase).toBe(17_560_061);
  });
  it('migrates a v1 file: the unedited Shenzhen rule gets its base, other rules stay as written', () => {
    const v1 = JSON.parse(readFileSync(new URL('../../fixtures/rules/v1-rule-set.json', import.meta.url), 'utf8'));
    expect(v1.schemaVersion).toBe(1);
    const r = parseRuleSet(v1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.ruleSet.schemaVersion).toBe(RULE_SET_SCHEMA_VERSION);
    const byId = Object.fromEntries(r.ruleSet.rules.map((x) => [x.id, x]));
    expect(byId['city.mother-baby-rooms-800'].populationBase).toBe(17_560_061);
    expect(byId['city.mother-baby-rooms-mine'].populationBase).toBeUndefined();
    expect(byId['community.kindergarten-300m'].populationBase).toBeUndefined();
  });
  it('a v1 copy whose 800 was edited to 1,000 is not given Shenzhen\'s base', () => {
    const v1 = JSON.parse(readFileSync(new URL('../../fixtures/rules/v1-rule-set.json', import.meta.url), 'utf8'));
    v1.rules[0].target = 1000;
    const r = parseRuleSet(v1);
    expect(r.ok && r.ruleSet.rules[0].populationBase).toBeUndefined();
  });
  it('refuses a population base on a share or a per-1,000-children count', () => {
    for (const bad of [
      rule('s', 'community', { kind: 'share_within', category: 'kindergarten', age_band: '4-6', threshold_m: 300 }, 0.8, { populationBase: 1000 }),
      rule('p', 'city', { kind: 'facility_count', category: 'playground', per_1000_children: 'all' }, 1, { populationBase: 1000 }),
    ]) {
      const r = parseRuleSet({ schemaVersion: RULE_SET_SCHEMA_VERSION, id: 't', version: '1', title: { en: 't', zh: 't' }, rules: [bad] });
      expect(r.ok ? [] : r.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['rules.0.populationBase', 'population-base-metric']]);
    }
  });
});
