/**
 * Safe-route rules and per-unit summaries on the hand-made safe-routes city (tests/core/safety/hand-city.ts),
 * answers counted by hand from its worked-out routes: with the crossings and a 250 m maximum walk, H1 (2 children)
 * and H2 (1) have safe routes, H3 (1) is unreachable, H4 (3) beyond, H5 (4) only an unsafe route. West holds
 * H1, H4, H5 (9 children, 2 safe); East H2, H3 (2 children, 1 safe); the whole area 11 children, 3 safe.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  computeRunSafeRoutes, createAnalysisService, prepareDataset, runAccessAnalysis, safeRoutesForRules, type AccessRequest, type AnalysisInputs,
} from '../../../src/core/analysis';
import { evaluateRules, loadBuiltinPack, updateRule, WHOLE_AREA_UNIT_ID, type RuleSet } from '../../../src/core/rules';
import { CHILD_V1 } from '../../../src/core/safety';
import { COMMUNITIES, CROSSINGS, HOMES, MAX_SCHOOL_WALK_M, SCHOOLS, STREETS } from '../safety/hand-city';
import { rule, ruleSet } from '../../fixtures/rules/rule-builders';

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const inputs = (crossings = true): AnalysisInputs => ({
  streets: fc(STREETS), homes: fc(HOMES), facilities: [{ fc: fc(SCHOOLS), category: 'school' }], units: { community: fc(COMMUNITIES) },
  ...(crossings ? { crossings: fc(CROSSINGS) } : {}),
});
const profile = (maxSchoolWalkM = MAX_SCHOOL_WALK_M) => ({ ...CHILD_V1, route: { ...CHILD_V1.route, maxSchoolWalkM } });
const request: AccessRequest = { categories: ['primary_school', 'middle_school'], thresholds: [{ m: 500 }], isochrones: 'none' };
const SAFE_RULES: RuleSet = ruleSet([
  rule('community.safe-route', 'community', { kind: 'safe_route_share', age_band: '7-12' }, 0.9),
  rule('community.safe-route-0-3', 'community', { kind: 'safe_route_share', age_band: '0-3' }, 0.9),
  rule('city.safe-route', 'city', { kind: 'safe_route_share', age_band: '7-12' }, 0.25),
]);

function runCity(crossings = true, maxWalk = MAX_SCHOOL_WALK_M) {
  const data = prepareDataset(inputs(crossings));
  const run = runAccessAnalysis(data, request);
  const sr = computeRunSafeRoutes(data, run, 'r', request, { profile: profile(maxWalk) });
  return { data, run, sr };
}

describe('per-unit safe-route summaries', () => {
  it('per community and for the whole area, counted by hand', () => {
    const { sr } = runCity();
    const byLevel = Object.fromEntries(sr.result.byUnit.map((u) => [u.level, u]));
    expect(sr.result.byUnit.map((u) => u.level)).toEqual(['city', 'community']);
    expect(byLevel['community']!.ids).toEqual(['C-W', 'C-E']);
    expect(byLevel['community']!.names).toEqual(['West', 'East']);
    expect(byLevel['community']!.namesZh).toEqual(['西社区', '东社区']);
    const [west, east] = byLevel['community']!.summaries;
    expect(west).toMatchObject({ total: 9, safe: 2, unsafe: 4, beyond: 3, unreachable: 0, longDetours: 2 });
    // Routed: H5 (detour 1, 4 children) and H1 (the loop, 2): half the weight is reached at H5's.
    expect(west!.medianDetour).toBeCloseTo(1, 9);
    expect(west!.safeShare).toBeCloseTo(2 / 9, 12);
    expect(west!.unsafeShare).toBeCloseTo(4 / 9, 12);
    expect(east).toMatchObject({ total: 2, safe: 1, unsafe: 0, beyond: 0, unreachable: 1, safeShare: 0.5, unsafeShare: 0 });
    expect(east!.medianDetour).toBeCloseTo(1, 9);
    expect(byLevel['city']!.ids).toEqual([WHOLE_AREA_UNIT_ID]);
    expect(byLevel['city']!.summaries[0]).toMatchObject({ total: 11, safe: 3, unsafe: 4, beyond: 3, unreachable: 1 });
  });
});

describe('safe_route_share rules', () => {
  it('become gaps per community and for the city, with the children and homes without a safe route', () => {
    const { data, run, sr } = runCity();
    const input = safeRoutesForRules(SAFE_RULES, data, run, 'r', request, sr.held.request, sr.held);
    expect(input.computed).toBeUndefined(); // the held routes were reused
    const ev = evaluateRules(SAFE_RULES, { ...run.tables, safeRoutes: input.input! });
    const rec = (id: string, unit: string) => ev.records.find((r) => r.rule_id === id && r.unit_id === unit)!;
    const west = rec('community.safe-route', 'C-W');
    expect(west).toMatchObject({ status: 'failed', metric: 'safe_route_share', category: 'primary_school+middle_school', age_band: '7-12',
      children_affected: 7, homes_affected: 2, target: 0.9, comparator: 'gte' });
    expect(west.measured).toBeCloseTo(2 / 9, 12);
    expect([...west.uncovered_homes]).toEqual([3, 4]);
    expect(rec('community.safe-route', 'C-E')).toMatchObject({ status: 'failed', measured: 0.5, children_affected: 1, homes_affected: 1 });
    expect(rec('community.safe-route-0-3', 'C-W')).toMatchObject({ status: 'not-applicable', reason: 'no-children-in-unit' });
    const city = rec('city.safe-route', WHOLE_AREA_UNIT_ID);
    expect(city.status).toBe('passed');
    expect(city.measured).toBeCloseTo(3 / 11, 12);
    // The community scorecards carry the gap like any other.
    const card = ev.scorecards.find((c) => c.unit_id === 'C-W')!;
    expect(card.rows.map((r) => [r.rule_id, r.status])).toContainEqual(['community.safe-route', 'failed']);
  });

  it('without the signals H1 crosses the primary road unsafely: West has no child with a safe route', () => {
    const { data, run, sr } = runCity(false);
    const ev = evaluateRules(SAFE_RULES, { ...run.tables, safeRoutes: safeRoutesForRules(SAFE_RULES, data, run, 'r', request, sr.held.request, sr.held).input! });
    expect(ev.records.find((r) => r.rule_id === 'community.safe-route' && r.unit_id === 'C-W')).toMatchObject({ measured: 0, children_affected: 9 });
  });

  it('are skipped without safe routes; fail with no-facility when the data has no school', () => {
    const { run } = runCity();
    const ev = evaluateRules(SAFE_RULES, run.tables);
    expect(ev.summary.skipped.map((s) => s.code)).toEqual(['safe-routes-missing', 'safe-routes-missing', 'safe-routes-missing']);
    const data = prepareDataset({ ...inputs(), facilities: [{ fc: fc(SCHOOLS), category: 'playground' }] });
    const noSchool = runAccessAnalysis(data, { ...request, categories: ['playground'] });
    const r = safeRoutesForRules(SAFE_RULES, data, noSchool, 'r', request, undefined, undefined);
    expect(r.computed).toBeUndefined();
    const ev2 = evaluateRules(SAFE_RULES, { ...noSchool.tables, safeRoutes: r.input! });
    expect(ev2.records.find((x) => x.rule_id === 'community.safe-route' && x.unit_id === 'C-W')).toMatchObject({ status: 'failed', reason: 'no-facility', measured: 0 });
    expect(ev2.summary.noFacility).toEqual(['middle_school', 'primary_school']);
  });

  it('the service: a rule check runs safe routes with the check\'s profile, holds them, and a longer walk routes H4 too', async () => {
    const svc = createAnalysisService();
    await svc.setInputs('d', inputs());
    const r = await svc.runWithRules('j1', 'd', { ...request, categories: [], safeRoutes: { profile: profile() } }, SAFE_RULES);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const west = (ev: typeof r.value.evaluation) => ev.records.find((x) => x.rule_id === 'community.safe-route' && x.unit_id === 'C-W')!.measured;
    expect(r.value.access.categories.map((c) => c.category).sort()).toEqual(['middle_school', 'primary_school']);
    expect(west(r.value.evaluation)).toBeCloseTo(2 / 9, 12);
    expect(await svc.safeRouteDetail(r.value.access.runId, 0)).not.toBeNull();
    // H4 (3 children) walks ≈ 311 m: within 3,000 m its safe route takes the loop as H1's does.
    const e = await svc.evaluateRules('j2', r.value.access.runId, SAFE_RULES, { profile: profile(3000) });
    expect(e.ok && west(e.value)).toBeCloseTo(5 / 9, 12);
    const bad = await svc.evaluateRules('j3', r.value.access.runId, SAFE_RULES, { profile: { ...profile(), route: { ...profile().route, maxSchoolWalkM: -1 } } });
    expect(bad.ok ? '' : bad.error.code).toBe('safety.invalid-profile');
  });
});

describe('the default pack', () => {
  it('ships the safe-route rule switched off, sourced to standards.md row 17; switched on it finds West\'s gap', () => {
    const pack = loadBuiltinPack('default');
    const r = pack.rules.find((x) => x.id === 'community.safe-route-to-school')!;
    expect(r).toMatchObject({ enabled: false, scale: 'community', target: 0.9, metric: { kind: 'safe_route_share', age_band: '7-12' } });
    expect(r.source).toMatchObject({ confirmed: 'P' });
    expect(r.source.clause).toContain('row 17');
    const on = updateRule(pack, r.id, { enabled: true });
    expect(on.ok).toBe(true);
    if (!on.ok) return;
    const only: RuleSet = { ...on.ruleSet, rules: on.ruleSet.rules.filter((x) => x.id === r.id) };
    const { data, run, sr } = runCity();
    const ev = evaluateRules(only, { ...run.tables, safeRoutes: safeRoutesForRules(only, data, run, 'r', request, sr.held.request, sr.held).input! });
    expect(ev.gaps.map((g) => [g.unit_id, g.children_affected])).toEqual([['C-W', 7], ['C-E', 1]]);
  });
});
