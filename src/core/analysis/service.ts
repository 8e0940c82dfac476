/**
 * The analysis service behind workers/analysis.worker.ts (and the in-process double tests use): datasets
 * held by id, jobs with cancellation, explain and rules against the latest run of a dataset. Failures come
 * back as JobResult codes, never thrown across the boundary.
 */
import { CANCELLED, JobCancelledError, createCancelToken, type JobError, type JobResult, type ProgressFn } from '../jobs';
import type { ExplainedPath } from '../access';
import { evaluateRules, type Evaluation, type RuleSet } from '../rules';
import { prepareDataset, type PreparedDataset } from './prepare';
import { runAccessAnalysisYielding, type AccessAnalysisRun } from './run';
import { requestForRules, scaledProgress, RULES_PROGRESS_SHARE, type AccessWithRules } from './with-rules';
import { suggestSitesForRun, type SiteRequest, type SiteSuggestions } from './site-suggestions';
import type { AccessAnalysisResult, AccessRequest, AnalysisInputs } from './types';

export const ANALYSIS_ERRORS = {
  unknownDataset: 'analysis.unknown-dataset',
  noRun: 'analysis.no-run',
  internal: 'analysis.internal',
} as const;

function failure(e: unknown): JobError {
  if (e instanceof JobCancelledError) return CANCELLED;
  const coded = e as { code?: unknown; params?: unknown };
  if (typeof coded?.code === 'string') return { code: coded.code, params: coded.params as JobError['params'] };
  return { code: ANALYSIS_ERRORS.internal, params: { detail: String((e as Error)?.message ?? e).slice(0, 200) } };
}

export function createAnalysisService() {
  /** Per dataset: the prepared layers, the latest run and its request, the rule set last evaluated. */
  const datasets = new Map<string, { data: PreparedDataset; last?: AccessAnalysisRun; lastRequest?: AccessRequest; ruleSet?: RuleSet }>();
  const jobs = new Map<string, { cancel(): void }>();

  async function job<T>(jobId: string, work: (cancel: ReturnType<typeof createCancelToken>) => T | Promise<T>): Promise<JobResult<T>> {
    const token = createCancelToken();
    jobs.set(jobId, token);
    try {
      return { ok: true, value: await work(token) };
    } catch (e) {
      return { ok: false, error: failure(e) };
    } finally {
      jobs.delete(jobId);
    }
  }

  return {
    async setInputs(datasetId: string, inputs: AnalysisInputs): Promise<void> {
      datasets.set(datasetId, { data: prepareDataset(inputs) });
    },
    async dropInputs(datasetId: string): Promise<void> {
      datasets.delete(datasetId);
    },
    async run(jobId: string, datasetId: string, request: AccessRequest, onProgress?: ProgressFn): Promise<JobResult<AccessAnalysisResult>> {
      const ds = datasets.get(datasetId);
      if (!ds) return { ok: false, error: { code: ANALYSIS_ERRORS.unknownDataset, params: { datasetId } } };
      return job(jobId, async (cancel) => {
        const run = await runAccessAnalysisYielding(ds.data, { ...request, jobId }, onProgress, cancel);
        ds.last = run;
        ds.lastRequest = request;
        return run.result;
      });
    },
    async runWithRules(
      jobId: string, datasetId: string, request: AccessRequest, ruleSet: RuleSet, onProgress?: ProgressFn,
    ): Promise<JobResult<AccessWithRules>> {
      const ds = datasets.get(datasetId);
      if (!ds) return { ok: false, error: { code: ANALYSIS_ERRORS.unknownDataset, params: { datasetId } } };
      return job(jobId, async (cancel) => {
        const req = requestForRules(request, ruleSet);
        const run = await runAccessAnalysisYielding(ds.data, { ...req, jobId }, scaledProgress(onProgress), cancel);
        ds.last = run;
        ds.lastRequest = req;
        onProgress?.({ jobId, stage: 'progress.rules', fraction: 1 - RULES_PROGRESS_SHARE });
        await new Promise((resolve) => setTimeout(resolve, 0));
        const evaluation = evaluateRules(ruleSet, run.tables, cancel);
        ds.ruleSet = ruleSet;
        onProgress?.({ jobId, stage: 'progress.rules', fraction: 1 });
        return { access: run.result, evaluation };
      });
    },
    async homeIds(datasetId: string): Promise<readonly string[]> {
      return datasets.get(datasetId)?.data.tables().homes.ids ?? [];
    },
    async explain(datasetId: string, homeIdx: number, category: string): Promise<ExplainedPath | null> {
      return datasets.get(datasetId)?.last?.explain(homeIdx, category) ?? null;
    },
    async evaluateRules(jobId: string, datasetId: string, ruleSet: RuleSet): Promise<JobResult<Evaluation>> {
      const last = datasets.get(datasetId)?.last;
      if (!last) return { ok: false, error: { code: ANALYSIS_ERRORS.noRun, params: { datasetId } } };
      return job(jobId, (cancel) => {
        const evaluation = evaluateRules(ruleSet, last.tables, cancel);
        datasets.get(datasetId)!.ruleSet = ruleSet;
        return evaluation;
      });
    },
    async suggestSites(jobId: string, datasetId: string, request: SiteRequest, onProgress?: ProgressFn): Promise<JobResult<SiteSuggestions>> {
      const ds = datasets.get(datasetId);
      if (!ds?.last || !ds.lastRequest) return { ok: false, error: { code: ANALYSIS_ERRORS.noRun, params: { datasetId } } };
      const { data, last, lastRequest, ruleSet } = ds;
      return job(jobId, (cancel) => suggestSitesForRun(data, last, lastRequest, ruleSet, request, jobId, onProgress, cancel));
    },
    cancel(jobId: string): void {
      jobs.get(jobId)?.cancel();
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
