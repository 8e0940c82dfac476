/**
 * Workers for the app, wrapped with comlink so they look like the in-process services tests inject.
 * Callbacks cross the thread boundary as comlink proxies.
 */
import { proxy, wrap } from 'comlink';
import type { AnalysisApi } from '../protocol/analysis-api';
import { sendInputsInChunks, type ChunkedInputsApi } from '../protocol/input-chunks';
import type { IoApi } from '../protocol/io-api';
import type { Services } from '../state';

export function createWorkers(): Services {
  const worker = new Worker(new URL('../../workers/io.worker.ts', import.meta.url), { type: 'module', name: 'io' });
  const remote = wrap<IoApi>(worker);
  const io: IoApi = {
    load: (jobId, source, options, onProgress) => remote.load(jobId, source, options, proxy(onProgress)),
    cancel: (jobId) => void remote.cancel(jobId),
    fix: (layer, fix, estimate) => (remote.fix as NonNullable<IoApi['fix']>)(layer, fix, estimate),
    readProject: (jobId, source) => (remote.readProject as NonNullable<IoApi['readProject']>)(jobId, source),
  };
  return { io, analysis: createAnalysisWorker() };
}

/** Progress callbacks become comlink proxies; everything else is plain data or transferred typed arrays. */
function createAnalysisWorker(): AnalysisApi {
  const worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
  const remote = wrap<AnalysisApi & ChunkedInputsApi>(worker);
  const progress = <F extends (...a: never[]) => void>(f: F | undefined) => (f ? proxy(f) : undefined);
  return {
    // In chunks: one postMessage of a whole city's layers is a long task on this thread.
    setInputs: (id, inputs) => sendInputsInChunks(remote, id, inputs),
    dropInputs: (id) => remote.dropInputs(id),
    run: (jobId, id, request, onProgress) => remote.run(jobId, id, request, progress(onProgress)),
    runWithRules: (jobId, id, request, ruleSet, onProgress) => remote.runWithRules(jobId, id, request, ruleSet, progress(onProgress)),
    suggestSites: (jobId, id, request, onProgress) => remote.suggestSites(jobId, id, request, progress(onProgress)),
    homeIds: (id) => remote.homeIds(id),
    explain: (id, homeIdx, category) => remote.explain(id, homeIdx, category),
    evaluateRules: (jobId, id, ruleSet) => remote.evaluateRules(jobId, id, ruleSet),
    cancel: (jobId) => void remote.cancel(jobId),
  };
}
