/**
 * One job runner for every long task (issue 11, item 3): loads, analyses and rule checks are listed in
 * the same `jobs` with their progress, one `cancelJob` reaches the worker that runs each, and a job ends
 * the same way whatever happens (done, cancelled even when the worker finished first, a coded error, a
 * worker that died).
 */
import { describe, expect, it } from 'vitest';
import { createAnalysisService } from '../../src/core/analysis';
import type { AnalysisApi } from '../../src/protocol/analysis-api';
import type { IoApi } from '../../src/protocol/io-api';
import type { JobResult } from '../../src/protocol/jobs';
import { analysisJob, createAppStore } from '../../src/state';
import { fakeIo } from './fake-io';

/** A job body that reports progress and then waits for the test. */
function gate<T>() {
  let release!: (r: JobResult<T>) => void;
  const done = new Promise<JobResult<T>>((r) => (release = r));
  return { done, release };
}

describe('the job runner', () => {
  it('lists a job with its kind, label and progress while it runs, and removes it when it ends', async () => {
    const store = createAppStore({ io: fakeIo() });
    const g = gate<number>();
    const running = store.getState().runJob({
      kind: 'analysis', labelKey: 'analysis.title', worker: 'analysis', stage: 'progress.preparing',
      run: ({ onProgress, jobId }) => (onProgress({ jobId, stage: 'progress.network', fraction: 0.4 }), g.done),
    });
    expect(Object.values(store.getState().jobs)).toMatchObject([{ kind: 'analysis', labelKey: 'analysis.title', label: '', stage: 'progress.network', fraction: 0.4, worker: 'analysis' }]);
    g.release({ ok: true, value: 7 });
    expect(await running).toEqual({ ok: true, value: 7 });
    expect(store.getState().jobs).toEqual({});
  });

  it('Cancel reaches the worker that runs the job, and a result that arrives after it is dropped', async () => {
    const heard: string[] = [];
    const io: IoApi = { ...fakeIo(), cancel: (id) => void heard.push(`io:${id}`) };
    const analysis = { cancel: (id: string) => void heard.push(`analysis:${id}`) } as unknown as AnalysisApi;
    const store = createAppStore({ io, analysis });
    const a = gate<string>();
    const b = gate<string>();
    const onIo = store.getState().runJob({ kind: 'load', label: 'a.geojson', worker: 'io', stage: 'progress.reading', run: () => a.done });
    const onAnalysis = store.getState().runJob({ kind: 'rules', labelKey: 'rulesUi.title', worker: 'analysis', stage: 'progress.rules', run: () => b.done });
    const [ioJob, analysisJobId] = Object.keys(store.getState().jobs);
    store.getState().cancelJob(ioJob!);
    store.getState().cancelJob(analysisJobId!);
    store.getState().cancelJob(analysisJobId!); // a second press sends nothing more
    expect(heard).toEqual([`io:${ioJob}`, `analysis:${analysisJobId}`]);
    expect(store.getState().jobs[ioJob!]?.stage).toBe('progress.cancelling');
    // Both workers finish anyway: the user asked to cancel, so nothing is delivered.
    a.release({ ok: true, value: 'late' });
    b.release({ ok: true, value: 'late' });
    expect(await onIo).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(await onAnalysis).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(store.getState().jobs).toEqual({});
  });

  it('a thrown coded error, a worker that died and a bug each end the job with an error, never a throw', async () => {
    const store = createAppStore({ io: fakeIo() });
    const run = (thrown: unknown) => store.getState().runJob({ kind: 'analysis', worker: 'analysis', stage: 's', run: () => Promise.reject(thrown) });
    expect(await run({ error: { code: 'analysis.no-categories' } })).toEqual({ ok: false, error: { code: 'analysis.no-categories' } });
    expect(await run({ jobError: { code: 'worker.analysis-crashed' } })).toEqual({ ok: false, error: { code: 'worker.analysis-crashed' } });
    expect(await run(new Error('boom'))).toEqual({ ok: false, error: { code: 'worker-failed', params: { message: 'boom' } } });
    expect(store.getState().jobs).toEqual({});
  });

  it('an analysis runs as a job of the list: the panel reads its progress there, the list’s Cancel ends the run', async () => {
    const g = gate<never>();
    let started = '';
    const analysis = {
      ...createAnalysisService(),
      run: (jobId: string, _d: string, _r: unknown, onProgress: (p: { jobId: string; stage: string; fraction?: number }) => void) => {
        started = jobId;
        onProgress({ jobId, stage: 'progress.access', fraction: 0.5 });
        return g.done;
      },
      cancel: (id: string) => { if (id === started) g.release({ ok: false, error: { code: 'cancelled' } }); },
    } as unknown as AnalysisApi;
    const store = createAppStore({ io: fakeIo(), analysis });
    // Without layers the run fails before the worker: a coded error, the job gone.
    await store.getState().runAnalysis();
    expect(store.getState().analysis).toMatchObject({ status: 'failed', jobId: null });
    expect(store.getState().jobs).toEqual({});
    const layer = (role: string, features: unknown[]) => ({ role: role as 'homes', source: { fileName: `${role}.geojson`, bytes: new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })) } });
    const pt = (x: number, props: object) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, 0] }, properties: props });
    await store.getState().loadFiles([
      layer('streets', [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [0.01, 0]] }, properties: { highway: 'residential' } }]),
      layer('homes', [pt(0.001, { id: 'h1' })]),
      layer('facilities', [pt(0, { id: 'p1', category: 'playground' })]),
    ], 'skip');
    const run = store.getState().runAnalysis();
    await store.getState().ensureAnalysisInputs();
    const job = analysisJob(store.getState());
    expect(job).toMatchObject({ kind: 'analysis', stage: 'progress.access', fraction: 0.5, id: started });
    store.getState().cancelJob(job!.id);
    await run;
    expect(store.getState().analysis).toMatchObject({ status: 'cancelled', jobId: null, error: null });
    expect(store.getState().jobs).toEqual({});
  });
});
