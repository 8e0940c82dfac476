/**
 * runWithRules through MessageChannel + Comlink: one job returns access and gaps equal to the two-call
 * flow in process, with the rule set's categories added, gap records' uncovered_homes transferred, the
 * rules stage reported last, and cancellation answered with the 'cancelled' code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { expose, proxy, transfer, wrap } from 'comlink';
import { createAnalysisService, runAccessAnalysis, type AccessWithRules, type AnalysisInputs } from '../../src/core/analysis';
import { BUILTIN_PACKS, evaluateRules, parseRuleSet, type RuleSet } from '../../src/core/rules';
import { transferringApi, type AnalysisApi } from '../../src/protocol/analysis-api';
import type { Progress } from '../../src/protocol/jobs';
import { collection, feature, gridBox, gridHomes, gridStreets } from '../fixtures/grid/grid-city';

const f = feature;
const fc = collection;

function grid(): AnalysisInputs {
  return {
    streets: gridStreets(),
    homes: gridHomes((x) => 1 + x),
    facilities: [{ fc: fc(f({ type: 'Point', coordinates: [0.0001, 0.0001] }, { id: 'k1', category: 'kindergarten' })) }],
    units: { community: fc(f(gridBox(-0.001, 0.0025), { id: 'W', name_zh: '西社区' }), f(gridBox(0.0025, 0.006), { id: 'E' })) },
  };
}

// The default pack cut down to its kindergarten ≤300 m rule.
const pack = structuredClone(BUILTIN_PACKS.default) as { rules: { id: string }[] };
const parsed = parseRuleSet({ ...pack, rules: pack.rules.filter((r) => r.id === 'community.kindergarten-300m') });

describe('AnalysisApi.runWithRules over MessageChannel + Comlink', () => {
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const ruleSet: RuleSet = parsed.ruleSet;
  const served: AccessWithRules[] = [];
  const inner = createAnalysisService();
  const spy = { ...inner, runWithRules: async (...a: Parameters<typeof inner.runWithRules>) => {
    const r = await inner.runWithRules(...a);
    if (r.ok) served.push(r.value);
    return r;
  } };
  const { port1, port2 } = new MessageChannel();
  expose(transferringApi(spy, transfer), port1 as unknown as Parameters<typeof expose>[1]);
  const api = wrap<AnalysisApi>(port2 as unknown as Parameters<typeof wrap>[0]) as unknown as AnalysisApi;
  afterAll(() => (port1.close(), port2.close()));

  it('equals run + evaluateRules in process, with the rule categories added and the gap buffers transferred', async () => {
    await api.setInputs('d', grid());
    const stages: string[] = [];
    const r = await api.runWithRules('j1', 'd', { categories: [], thresholds: [{ m: 300 }], isochrones: 'none' }, ruleSet, proxy((p: Progress) => void stages.push(p.stage)));
    if (!r.ok) throw new Error(r.error.code);
    const run = runAccessAnalysis(grid(), { categories: ['kindergarten'], thresholds: [{ m: 300 }], isochrones: 'none' });
    const expected = evaluateRules(ruleSet, run.tables);
    expect(r.value.access.categories.map((c) => c.category)).toEqual(['kindergarten']);
    expect([...r.value.access.categories[0].walkingM]).toEqual([...run.result.categories[0].walkingM]);
    expect(r.value.evaluation.records.map((x) => [x.unit_id, x.measured, x.passed, x.children_affected, [...x.uncovered_homes]]))
      .toEqual(expected.records.map((x) => [x.unit_id, x.measured, x.passed, x.children_affected, [...x.uncovered_homes]]));
    expect(r.value.evaluation.gaps.length).toBeGreaterThan(0);
    expect(r.value.evaluation.records[0].unit_name_zh).toBe('西社区');
    expect(stages.at(-1)).toBe('progress.rules');
    expect(stages).toContain('progress.paths');
    const sent = served.at(-1)!;
    expect(sent.evaluation.records.every((x) => x.uncovered_homes.byteLength === 0)).toBe(true);
    expect(sent.access.homeLng.byteLength).toBe(0);
  });

  it('can be cancelled', async () => {
    const running = api.runWithRules('j2', 'd', { categories: [], thresholds: [{ m: 300 }], isochrones: 'segments' }, ruleSet);
    await api.cancel('j2');
    expect(await running).toEqual({ ok: false, error: { code: 'cancelled' } });
  });
});
