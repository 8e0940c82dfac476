/**
 * The analysis service through a real MessageChannel + Comlink, as the app's worker serves it: typed arrays
 * arrive intact (equal to an in-process run) and are transferred (the service's buffers are detached).
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { expose, proxy, transfer, wrap } from 'comlink';
import { createAnalysisService, runAccessAnalysis, type AccessAnalysisResult, type AnalysisInputs } from '../../src/core/analysis';
import { transferablesOf, transferringApi, type AnalysisApi } from '../../src/protocol/analysis-api';
import type { Progress } from '../../src/protocol/jobs';
import { collection, feature, gridBox, gridHomes, gridStreets } from '../fixtures/grid/grid-city';

const f = feature;
const fc = collection;

// The grid city (tests/fixtures/grid) with footways east–west and two facility categories.
function grid(): AnalysisInputs {
  return {
    streets: gridStreets('footway'),
    homes: gridHomes((x, y) => x + y),
    facilities: [
      { fc: fc(f({ type: 'Point', coordinates: [0.0001, 0.0001] }, { id: 'k1' })), category: 'kindergarten' },
      { fc: fc(f({ type: 'Point', coordinates: [0.005, 0.0049] }, { id: 'p1' })), category: 'playground' },
    ],
    units: { city: fc(f(gridBox(), { id: 'c' })) },
  };
}
const request = { categories: ['kindergarten', 'playground'], thresholds: [{ m: 300 }, { m: 600 }] };

function connect(service: AnalysisApi): [AnalysisApi, () => void] {
  const { port1, port2 } = new MessageChannel();
  expose(service, port1 as unknown as Parameters<typeof expose>[1]);
  const remote = wrap<AnalysisApi>(port2 as unknown as Parameters<typeof wrap>[0]);
  return [remote as unknown as AnalysisApi, () => (port1.close(), port2.close())];
}

describe('AnalysisApi over MessageChannel + Comlink', () => {
  const served: AccessAnalysisResult[] = [];
  const inner = createAnalysisService();
  // Sees the result the service hands to transfer, to check that its buffers leave the "worker".
  const spy: AnalysisApi = { ...inner, run: async (...a) => {
    const r = await inner.run(...a);
    if (r.ok) served.push(r.value);
    return r;
  } };
  const [api, close] = connect(transferringApi(spy, transfer));
  afterAll(close);

  it('returns the same typed arrays as an in-process run, transferred', async () => {
    const expected = runAccessAnalysis(grid(), request).result;
    await api.setInputs('d1', grid());
    const stages: string[] = [];
    const r = await api.run('job-1', 'd1', request, proxy((p: Progress) => void stages.push(p.stage)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const got = r.value;
    expect(got.homeCount).toBe(25);
    expect(got.categories[0].walkingM).toBeInstanceOf(Float64Array);
    expect([...got.categories[0].walkingM]).toEqual([...expected.categories[0].walkingM]);
    expect([...got.categories[1].nearestFacility]).toEqual([...expected.categories[1].nearestFacility]);
    expect([...got.snapLegs]).toEqual([...expected.snapLegs]);
    expect([...got.coverage[0].childrenWithin]).toEqual([...expected.coverage[0].childrenWithin]);
    expect([...got.isochrones[1].pieceCoords]).toEqual([...expected.isochrones[1].pieceCoords]);
    // Progress crosses on its own port: a short run (few turns, run.ts TURN_EVERY_MS) may answer before
    // its last stages' reports are read here.
    await vi.waitFor(() => expect(stages).toContain('progress.paths'));
    // Transferred: every buffer of the served result is now detached (zero length) on the service side.
    const sent = served.at(-1)!;
    expect(transferablesOf(sent)).toHaveLength(0);
    expect(sent.homeLng.byteLength).toBe(0);
    expect(sent.categories[1].walkingM.byteLength).toBe(0);
    expect(sent.coverage[0].childrenWithin.byteLength).toBe(0);
    expect(sent.isochrones[1].pieceCoords.byteLength).toBe(0);
  });

  it('lists every typed array buffer of a result once', () => {
    const { result } = runAccessAnalysis(grid(), request);
    const views = Object.values(result).filter(ArrayBuffer.isView).length
      + result.categories.length * 3 + result.isochrones.length * 2 + result.units.length * 3 + result.coverage.length * 7;
    expect(transferablesOf(result)).toHaveLength(views);
  });

  it('still explains after the result went to the UI', async () => {
    const runId = served.at(-1)!.runId;
    expect(runId).toMatch(/^run-\d+$/);
    const path = await api.explain(runId, 24, 'kindergarten');
    expect(path).not.toBeNull();
    expect(path!.walkingM).toBeGreaterThan(0);
    expect(await api.explain('nope', 0, 'kindergarten')).toBeNull();
  });

  it('answers with codes: unknown dataset, cancelled job', async () => {
    const unknown = await api.run('job-2', 'missing', request);
    expect(unknown).toEqual({ ok: false, error: { code: 'analysis.unknown-dataset', params: { datasetId: 'missing' } } });
    const running = api.run('job-3', 'd1', { ...request, isochrones: 'segments' });
    await api.cancel('job-3');
    expect(await running).toEqual({ ok: false, error: { code: 'cancelled' } });
  });

  it('explicit runs: each run is named; explain and rules act on the run named, the last two per dataset are held', async () => {
    const service = createAnalysisService();
    await service.setInputs('d2', grid());
    const one = await service.run('a', 'd2', { ...request, categories: ['kindergarten'] });
    const two = await service.run('b', 'd2', { ...request, categories: ['playground'] });
    if (!one.ok || !two.ok) throw new Error('runs failed');
    expect(one.value.runId).not.toBe(two.value.runId);
    // The first run is not the latest, yet it is the one asked: it has kindergartens, the second does not.
    expect(await service.explain(one.value.runId, 24, 'kindergarten')).not.toBeNull();
    expect(await service.explain(two.value.runId, 24, 'kindergarten')).toBeNull();
    // A third run of the dataset forgets the first; a rule check of it is refused with its code.
    const three = await service.run('c', 'd2', request);
    if (!three.ok) throw new Error('run failed');
    expect(await service.explain(one.value.runId, 24, 'kindergarten')).toBeNull();
    expect(await service.evaluateRules('e', one.value.runId, { id: 'x' } as never))
      .toEqual({ ok: false, error: { code: 'analysis.unknown-run', params: { runId: one.value.runId } } });
    expect(await service.explain(two.value.runId, 24, 'playground')).not.toBeNull();
    // Dropping the dataset drops its runs.
    await service.dropInputs('d2');
    expect(await service.explain(three.value.runId, 24, 'kindergarten')).toBeNull();
  });
});

describe('AnalysisApi.homeIds', () => {
  it('gives the ids in the order of the per-home arrays', async () => {
    const service = createAnalysisService();
    await service.setInputs('d', grid());
    expect((await service.homeIds('d')).slice(0, 3)).toEqual(['h00', 'h01', 'h02']);
    expect(await service.homeIds('none')).toEqual([]);
  });
});
