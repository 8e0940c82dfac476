/**
 * The analysis worker's contract (workers/analysis.worker.ts): the method signatures (AnalysisApi) and
 * the table every other list derives from (analysisProtocol). Layers go in once per dataset id and stay
 * in the worker; runs return typed arrays that are transferred, not copied (transferablesOf lists them).
 */
import {
  safeRoutesTransferables, type AccessAnalysisResult, type AccessRequest, type AccessWithRules, type AnalysisInputs, type LayerInputKeys,
  type LayerTableStore, type SafeRouteDetail, type SafeRoutesRequest, type SafeRoutesResult, type SiteRequest, type SiteSuggestions,
} from '../core/analysis';
import type { ExplainedPath } from '../core/access';
import type { Evaluation, RuleSet } from '../core/rules';
import { createChunkAssembler, type ChunkedInputsApi } from './input-chunks';
import { createLayerReceiver, type LayerPort } from './layer-channel';
import type { JobId, JobResult, ProgressFn } from './jobs';
import { exposedService, uniqueBuffers, type ProtocolTable, type Transfer } from './protocol-table';

export type {
  AccessAnalysisResult, AccessRequest, AnalysisInputs, CategoryResult, IsochroneLayers, ThresholdSpec, UnitsSummary,
  ProposedFacility, AccessWithRules, SiteRequest, SiteSuggestions, SuggestedSite, SafeRoutesRequest, SafeRoutesResult, SafeRouteDetail,
  SchoolSummary, RouteCrossing, ShownRoute,
} from '../core/analysis';
export { SNAP_LEG_STRIDE, ANALYSIS_ERRORS, SITING_ERRORS } from '../core/analysis';
export type { GapRecord, Scorecard } from '../core/rules';
export type { LevelCoverage, CoverageRow } from '../core/coverage';
export type { ExplainedPath } from '../core/access';

export interface AnalysisApi {
  /** Keeps the layers under `datasetId` (replacing any earlier ones); tables and network are built lazily. */
  setInputs(datasetId: string, inputs: AnalysisInputs): Promise<void>;
  dropInputs(datasetId: string): Promise<void>;
  /** The analysis worker's end of the channel from the io worker (layer-channel.ts): tables arrive there. */
  connectIo?(port: LayerPort): Promise<void>;
  /** A dataset from layer tables the io worker already sent, by key; errors 'analysis.missing-layer-table'. */
  setLayerInputs?(datasetId: string, keys: LayerInputKeys): Promise<void>;
  /** Forgets layer tables (their layers left the project, or a dataset no longer needs them). */
  dropLayerTables?(keys: readonly string[]): Promise<void>;
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
   * stages, 'progress.safe-routes' when safe-route rules need routing, then 'progress.rules'. Cancel with cancel(jobId). Equivalent two-call flow: run() with
   * categories ⊇ accessRequirements(ruleSet).categories and cutoffM ≥ its maxDistanceM, then evaluateRules().
   * Gap records' `uncovered_homes` (Int32Array, HomeTable indexes) are transferred with the result.
   */
  runWithRules(
    jobId: JobId, datasetId: string, request: AccessRequest, ruleSet: RuleSet, onProgress?: ProgressFn,
  ): Promise<JobResult<AccessWithRules>>;
  /** Ids of the dataset's homes, in the order of every per-home array of a result (cloned once, not per run). */
  homeIds(datasetId: string): Promise<readonly string[]>;
  /**
   * The path behind a home's walking distance in run `runId` (`result.runId`); null when unreachable or
   * when the run is no longer held.
   */
  explain(runId: string, homeIdx: number, category: string): Promise<ExplainedPath | null>;
  /**
   * Gaps against a rule set over run `runId` (error 'analysis.unknown-run' when it is no longer held).
   * Safe-route rules use the run's held safe routes when they match `safeRoutes` (the project's profile;
   * default the run request's, else child-v1), else they are computed for the check ('progress.safe-routes').
   */
  evaluateRules(jobId: JobId, runId: string, ruleSet: RuleSet, safeRoutes?: SafeRoutesRequest, onProgress?: ProgressFn): Promise<JobResult<Evaluation>>;
  /**
   * Where k new facilities would bring the most children of a band within a distance, against run
   * `runId` (its proposals included): `{ruleId}` of `ruleSet` (share_within or worst_distance), or
   * `{category, thresholdM, ageBand}`; `unitId` (+ `unitLevel`, default the rule's scale) limits it to one
   * unit's children. `candidates: 'network'` = street vertices and segment midpoints inside the unit,
   * grid-thinned to `maxCandidates` (300); or a candidate layer's points. Each site's `gain` is the children
   * newly within the threshold given the sites before it, i.e. what a rerun with those sites as proposals
   * finds. Progress 'progress.siting'. Errors: 'analysis.unknown-run', 'siting.*' (SITING_ERRORS).
   */
  suggestSites(jobId: JobId, runId: string, ruleSet: RuleSet | null, request: SiteRequest, onProgress?: ProgressFn): Promise<JobResult<SiteSuggestions>>;
  /**
   * Safe routes to school over run `runId` (docs/safe-routes-contract.md): each home's school is its
   * nearest over the run's school categories (`request.schoolCategories`, default school, primary and
   * middle), the dataset's crossings give the control. Progress 'progress.safe-routes'. Per-street and
   * per-home typed arrays are transferred. Errors: 'analysis.unknown-run', 'safety.no-schools',
   * 'safety.invalid-profile'.
   */
  safeRoutes(jobId: JobId, runId: string, request: SafeRoutesRequest, onProgress?: ProgressFn): Promise<JobResult<SafeRoutesResult>>;
  /** One home's safe route beside its shortest route, from the latest safeRoutes of run `runId`; null when none. */
  safeRouteDetail(runId: string, homeIdx: number): Promise<SafeRouteDetail | null>;
  /** Asks a running job to stop; its promise resolves with error code 'cancelled'. */
  cancel(jobId: JobId): void;
}

/**
 * The analysis worker's table (protocol-table.ts): how each AnalysisApi method crosses. The inputs are
 * 'custom': the app keeps them and sends them in chunks, again after a restart (src/app/create-workers.ts).
 */
export const analysisProtocol = {
  setInputs: { kind: 'custom' },
  dropInputs: { kind: 'custom' },
  // The app's setInputs sends the layers from the io worker and then calls these (src/app/layer-shipping.ts).
  connectIo: { kind: 'custom' },
  setLayerInputs: { kind: 'custom' },
  dropLayerTables: { kind: 'custom' },
  run: { kind: 'job', dataset: 1, transfer: (r) => transferablesOf(r) },
  runWithRules: { kind: 'job', dataset: 1, transfer: (r) => [...new Set([...transferablesOf(r.access), ...evaluationTransferables(r.evaluation)])] },
  homeIds: { kind: 'query', dataset: 0 },
  // Runs live in the worker only: after a restart they are gone (analysis.unknown-run), never re-sent.
  explain: { kind: 'query' },
  evaluateRules: { kind: 'job', transfer: (e) => evaluationTransferables(e) },
  suggestSites: { kind: 'job' },
  safeRoutes: { kind: 'job', transfer: (r) => safeRoutesTransferables(r) },
  // A query (not transferred): two routes' segments are small.
  safeRouteDetail: { kind: 'query' },
  cancel: { kind: 'cancel' },
} as const satisfies ProtocolTable<AnalysisApi>;

/** Every typed-array buffer of a result, each once (a buffer listed twice makes postMessage throw). */
export function transferablesOf(r: AccessAnalysisResult): ArrayBuffer[] {
  return uniqueBuffers([
    r.homeLng, r.homeLat, r.homeFeatureIdx, r.facilityLng, r.facilityLat, r.homeSnapM, r.facilitySnapM, r.snapLegs, r.thresholdsM,
    ...r.categories.flatMap((c) => [c.walkingM, c.networkM, c.nearestFacility]),
    ...r.isochrones.flatMap((i) => [i.pieceCoords, i.pieceThreshold]),
    ...r.units.flatMap((u) => [u.parentIdx, u.homeUnit, u.facilityUnit]),
    ...r.coverage.flatMap((c) => [c.thresholdsM, c.homes, c.childrenTotal, c.childrenWithin, c.homesUnreachable, c.estimated, c.outsideChildren]),
  ]);
}

/** The buffers of every gap record's uncovered_homes, each once (records, gaps and scorecards share them). */
export function evaluationTransferables(e: Evaluation): ArrayBuffer[] {
  return uniqueBuffers(e.records.map((r) => r.uncovered_homes));
}

/**
 * The service as the analysis worker exposes it (exposedService over analysisProtocol), plus inputs that
 * arrive in chunks (input-chunks.ts).
 */
export function transferringApi(service: AnalysisApi, transfer: Transfer, layerTables?: LayerTableStore): AnalysisApi & ChunkedInputsApi {
  const chunks = createChunkAssembler();
  const receiver = layerTables ? createLayerReceiver(layerTables.put) : null;
  const connectIo = async (port: LayerPort) => receiver?.connect(port);
  const api = exposedService({ ...service, connectIo }, analysisProtocol, transfer);
  return {
    ...api,
    addInputChunk: async (id, chunk) => chunks.add(id, chunk),
    setChunkedInputs: (id, skeleton) => api.setInputs(id, chunks.assemble(id, skeleton)),
    dropInputs: (id) => {
      chunks.drop(id);
      return api.dropInputs(id);
    },
  };
}
