/**
 * The analysis service behind workers/analysis.worker.ts (and the in-process double tests use): datasets
 * held by id, jobs with cancellation, and explicit runs: every run gets an id (`result.runId`), and explain,
 * rule checks and site suggestions name the run (and the rule set) they act on — no hidden "latest run".
 * The last RUNS_KEPT runs of each dataset are kept (a before/after pair). Failures come back as JobResult
 * codes, never thrown across the boundary.
 */
import { CANCELLED, JobCancelledError, createCancelToken, nextTurn, type JobError, type JobResult, type ProgressFn } from '../jobs';
import type { ExplainedPath } from '../access';
import { evaluateRules, type Evaluation, type RuleSet } from '../rules';
import { prepareDataset, prepareTables, type PreparedDataset } from './prepare';
import { createLayerTableStore, type LayerInputKeys, type LayerTableStore } from './layer-table-store';
import { runAccessAnalysisYielding, type AccessAnalysisRun } from './run';
import { requestForRules, scaledProgress, RULES_PROGRESS_SHARE, SAFE_ROUTES_PROGRESS_SHARE, type AccessWithRules } from './with-rules';
import { suggestSitesForRun, type SiteRequest, type SiteSuggestions } from './site-suggestions';
import type { AccessAnalysisResult, AccessRequest, AnalysisInputs } from './types';
import { parseProfile } from '../safety/profile';
import { computeRunSafeRoutes, runSchoolCategories, type HeldSafeRoutes } from './safe-routes-run';
import { safeRouteDetail } from './safe-route-detail';
import { rulesSafetyStage, rulesWillRoute } from './rules-safe-routes';
import { DEFAULT_SCHOOL_CATEGORIES, type SafeRouteDetail, type SafeRoutesRequest, type SafeRoutesResult } from './safe-routes-types';

export const ANALYSIS_ERRORS = {
  unknownDataset: 'analysis.unknown-dataset',
  noRun: 'analysis.no-run',
  /** The run is no longer held (older than RUNS_KEPT, its dataset dropped, or the worker restarted). */
  unknownRun: 'analysis.unknown-run',
  internal: 'analysis.internal',
} as const;

export const SAFETY_ERRORS = {
  /** The run analysed no school category: no home has a school. */
  noSchools: 'safety.no-schools',
  invalidProfile: 'safety.invalid-profile',
} as const;

function failure(e: unknown): JobError {
  if (e instanceof JobCancelledError) return CANCELLED;
  const coded = e as { code?: unknown; params?: unknown };
  if (typeof coded?.code === 'string') return { code: coded.code, params: coded.params as JobError['params'] };
  return { code: ANALYSIS_ERRORS.internal, params: { detail: String((e as Error)?.message ?? e).slice(0, 200) } };
}

/** Runs kept per dataset: the latest and the one before it (before / after a proposal). */
export const RUNS_KEPT = 2;

interface HeldRun { readonly datasetId: string; readonly run: AccessAnalysisRun; readonly request: AccessRequest }

export interface AnalysisServiceOptions {
  /** Layer tables the io worker sends (the worker entry shares it with the channel's receiver). */
  readonly layerTables?: LayerTableStore;
}

export function createAnalysisService(options: AnalysisServiceOptions = {}) {
  const layerTables = options.layerTables ?? createLayerTableStore();
  const datasets = new Map<string, { data: PreparedDataset }>();
  const runs = new Map<string, HeldRun>();
  const jobs = new Map<string, { cancel(): void }>();
  /** The latest safe routes of each held run (for showing one home's routes); forgotten with the run. */
  const safety = new Map<string, HeldSafeRoutes>();
  let runSeq = 0;

  const nextRunId = () => `run-${++runSeq}`;
  /** Holds a finished run (under a new id unless given), forgetting the dataset's runs beyond RUNS_KEPT. */
  function hold(datasetId: string, run: AccessAnalysisRun, request: AccessRequest, runId = nextRunId()): string {
    runs.set(runId, { datasetId, run, request });
    const mine = [...runs].filter(([, r]) => r.datasetId === datasetId).map(([id]) => id);
    for (const old of mine.slice(0, Math.max(0, mine.length - RUNS_KEPT))) {
      runs.delete(old);
      safety.delete(old);
    }
    return runId;
  }
  const noRun = (runId: string) => ({ ok: false as const, error: { code: ANALYSIS_ERRORS.unknownRun, params: { runId } } });

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
    /** A dataset from layer tables already sent by the io worker, by key (no GeoJSON crosses). */
    async setLayerInputs(datasetId: string, keys: LayerInputKeys): Promise<void> {
      datasets.set(datasetId, { data: prepareTables(layerTables.assemble(keys)) });
    },
    async dropLayerTables(keys: readonly string[]): Promise<void> {
      layerTables.drop(keys);
    },
    async dropInputs(datasetId: string): Promise<void> {
      datasets.delete(datasetId);
      for (const [id, r] of runs) {
        if (r.datasetId !== datasetId) continue;
        runs.delete(id);
        safety.delete(id);
      }
    },
    async run(jobId: string, datasetId: string, request: AccessRequest, onProgress?: ProgressFn): Promise<JobResult<AccessAnalysisResult>> {
      const ds = datasets.get(datasetId);
      if (!ds) return { ok: false, error: { code: ANALYSIS_ERRORS.unknownDataset, params: { datasetId } } };
      return job(jobId, async (cancel) => {
        const run = await runAccessAnalysisYielding(ds.data, { ...request, jobId }, onProgress, cancel);
        return { ...run.result, runId: hold(datasetId, run, request) };
      });
    },
    async runWithRules(
      jobId: string, datasetId: string, request: AccessRequest, ruleSet: RuleSet, onProgress?: ProgressFn,
    ): Promise<JobResult<AccessWithRules>> {
      const ds = datasets.get(datasetId);
      if (!ds) return { ok: false, error: { code: ANALYSIS_ERRORS.unknownDataset, params: { datasetId } } };
      return job(jobId, async (cancel) => {
        const req = requestForRules(request, ruleSet);
        const safeShare = rulesWillRoute(ruleSet, req.safeRoutes, undefined) ? SAFE_ROUTES_PROGRESS_SHARE : 0;
        const rulesFrom = 1 - RULES_PROGRESS_SHARE;
        const run = await runAccessAnalysisYielding(ds.data, { ...req, jobId }, scaledProgress(onProgress, RULES_PROGRESS_SHARE + safeShare), cancel);
        // The run is held only when the check ends: a cancelled one does not push out a run the app shows.
        const runId = nextRunId();
        const sr = await rulesSafetyStage({
          ruleSet, data: ds.data, run, runId, request: req, asked: req.safeRoutes, held: undefined, cancel, jobId, onProgress, from: rulesFrom - safeShare, share: safeShare,
        });
        onProgress?.({ jobId, stage: 'progress.rules', fraction: rulesFrom });
        await nextTurn(cancel);
        const evaluation = evaluateRules(ruleSet, { ...run.tables, safeRoutes: sr.input }, cancel);
        hold(datasetId, run, req, runId);
        if (sr.computed) safety.set(runId, sr.computed);
        onProgress?.({ jobId, stage: 'progress.rules', fraction: 1 });
        return { access: { ...run.result, runId }, evaluation };
      });
    },
    async homeIds(datasetId: string): Promise<readonly string[]> {
      return datasets.get(datasetId)?.data.tables().homes.ids ?? [];
    },
    async explain(runId: string, homeIdx: number, category: string): Promise<ExplainedPath | null> {
      return runs.get(runId)?.run.explain(homeIdx, category) ?? null;
    },
    /**
     * `safeRoutes`: the profile for safe-route rules (default: the run's request's, else child-v1). Stages:
     * 'progress.safe-routes' when they must be routed, then 'progress.rules'. Routes computed for the check
     * are held like the panel's (when none are).
     */
    async evaluateRules(jobId: string, runId: string, ruleSet: RuleSet, safeRoutes?: SafeRoutesRequest, onProgress?: ProgressFn): Promise<JobResult<Evaluation>> {
      const held = runs.get(runId);
      const ds = held && datasets.get(held.datasetId);
      if (!held || !ds) return noRun(runId);
      return job(jobId, async (cancel) => {
        const asked = safeRoutes ?? held.request.safeRoutes;
        const share = rulesWillRoute(ruleSet, asked, safety.get(runId)) ? 1 - RULES_PROGRESS_SHARE : 0;
        const sr = await rulesSafetyStage({
          ruleSet, data: ds.data, run: held.run, runId, request: held.request, asked, held: safety.get(runId), cancel, jobId, onProgress, from: 0, share,
        });
        onProgress?.({ jobId, stage: 'progress.rules', fraction: share });
        if (share > 0) await nextTurn(cancel);
        const evaluation = evaluateRules(ruleSet, { ...held.run.tables, safeRoutes: sr.input }, cancel);
        if (sr.computed && runs.has(runId) && !safety.has(runId)) safety.set(runId, sr.computed);
        onProgress?.({ jobId, stage: 'progress.rules', fraction: 1 });
        return evaluation;
      });
    },
    /** Sites for a gap found in run `runId`: `ruleSet` names the gap's rule (null for a category request). */
    async suggestSites(jobId: string, runId: string, ruleSet: RuleSet | null, request: SiteRequest, onProgress?: ProgressFn): Promise<JobResult<SiteSuggestions>> {
      const held = runs.get(runId);
      const ds = held && datasets.get(held.datasetId);
      if (!held || !ds) return noRun(runId);
      return job(jobId, (cancel) => suggestSitesForRun(ds.data, held.run, held.request, ruleSet ?? undefined, request, jobId, onProgress, cancel));
    },
    async safeRoutes(jobId: string, runId: string, request: SafeRoutesRequest, onProgress?: ProgressFn): Promise<JobResult<SafeRoutesResult>> {
      const held = runs.get(runId);
      const ds = held && datasets.get(held.datasetId);
      if (!held || !ds) return noRun(runId);
      const profile = parseProfile(request.profile);
      if (!profile.ok) return { ok: false, error: { code: SAFETY_ERRORS.invalidProfile, params: { path: profile.issues[0]?.path.join('.') ?? '', issue: profile.issues[0]?.code ?? '' } } };
      if (runSchoolCategories(held.run.tables.access.map((a) => a.category), request.schoolCategories).length === 0) {
        return { ok: false, error: { code: SAFETY_ERRORS.noSchools, params: { categories: (request.schoolCategories ?? DEFAULT_SCHOOL_CATEGORIES).join(', ') } } };
      }
      return job(jobId, async (cancel) => {
        onProgress?.({ jobId, stage: 'progress.safe-routes', fraction: 0 });
        // A turn for cancel(jobId) to arrive before the long synchronous part (the supervisor ends a hung one).
        await nextTurn(cancel);
        const r = computeRunSafeRoutes(ds.data, held.run, runId, held.request, { ...request, profile: profile.profile }, cancel, onProgress, jobId);
        safety.set(runId, r.held);
        return r.result;
      });
    },
    async safeRouteDetail(runId: string, homeIdx: number): Promise<SafeRouteDetail | null> {
      const held = safety.get(runId);
      const ds = runs.get(runId) && datasets.get(runs.get(runId)!.datasetId);
      return held && ds ? safeRouteDetail(held, ds.data.source.streets, homeIdx) : null;
    },
    cancel(jobId: string): void {
      jobs.get(jobId)?.cancel();
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
