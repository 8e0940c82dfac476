/**
 * The analysis worker's contract (workers/analysis.worker.ts). Layers go in once per dataset id and stay
 * in the worker; runs return typed arrays that are transferred, not copied (transferablesOf lists them).
 */
import type { AccessAnalysisResult, AccessRequest, AccessWithRules, AnalysisInputs, SiteRequest, SiteSuggestions } from '../core/analysis';
import type { ExplainedPath } from '../core/access';
import type { Evaluation, RuleSet } from '../core/rules';
import { createChunkAssembler, type ChunkedInputsApi } from './input-chunks';
import type { JobId, JobResult, ProgressFn } from './jobs';

export type {
  AccessAnalysisResult, AccessRequest, AnalysisInputs, CategoryResult, IsochroneLayers, ThresholdSpec, UnitsSummary,
  ProposedFacility, AccessWithRules, SiteRequest, SiteSuggestions, SuggestedSite,
} from '../core/analysis';
export { SNAP_LEG_STRIDE, ANALYSIS_ERRORS, SITING_ERRORS } from '../core/analysis';
export type { GapRecord, Scorecard } from '../core/rules';
export type { LevelCoverage, CoverageRow } from '../core/coverage';
export type { ExplainedPath } from '../core/access';

export interface AnalysisApi {
  /** Keeps the layers under `datasetId` (replacing any earlier ones); tables and network are built lazily. */
  setInputs(datasetId: string, inputs: AnalysisInputs): Promise<void>;
  dropInputs(datasetId: string): Promise<void>;
  /**
   * One access analysis; progress stages are i18n keys ('progress.network' … 'progress.coverage').
   * Scenarios: `request.proposals` ({id, category, lng, lat}[]) are added to the facilities for this run
   * only (after the existing ones, flagged `proposed`); run once without and once with them for before /
   * after. Categories whose facilities and cutoff did not change since the previous run reuse its paths.
   */
  run(jobId: JobId, datasetId: string, request: AccessRequest, onProgress?: ProgressFn): Promise<JobResult<AccessAnalysisResult>>;
  /**
   * Access + rules in one job (the one-call flow). The request is widened to what the rule set tests: its
   * categories are added, and a cutoff (if any) is raised to its largest distance. Progress: the access
   * stages, then 'progress.rules'. Cancel with cancel(jobId). Equivalent two-call flow: run() with
   * categories ⊇ accessRequirements(ruleSet).categories and cutoffM ≥ its maxDistanceM, then evaluateRules().
   * Gap records' `uncovered_homes` (Int32Array, HomeTable indexes) are transferred with the result.
   */
  runWithRules(
    jobId: JobId, datasetId: string, request: AccessRequest, ruleSet: RuleSet, onProgress?: ProgressFn,
  ): Promise<JobResult<AccessWithRules>>;
  /** Ids of the dataset's homes, in the order of every per-home array of a result (cloned once, not per run). */
  homeIds(datasetId: string): Promise<readonly string[]>;
  /** The path behind a home's walking distance in the dataset's latest run; null when unreachable. */
  explain(datasetId: string, homeIdx: number, category: string): Promise<ExplainedPath | null>;
  /** Gaps against a rule set, over the dataset's latest run (error 'analysis.no-run' before any run). */
  evaluateRules(jobId: JobId, datasetId: string, ruleSet: RuleSet): Promise<JobResult<Evaluation>>;
  /**
   * Where k new facilities would bring the most children of a band within a distance, against the
   * dataset's latest run (its proposals included): `{ruleId}` of the rule set last evaluated (share_within
   * or worst_distance), or `{category, thresholdM, ageBand}`; `unitId` (+ `unitLevel`, default the rule's
   * scale) limits it to one unit's children. `candidates: 'network'` = street vertices and segment
   * midpoints inside the unit, grid-thinned to `maxCandidates` (300); or a candidate layer's points.
   * Each site's `gain` is the children newly within the threshold given the sites before it, i.e. what a
   * rerun with those sites as proposals finds. Progress 'progress.siting'. Errors: 'analysis.no-run',
   * 'siting.*' (SITING_ERRORS).
   */
  suggestSites(jobId: JobId, datasetId: string, request: SiteRequest, onProgress?: ProgressFn): Promise<JobResult<SiteSuggestions>>;
  /** Asks a running job to stop; its promise resolves with error code 'cancelled'. */
  cancel(jobId: JobId): void;
}

/** Every typed-array buffer of a result, each once (a buffer listed twice makes postMessage throw). */
export function transferablesOf(r: AccessAnalysisResult): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    r.homeLng, r.homeLat, r.homeFeatureIdx, r.facilityLng, r.facilityLat, r.homeSnapM, r.facilitySnapM, r.snapLegs, r.thresholdsM,
    ...r.categories.flatMap((c) => [c.walkingM, c.networkM, c.nearestFacility]),
    ...r.isochrones.flatMap((i) => [i.pieceCoords, i.pieceThreshold]),
    ...r.units.flatMap((u) => [u.parentIdx, u.homeUnit, u.facilityUnit]),
    ...r.coverage.flatMap((c) => [c.thresholdsM, c.homes, c.childrenTotal, c.childrenWithin, c.homesUnreachable, c.estimated, c.outsideChildren]),
  ];
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer && a.buffer.byteLength > 0) buffers.add(a.buffer);
  return [...buffers];
}

/** The buffers of every gap record's uncovered_homes, each once (records, gaps and scorecards share them). */
export function evaluationTransferables(e: Evaluation): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const r of e.records) if (r.uncovered_homes.buffer instanceof ArrayBuffer && r.uncovered_homes.byteLength > 0) buffers.add(r.uncovered_homes.buffer);
  return [...buffers];
}

/**
 * Wraps a service so run() hands its result to `transfer` with every buffer listed, and inputs can arrive
 * in chunks (input-chunks.ts). The transport's
 * transfer function is injected (Comlink.transfer in the worker) because src/protocol does not import comlink.
 */
export function transferringApi(
  service: AnalysisApi, transfer: <T>(value: T, transferables: Transferable[]) => T,
): AnalysisApi & ChunkedInputsApi {
  const chunks = createChunkAssembler();
  return {
    setInputs: (id, inputs) => service.setInputs(id, inputs),
    addInputChunk: async (id, chunk) => chunks.add(id, chunk),
    setChunkedInputs: (id, skeleton) => service.setInputs(id, chunks.assemble(id, skeleton)),
    dropInputs: (id) => {
      chunks.drop(id);
      return service.dropInputs(id);
    },
    run: async (jobId, datasetId, request, onProgress) => {
      const r = await service.run(jobId, datasetId, request, onProgress);
      return r.ok ? transfer(r, transferablesOf(r.value)) : r;
    },
    runWithRules: async (jobId, datasetId, request, ruleSet, onProgress) => {
      const r = await service.runWithRules(jobId, datasetId, request, ruleSet, onProgress);
      if (!r.ok) return r;
      const buffers = new Set([...transferablesOf(r.value.access), ...evaluationTransferables(r.value.evaluation)]);
      return transfer(r, [...buffers]);
    },
    homeIds: (id) => service.homeIds(id),
    explain: (id, homeIdx, category) => service.explain(id, homeIdx, category),
    evaluateRules: async (jobId, id, ruleSet) => {
      const r = await service.evaluateRules(jobId, id, ruleSet);
      return r.ok ? transfer(r, evaluationTransferables(r.value)) : r;
    },
    suggestSites: (jobId, id, request, onProgress) => service.suggestSites(jobId, id, request, onProgress),
    cancel: (jobId) => service.cancel(jobId),
  };
}
