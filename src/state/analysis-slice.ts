/**
 * The access analysis as the app sees it: inputs assembled from the project's layers by role and sent to
 * the analysis worker once per dataset id, runs as jobs (progress, cancel, coded errors), the latest result
 * kept beside the document (never in undo history), and what the user chose to look at.
 *
 * For other panels (rules, sketch): `await ensureAnalysisInputs()` gives the current dataset id (sending
 * the layers first when they changed); the worker's "latest run" for that id is `analysis.result`. A panel
 * that runs `services.analysis.runWithRules` itself hands the access part back with
 * `setAccessResult(result, request, datasetId)`, so every panel and the map show the same run.
 */
import { AGE_BANDS, countedCategories, readFacility, type AgeBand, type ProjectLayer, type UnitLevel } from '../core/model';
import type { AccessAnalysisResult, AccessRequest, ExplainedPath } from '../protocol/analysis-api';
import { buildAccessRequest } from '../core/analysis/request';
import { activeFacilityProposals } from './actions/scenario-proposals';
import type { JobError, JobId } from '../protocol/jobs';
import { analysisPlan, buildInputs, demoMixBlocked } from './analysis-plan';
import type { SliceCreator } from './slice';
import type { AppState, LayerData, Services } from './types';

export type AnalysisStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
export type MapResult = 'distance' | 'isochrones' | 'coverage' | 'snapLegs';

export interface AnalysisDisplay {
  /** Category drawn on the map and explained first; null before any result. */
  readonly category: string | null;
  /** Index into the result's thresholdsM (ascending). */
  readonly thresholdIdx: number;
  /** Children counted in shares: one band, or all bands summed. */
  readonly ageBand: AgeBand | 'all';
  readonly level: UnitLevel;
  /** How thresholds are shown and typed: metres, or minutes at the walking speed of the chosen band. */
  readonly thresholdUnit: 'm' | 'min';
  readonly show: Readonly<Record<MapResult, boolean>>;
}

/** Which project layers a dataset was built from, so results map back onto features. */
export interface AnalysisInputRefs {
  readonly datasetId: string;
  readonly key: string;
  readonly homesLayerId: string;
  /** The streets layers, in the order the worker joined them (the safe routes' way order). */
  readonly streetLayerIds: readonly string[];
  /** Facility id (result.facilityIds) → the feature it came from. */
  readonly facilities: ReadonlyMap<string, { readonly layerId: string; readonly featureIndex: number }>;
  readonly unitLayerIds: Readonly<Partial<Record<UnitLevel, string>>>;
}

export interface AnalysisExplain {
  readonly homeIdx: number;
  readonly category: string;
  /** undefined while the worker answers; null when the home cannot reach the category. */
  readonly path: ExplainedPath | null | undefined;
}

export interface AnalysisState {
  /** The dataset the worker holds for the current layers; null until first sent. */
  readonly datasetId: string | null;
  readonly inputs: AnalysisInputRefs | null;
  readonly status: AnalysisStatus;
  /** The running analysis's job in the jobs slice (its progress is there: `analysisJob`). */
  readonly jobId: JobId | null;
  readonly error: JobError | null;
  /** The run shown; its request and rule set are in the runs slice (`shownRun`). */
  readonly result: AccessAnalysisResult | null;
  /** Categories to analyse; null = every category present in the facility layers. */
  readonly categories: readonly string[] | null;
  readonly display: AnalysisDisplay;
  readonly explain: AnalysisExplain | null;
  /** The user ticked "use demo and real layers together anyway" (session choice, see analysis-plan.ts). */
  readonly allowDemoMix: boolean;
}

export interface AnalysisSlice {
  readonly analysis: AnalysisState;
  /** Sends the layers to the worker when they (or their roles) changed; resolves to the dataset id. */
  ensureAnalysisInputs(): Promise<string>;
  /** Runs the access analysis with doc.settings and the chosen categories, as a cancellable job. */
  runAnalysis(): Promise<void>;
  cancelAnalysis(): void;
  /** Shows a result computed elsewhere (e.g. runWithRules in the rules panel) as the latest run. */
  setAccessResult(result: AccessAnalysisResult, request: AccessRequest, datasetId?: string): void;
  setAnalysisCategories(categories: readonly string[] | null): void;
  setAnalysisDisplay(patch: Partial<Omit<AnalysisDisplay, 'show'>> & { show?: Partial<Record<MapResult, boolean>> }): void;
  /** Asks the worker for the path behind a home's distance to a category and draws it. */
  explainHome(homeIdx: number, category: string): Promise<void>;
  clearExplain(): void;
  setAllowDemoMix(allow: boolean): void;
  /** Forgets the results and the worker's dataset (the layers they were computed from are gone). */
  clearAnalysis(): void;
}

export const ANALYSIS_UI_ERRORS = {
  noService: 'analysis.no-service',
  missingLayers: 'analysis.missing-layers',
  noCategories: 'analysis.no-categories',
  workerFailed: 'analysis.worker-failed',
  demoMix: 'analysis.demo-mix',
} as const;

export const DEFAULT_ANALYSIS_DISPLAY: AnalysisDisplay = {
  category: null,
  thresholdIdx: 1,
  ageBand: 'all',
  level: 'community',
  thresholdUnit: 'm',
  show: { distance: true, isochrones: false, coverage: false, snapLegs: false },
};

const ANALYSED_ROLES = new Set(['streets', 'homes', 'facilities', 'crossings', 'city', 'district', 'street', 'community']);

/** What identifies a dataset: the analysed layers, their roles, categories and field mappings (not styles). */
export function analysisInputsKey(layers: readonly ProjectLayer[]): string {
  return layers
    .filter((l) => ANALYSED_ROLES.has(l.role))
    .map((l) => `${l.id}|${l.role}|${l.category ?? ''}|${JSON.stringify(l.fieldMapping ?? {})}`)
    .join('\n');
}

/** True when the shown result was computed from other layers than the project has now. */
export const isAnalysisStale = (s: AppState): boolean =>
  s.analysis.result !== null && s.analysis.inputs !== null && s.analysis.inputs.key !== analysisInputsKey(s.doc.layers);

let presentMemo: { layers: readonly ProjectLayer[]; data: Readonly<Record<string, LayerData>>; value: string[] } | null = null;
/** Categories named by the facility layers (their own category, or each feature's). */
export function presentCategories(s: Pick<AppState, 'doc' | 'layerData'>): string[] {
  if (presentMemo && presentMemo.layers === s.doc.layers && presentMemo.data === s.layerData) return presentMemo.value;
  const found = new Set<string>();
  for (const l of s.doc.layers) {
    if (l.role !== 'facilities') continue;
    for (const f of s.layerData[l.id]?.data.features ?? []) {
      const c = readFacility(f.properties, l.category).category;
      // A `school` of unknown level is analysed as primary and middle (the facility table's rows).
      if (c) for (const counted of countedCategories(c)) found.add(counted);
    }
  }
  const value = [...found].sort();
  presentMemo = { layers: s.doc.layers, data: s.layerData, value };
  return value;
}

/** The categories a run would analyse: the user's choice among those present, or all present. */
export function analysedCategories(s: AppState): string[] {
  const present = presentCategories(s);
  return s.analysis.categories ? present.filter((c) => s.analysis.categories!.includes(c)) : present;
}

/** The Access panel's request: the one builder in core, with the active scenario's proposals. */
export function analysisRequest(s: AppState): AccessRequest {
  return buildAccessRequest(s.doc.settings, { categories: analysedCategories(s), proposals: activeFacilityProposals(s.doc), isochrones: 'segments' });
}

class CodedError extends Error {
  constructor(readonly error: JobError) {
    super(error.code);
  }
}

export const createAnalysisSlice = (services: Services): SliceCreator<AnalysisSlice> => (set, get) => {
  let seq = 0;
  let sending: { key: string; done: Promise<AnalysisInputRefs> } | null = null;
  let explainSeq = 0;

  const patch = (p: Partial<AnalysisState>) => set((s) => ({ analysis: { ...s.analysis, ...p } }));
  /** Keeps the display pointing at something the result has. */
  function displayFor(result: AccessAnalysisResult, d: AnalysisDisplay): AnalysisDisplay {
    const cats = result.categories.map((c) => c.category);
    const category = d.category && cats.includes(d.category) ? d.category : cats[0] ?? null;
    const thresholdIdx = Math.min(Math.max(0, d.thresholdIdx), Math.max(0, result.thresholdsM.length - 1));
    const levels = result.coverage.map((c) => c.level);
    const level = levels.includes(d.level) ? d.level : levels[levels.length - 1] ?? d.level;
    return { ...d, category, thresholdIdx, level };
  }

  async function ensureAnalysisInputs(): Promise<string> {
    const api = services.analysis;
    if (!api) throw new CodedError({ code: ANALYSIS_UI_ERRORS.noService });
    const s = get();
    const key = analysisInputsKey(s.doc.layers);
    if (s.analysis.inputs?.key === key) return s.analysis.inputs.datasetId;
    if (sending?.key === key) return (await sending.done).datasetId;
    const plan = analysisPlan(s);
    // The one guard for every run (Access panel, rules check): demo and real layers do not mix unasked.
    if (demoMixBlocked(s)) throw new CodedError({ code: ANALYSIS_UI_ERRORS.demoMix });
    const built = buildInputs(plan, s.layerData);
    if (!built) throw new CodedError({ code: ANALYSIS_UI_ERRORS.missingLayers, params: { roles: plan.missing.join(', ') } });
    const datasetId = `dataset-${++seq}`;
    const previous = s.analysis.inputs?.datasetId;
    const done = api.setInputs(datasetId, built.inputs).then(() => {
      const refs: AnalysisInputRefs = { datasetId, key, ...built.refs };
      patch({ datasetId, inputs: refs });
      if (previous) void api.dropInputs(previous);
      return refs;
    });
    sending = { key, done };
    try {
      return (await done).datasetId;
    } finally {
      if (sending?.done === done) sending = null;
    }
  }

  return {
    analysis: {
      datasetId: null,
      inputs: null,
      status: 'idle',
      jobId: null,
      error: null,
      result: null,
      categories: null,
      display: DEFAULT_ANALYSIS_DISPLAY,
      explain: null,
      allowDemoMix: false,
    },
    ensureAnalysisInputs,
    async runAnalysis() {
      if (get().analysis.jobId) return;
      patch({ status: 'running', error: null });
      let request: AccessRequest | null = null;
      let datasetId = '';
      const r = await get().runJob({
        kind: 'analysis', labelKey: 'analysis.title', worker: 'analysis', stage: 'progress.preparing',
        run: async ({ jobId, onProgress, cancelled }) => {
          patch({ jobId });
          request = analysisRequest(get());
          if (request.categories.length === 0) throw new CodedError({ code: ANALYSIS_UI_ERRORS.noCategories });
          if (!services.analysis) throw new CodedError({ code: ANALYSIS_UI_ERRORS.noService });
          datasetId = await get().ensureAnalysisInputs();
          if (cancelled()) return { ok: false, error: { code: 'cancelled' } };
          return services.analysis.run(jobId, datasetId, request, onProgress);
        },
      });
      if (r.ok && request) return get().setAccessResult(r.value, request, datasetId);
      const error = r.ok ? { code: ANALYSIS_UI_ERRORS.workerFailed } : r.error;
      const cancelledRun = error.code === 'cancelled';
      patch({ status: cancelledRun ? 'cancelled' : 'failed', error: cancelledRun ? null : error, jobId: null });
    },
    cancelAnalysis() {
      const id = get().analysis.jobId;
      if (id) get().cancelJob(id);
    },
    setAccessResult(result, request, datasetId) {
      const a = get().analysis;
      // One record per run, read by both panels (runs-slice.ts).
      get().recordRun(result.runId, request, datasetId ?? a.datasetId);
      set({
        analysis: {
          ...a,
          ...(datasetId ? { datasetId } : {}),
          status: 'done',
          jobId: null,
          error: null,
          result,
          display: displayFor(result, a.display),
          explain: null,
        },
      });
    },
    setAnalysisCategories: (categories) => patch({ categories: categories ? [...categories] : null }),
    setAnalysisDisplay(p) {
      const d = get().analysis.display;
      const next: AnalysisDisplay = { ...d, ...p, show: { ...d.show, ...p.show } };
      const explain = get().analysis.explain;
      // The drawn path follows the category shown.
      const stale = explain && p.category && p.category !== explain.category;
      patch({ display: next, ...(stale ? { explain: null } : {}) });
      if (stale) void get().explainHome(explain.homeIdx, p.category!);
    },
    async explainHome(homeIdx, category) {
      const { datasetId, result } = get().analysis;
      if (!services.analysis || !datasetId || !result) return;
      const mine = ++explainSeq;
      patch({ explain: { homeIdx, category, path: undefined } });
      try {
        const path = await services.analysis.explain(result.runId, homeIdx, category);
        if (mine === explainSeq) patch({ explain: { homeIdx, category, path } });
      } catch {
        if (mine === explainSeq) patch({ explain: { homeIdx, category, path: null } });
      }
    },
    clearExplain() {
      explainSeq++;
      patch({ explain: null });
    },
    setAllowDemoMix: (allowDemoMix) => patch({ allowDemoMix }),
    clearAnalysis() {
      get().cancelAnalysis();
      explainSeq++;
      const { datasetId } = get().analysis;
      if (datasetId) void services.analysis?.dropInputs(datasetId);
      sending = null;
      get().clearRuns();
      patch({ datasetId: null, inputs: null, status: 'idle', jobId: null, error: null, result: null, categories: null, explain: null, allowDemoMix: false });
    },
  };
};

/** Walking speed used to turn minutes into metres for the shown band (the slowest band for 'all'). */
export function displaySpeedMps(speeds: Partial<Record<AgeBand, number>> | undefined, band: AgeBand | 'all', defaults: Record<AgeBand, number>): number {
  const of = (b: AgeBand) => speeds?.[b] ?? defaults[b];
  return band === 'all' ? Math.min(...AGE_BANDS.map(of)) : of(band);
}
