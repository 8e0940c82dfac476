/**
 * Workers for the app, wrapped with comlink so they look like the in-process services tests inject, and
 * supervised (supervised-worker.ts): a worker that dies ends its running jobs with a coded error
 * (`worker.io-crashed`, `worker.analysis-crashed`) and is replaced at once; a cancel the worker has not
 * honoured within CANCEL_GRACE_MS terminates it, so Cancel always ends the job and a stuck load never
 * blocks the others (they are sent again to the new worker). Callbacks cross as comlink proxies.
 */
import { proxy } from 'comlink';
import type { AnalysisApi, AnalysisInputs } from '../protocol/analysis-api';
import { sendInputsInChunks, type ChunkedInputsApi } from '../protocol/input-chunks';
import type { IoApi } from '../protocol/io-api';
import { CANCELLED, type JobId, type JobResult } from '../protocol/jobs';
import { TEST_FAULT, type TestFault } from '../protocol/test-faults';
import type { Services } from '../state';
import { WorkerDiedError, superviseWorker, type SupervisedWorker, type WorkerName } from './supervised-worker';

/** How long a cancelled job may take to stop on its own before its worker is replaced. */
export const CANCEL_GRACE_MS = 1000;

/** Test-only controls over the workers (the `?e2e=1` hook exposes them). */
export interface WorkerFaults {
  /** worker.terminate(), then tells the supervisor (a terminate fires no event). */
  terminate(name: WorkerName): void;
  /** A throw in the worker's global scope: a real `error` event. */
  crash(name: WorkerName): void;
  /** Keeps the worker busy without yielding for `ms`. */
  hang(name: WorkerName, ms: number): void;
  generation(name: WorkerName): number;
}

export function createWorkers(): Services & { readonly faults: WorkerFaults } {
  const ioSup = superviseWorker<IoApi>('io', () => new Worker(new URL('../../workers/io.worker.ts', import.meta.url), { type: 'module', name: 'io' }));
  const analysisSup = superviseWorker<AnalysisApi & ChunkedInputsApi>(
    'analysis', () => new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
  );
  const sups: Record<WorkerName, SupervisedWorker<unknown>> = { io: ioSup, analysis: analysisSup };
  const post = (name: WorkerName, fault: TestFault) => sups[name].worker.postMessage(fault);
  return {
    io: createIo(ioSup),
    analysis: createAnalysis(analysisSup),
    faults: {
      terminate(name) {
        sups[name].worker.terminate();
        sups[name].terminated();
      },
      crash: (name) => post(name, { [TEST_FAULT]: 'crash' }),
      hang: (name, ms) => post(name, { [TEST_FAULT]: 'hang', ms }),
      generation: (name) => sups[name].generation,
    },
  };
}

/**
 * Jobs that end cleanly whatever happens to the worker: cancelled → CANCELLED; the worker replaced for
 * another job's cancel → sent again; the worker died → `worker.<name>-crashed`.
 */
function jobRunner<T>(sup: SupervisedWorker<T>, name: WorkerName) {
  const active = new Set<JobId>();
  const cancelled = new Set<JobId>();
  const crashed = { ok: false as const, error: { code: `worker.${name}-crashed` } };
  return {
    async run<R>(jobId: JobId | undefined, fn: Parameters<SupervisedWorker<T>['call']>[0], before?: () => Promise<void>): Promise<JobResult<R>> {
      if (jobId !== undefined) active.add(jobId);
      try {
        for (;;) {
          try {
            await before?.();
            if (jobId !== undefined && cancelled.has(jobId)) return { ok: false, error: CANCELLED };
            return (await sup.call(fn, jobId)) as JobResult<R>;
          } catch (e) {
            if (!(e instanceof WorkerDiedError)) throw e;
            if (jobId !== undefined && (cancelled.has(jobId) || e.forJobId === jobId)) return { ok: false, error: CANCELLED };
            if (e.reason !== 'restarted') return crashed;
          }
        }
      } finally {
        if (jobId !== undefined) {
          active.delete(jobId);
          cancelled.delete(jobId);
        }
      }
    },
    cancel(jobId: JobId, send: () => Promise<void>) {
      if (!active.has(jobId)) return;
      cancelled.add(jobId);
      send().catch(() => undefined);
      // A worker stuck in a loop never reads the cancel: replace it.
      setTimeout(() => {
        if (sup.running(jobId)) sup.restart(jobId);
      }, CANCEL_GRACE_MS);
    },
  };
}

function createIo(sup: SupervisedWorker<IoApi>): IoApi {
  const jobs = jobRunner(sup, 'io');
  return {
    load: (jobId, source, options, onProgress) => jobs.run(jobId, (r) => r.load(jobId, source, options, proxy(onProgress))),
    cancel: (jobId) => jobs.cancel(jobId, () => sup.call((r) => r.cancel(jobId))),
    fix: (layer, fix, estimate) => jobs.run(undefined, (r) => (r.fix as NonNullable<IoApi['fix']>)(layer, fix, estimate)),
    readProject: (jobId, source, onProgress, options) =>
      jobs.run(jobId, (r) => (r.readProject as NonNullable<IoApi['readProject']>)(jobId, source, onProgress && proxy(onProgress), options)),
  };
}

/**
 * Datasets live in the worker; a new worker has none. The inputs of each live dataset id are kept here
 * (the same objects the store's layer data holds, no copy), and any call naming a dataset the current
 * worker has not been sent sends it first, so the store's cached dataset id stays valid across restarts.
 */
function createAnalysis(sup: SupervisedWorker<AnalysisApi & ChunkedInputsApi>): AnalysisApi {
  const jobs = jobRunner(sup, 'analysis');
  const inputsById = new Map<string, AnalysisInputs>();
  const sent = new Map<string, { generation: number; done: Promise<void> }>();
  const progress = <F extends (...a: never[]) => void>(f: F | undefined) => (f ? proxy(f) : undefined);

  function send(id: string, inputs: AnalysisInputs): Promise<void> {
    const done = sup.call((r) => sendInputsInChunks(r, id, inputs));
    sent.set(id, { generation: sup.generation, done });
    done.catch(() => sent.get(id)?.done === done && sent.delete(id));
    return done;
  }
  const ensure = (id: string) => async () => {
    const inputs = inputsById.get(id);
    const s = sent.get(id);
    if (inputs && (!s || s.generation !== sup.generation)) await send(id, inputs);
    else if (s) await s.done;
  };

  return {
    setInputs(id, inputs) {
      inputsById.set(id, inputs);
      return send(id, inputs);
    },
    dropInputs(id) {
      inputsById.delete(id);
      const wasSent = sent.get(id)?.generation === sup.generation;
      sent.delete(id);
      return wasSent ? sup.call((r) => r.dropInputs(id)) : Promise.resolve();
    },
    run: (jobId, id, request, onProgress) => jobs.run(jobId, (r) => r.run(jobId, id, request, progress(onProgress)), ensure(id)),
    runWithRules: (jobId, id, request, ruleSet, onProgress) =>
      jobs.run(jobId, (r) => r.runWithRules(jobId, id, request, ruleSet, progress(onProgress)), ensure(id)),
    suggestSites: (jobId, id, request, onProgress) => jobs.run(jobId, (r) => r.suggestSites(jobId, id, request, progress(onProgress)), ensure(id)),
    evaluateRules: (jobId, id, ruleSet) => jobs.run(jobId, (r) => r.evaluateRules(jobId, id, ruleSet), ensure(id)),
    homeIds: async (id) => {
      await ensure(id)();
      return sup.call((r) => r.homeIds(id));
    },
    explain: async (id, homeIdx, category) => {
      await ensure(id)();
      return sup.call((r) => r.explain(id, homeIdx, category));
    },
    cancel: (jobId) => jobs.cancel(jobId, () => sup.call((r) => r.cancel(jobId))),
  };
}
