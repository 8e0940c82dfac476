/**
 * A rule check that has to route safe routes shows it as a stage of its own ('progress.safe-routes', between
 * the access stages and 'progress.rules'), and Cancel during that stage ends the check with 'cancelled',
 * leaving the service's held runs and safe routes as they were. On the hand-made safe-routes city
 * (tests/core/safety/hand-city.ts), through the analysis service the worker exposes.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createAnalysisService, type AccessRequest, type AnalysisInputs } from '../../../src/core/analysis';
import type { Progress } from '../../../src/core/jobs';
import { CHILD_V1 } from '../../../src/core/safety';
import { COMMUNITIES, CROSSINGS, HOMES, MAX_SCHOOL_WALK_M, SCHOOLS, STREETS } from '../safety/hand-city';
import { rule, ruleSet } from '../../fixtures/rules/rule-builders';

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const inputs: AnalysisInputs = {
  streets: fc(STREETS), homes: fc(HOMES), facilities: [{ fc: fc(SCHOOLS), category: 'school' }], units: { community: fc(COMMUNITIES) },
  crossings: fc(CROSSINGS),
};
const profile = (maxSchoolWalkM = MAX_SCHOOL_WALK_M) => ({ ...CHILD_V1, route: { ...CHILD_V1.route, maxSchoolWalkM } });
const request = (maxWalk = MAX_SCHOOL_WALK_M): AccessRequest => ({ categories: [], thresholds: [{ m: 500 }], isochrones: 'none', safeRoutes: { profile: profile(maxWalk) } });
const SAFE = ruleSet([rule('community.safe-route', 'community', { kind: 'safe_route_share', age_band: '7-12' }, 0.9)]);
const PLAIN = ruleSet([rule('community.primary-500', 'community', { kind: 'share_within', category: 'primary_school', age_band: '7-12', threshold_m: 500 }, 0.9)]);
const ACCESS_STAGES = ['progress.network', 'progress.snap', 'progress.paths', 'progress.isochrones', 'progress.coverage'];

/** Stage names in the order first reported, and every report, for assertions on the bar. */
function recorder() {
  const reports: Progress[] = [];
  const stages = () => reports.map((p) => p.stage).filter((s, i, all) => all.indexOf(s) === i);
  return { reports, stages, onProgress: (p: Progress) => void reports.push(p) };
}

function expectBar(reports: readonly Progress[]) {
  const fractions = reports.map((p) => p.fraction).filter((f): f is number => f !== undefined);
  expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
  expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]! - 1e-12)).toBe(true);
  expect(fractions.at(-1)).toBe(1);
}

async function service() {
  const svc = createAnalysisService();
  await svc.setInputs('d', inputs);
  return svc;
}

describe('rule check stages', () => {
  it('a check with a safe-route rule reports the access stages, then safe routes, then rules; the bar only moves forward', async () => {
    const svc = await service();
    const rec = recorder();
    const r = await svc.runWithRules('j', 'd', request(), SAFE, rec.onProgress);
    expect(r.ok).toBe(true);
    expect(rec.stages()).toEqual([...ACCESS_STAGES, 'progress.safe-routes', 'progress.rules']);
    // Every safe-routes report lies between the access stages' and the rules stage's.
    const at = (stage: string) => rec.reports.filter((p) => p.stage === stage).map((p) => p.fraction!);
    expect(Math.min(...at('progress.safe-routes'))).toBeGreaterThanOrEqual(Math.max(...at('progress.coverage')) - 1e-12);
    expect(Math.max(...at('progress.safe-routes'))).toBeLessThanOrEqual(Math.min(...at('progress.rules')) + 1e-12);
    expect(at('progress.safe-routes').length).toBeGreaterThan(2); // its start, routing, its end
    expectBar(rec.reports);
  });

  it('a check without safe-route rules has no safe-routes stage', async () => {
    const svc = await service();
    const rec = recorder();
    expect((await svc.runWithRules('j', 'd', request(), PLAIN, rec.onProgress)).ok).toBe(true);
    expect(rec.stages()).toEqual([...ACCESS_STAGES, 'progress.rules']);
    expectBar(rec.reports);
  });

  it('over a held run: safe routes are a stage only when they must be routed (another profile), not when the held ones fit', async () => {
    const svc = await service();
    const r = await svc.runWithRules('j', 'd', request(), SAFE);
    if (!r.ok) throw new Error(r.error.code);
    const same = recorder();
    expect((await svc.evaluateRules('e1', r.value.access.runId, SAFE, { profile: profile() }, same.onProgress)).ok).toBe(true);
    expect(same.stages()).toEqual(['progress.rules']);
    const other = recorder();
    const e = await svc.evaluateRules('e2', r.value.access.runId, SAFE, { profile: profile(3000) }, other.onProgress);
    expect(e.ok).toBe(true);
    expect(other.stages()).toEqual(['progress.safe-routes', 'progress.rules']);
    expectBar(other.reports);
  });
});

describe('Cancel during the safe-routes stage', () => {
  it('a cancel heard while routing returns cancelled', async () => {
    const svc = await service();
    let reports = 0;
    const r = await svc.runWithRules('j', 'd', request(), SAFE, (p) => {
      // The stage's second report comes from the routing itself (its first is the stage's start).
      if (p.stage === 'progress.safe-routes' && ++reports === 2) svc.cancel('j');
    });
    expect(r).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(reports).toBe(2); // nothing reported after the cancel: routing stopped there
  });

  it('a cancel that arrives as a message when the stage starts stops the check before it routes; the held runs stay', async () => {
    const svc = await service();
    // Two held runs (RUNS_KEPT): a finished check would push the older one out.
    const a = await svc.run('a', 'd', { ...request(), categories: ['primary_school'] });
    const b = await svc.run('b', 'd', { ...request(), categories: ['primary_school'] });
    if (!a.ok || !b.ok) throw new Error('runs failed');
    const rec = recorder();
    const r = await svc.runWithRules('j', 'd', request(), SAFE, (p) => {
      rec.onProgress(p);
      // As in the worker: the cancel is a message, read at the job's next turn.
      if (p.stage === 'progress.safe-routes') setTimeout(() => svc.cancel('j'), 0);
    });
    expect(r).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(rec.stages()).toEqual([...ACCESS_STAGES, 'progress.safe-routes']);
    expect(rec.reports.filter((p) => p.stage === 'progress.safe-routes')).toHaveLength(1); // routing never began
    expect(await svc.explain(a.value.runId, 0, 'primary_school')).not.toBeNull();
    expect(await svc.explain(b.value.runId, 0, 'primary_school')).not.toBeNull();
  });

  it('over a held run: cancelled, and the routes it began are not held', async () => {
    const svc = await service();
    const run = await svc.run('a', 'd', { ...request(), categories: ['primary_school', 'middle_school'] });
    if (!run.ok) throw new Error(run.error.code);
    const e = await svc.evaluateRules('e', run.value.runId, SAFE, { profile: profile() }, (p) => {
      if (p.stage === 'progress.safe-routes') setTimeout(() => svc.cancel('e'), 0);
    });
    expect(e).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(await svc.safeRouteDetail(run.value.runId, 0)).toBeNull();
    // Not cancelled, the same check holds what it routed.
    expect((await svc.evaluateRules('e2', run.value.runId, SAFE, { profile: profile() })).ok).toBe(true);
    expect(await svc.safeRouteDetail(run.value.runId, 0)).not.toBeNull();
  });
});
