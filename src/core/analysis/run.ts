/**
 * runAccessAnalysis: layers + request → access per home and category, isochrones, coverage at every level.
 * Stages report progress under i18n keys; cancellation is checked between stages and inside the loops.
 */
import { computeCategoryAccess, explainPath, extendCategoryAccess, type CategoryAccessResult, type ExplainedPath } from '../access';
import { isochrones as drawIsochrones } from '../isochrones/isochrones';
import { isochronePieces } from './isochrone-pieces';
import { computeLevelCoverage } from '../coverage';
import { UNIT_LEVELS, type CategoryAccess, type FacilityTable, type HomeTable } from '../model';
import type { UnitTables } from '../tables';
import type { CancelToken, ProgressFn } from '../jobs';
import { DEFAULT_MAX_SNAP_M } from '../network';
import { prepareDataset, type PreparedDataset } from './prepare';
import { resolveThresholdsM } from './thresholds';
import { snapLegRows } from './snap-legs';
import { categoryAccessKey, withProposals } from './proposals';
import type { AccessAnalysisResult, AccessRequest, AnalysisInputs, CategoryResult, IsochroneLayers, UnitsSummary } from './types';

export interface AccessAnalysisRun {
  /** Owns every one of its typed arrays (copies where the dataset keeps the original), so it can be transferred. */
  readonly result: AccessAnalysisResult;
  /** What the rules evaluator reads (src/core/rules RuleInputs): the tables and the per-category access. */
  readonly tables: { homes: HomeTable; facilities: FacilityTable; access: readonly CategoryAccess[]; units: UnitTables };
  /** The path behind result.categories[..].walkingM[homeIdx]; null when unreachable or unknown category. */
  explain(homeIdx: number, category: string): ExplainedPath | null;
}

/** Stage keys in order, with the share of the progress bar each one covers. */
const STAGES = [
  ['progress.network', 0.25],
  ['progress.snap', 0.1],
  ['progress.paths', 0.25],
  ['progress.isochrones', 0.3],
  ['progress.coverage', 0.1],
] as const;
export type StageKey = (typeof STAGES)[number][0];

const isPrepared = (x: AnalysisInputs | PreparedDataset): x is PreparedDataset => typeof (x as PreparedDataset).tables === 'function';

/** Runs to the end on the calling thread (CLI, tests, benchmarks). */
export function runAccessAnalysis(
  inputs: AnalysisInputs | PreparedDataset,
  request: AccessRequest,
  onProgress?: ProgressFn,
  cancel?: CancelToken,
): AccessAnalysisRun {
  const steps = analysisSteps(inputs, request, onProgress, cancel);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Work between two turns of a yielding run, at most (a step longer than this still runs to its end). */
export const TURN_EVERY_MS = 8;

/**
 * The same run, giving the event loop a turn between stages and categories so that a worker can receive
 * cancel(jobId) while it computes: at the first step, then at the first step after TURN_EVERY_MS of work.
 * Each turn is a timer, which on a loaded machine may come back many milliseconds late: a what-if edit,
 * whose steps take a few milliseconds each, gets one or two turns instead of one per stage and category.
 */
export async function runAccessAnalysisYielding(
  inputs: AnalysisInputs | PreparedDataset,
  request: AccessRequest,
  onProgress?: ProgressFn,
  cancel?: CancelToken,
): Promise<AccessAnalysisRun> {
  const steps = analysisSteps(inputs, request, onProgress, cancel);
  let lastTurn = Number.NEGATIVE_INFINITY;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - lastTurn < TURN_EVERY_MS) continue;
    await new Promise((resolve) => setTimeout(resolve, 0));
    cancel?.check();
    lastTurn = performance.now();
  }
}

/** The pipeline as a generator: each `yield` is a point where a caller may hand the thread back. */
function* analysisSteps(
  inputs: AnalysisInputs | PreparedDataset,
  request: AccessRequest,
  onProgress?: ProgressFn,
  cancel?: CancelToken,
): Generator<void, AccessAnalysisRun> {
  const data = isPrepared(inputs) ? inputs : prepareDataset(inputs);
  const jobId = request.jobId ?? '';
  const timingsMs: Record<string, number> = {};
  let done = 0;
  let stageStart = 0;
  let stageShare = 0;
  let stageT0 = 0;
  const begin = (idx: number): void => {
    cancel?.check();
    if (idx > 0) timingsMs[STAGES[idx - 1][0]] = performance.now() - stageT0;
    stageT0 = performance.now();
    stageStart = done = STAGES.slice(0, idx).reduce((s, st) => s + st[1], 0);
    stageShare = STAGES[idx][1];
    onProgress?.({ jobId, stage: STAGES[idx][0], fraction: done });
  };
  const within = (stage: number, part: number): void => {
    cancel?.check();
    onProgress?.({ jobId, stage: STAGES[stage][0], fraction: stageStart + stageShare * part });
  };

  begin(0);
  const tablesT0 = performance.now();
  const base = data.tables();
  const homes = base.homes;
  timingsMs['tables'] = performance.now() - tablesT0;
  const net = data.network(request.walkability, request.islandMaxM, cancel);

  yield;
  begin(1);
  const maxSnapM = request.maxSnapM ?? DEFAULT_MAX_SNAP_M;
  const baseSnap = data.snaps(net, maxSnapM);
  const { facilities, facilitySnap, units } = withProposals(
    base, baseSnap.facilities, request.proposals, net, maxSnapM, (level, lng, lat) => data.locateUnits(level, lng, lat),
  );
  const snap = { homes: baseSnap.homes, facilities: facilitySnap };
  // Categories whose facilities and cutoff are as in the previous run reuse its shortest paths; the paths
  // of each category without proposals are kept too, for the next run that changes its proposals.
  const cached = data.accessCache?.snaps === baseSnap ? data.accessCache.entries : new Map<string, CategoryAccessResult>();
  const used = new Map<string, CategoryAccessResult>();

  yield;
  begin(2);
  const thresholdsM = resolveThresholdsM(request.thresholds, request.speedsMps);
  const accesses: CategoryAccessResult[] = [];
  const categories: CategoryResult[] = [];
  const baseCount = base.facilities.ids.length;
  for (let c = 0; c < request.categories.length; c++) {
    const category = request.categories[c];
    const idx: number[] = [];
    for (let f = 0; f < facilities.category.length; f++) if (facilities.category[f] === category) idx.push(f);
    const key = categoryAccessKey(category, request.cutoffM, facilities);
    const opts = { category, cutoffM: request.cutoffM };
    let acc = cached.get(key);
    const searched = !acc;
    // Proposals of the category come after every dataset facility: the access without them (held, or
    // computed once and then held) plus a search from the proposals alone (a what-if edit's answer).
    const own = idx.filter((f) => f >= baseCount);
    if (own.length > 0) {
      const baseKey = categoryAccessKey(category, request.cutoffM, base.facilities);
      let without = cached.get(baseKey);
      if (!acc) {
        without ??= computeCategoryAccess(net, snap.homes, snap.facilities, Int32Array.from(idx.filter((f) => f < baseCount)), opts, cancel);
        acc = extendCategoryAccess(net, snap.homes, snap.facilities, without, Int32Array.from(own), opts, cancel);
      }
      if (without) used.set(baseKey, without);
    }
    acc ??= computeCategoryAccess(net, snap.homes, snap.facilities, Int32Array.from(idx), opts, cancel);
    used.set(key, acc);
    accesses.push(acc);
    within(2, (c + 1) / request.categories.length);
    let unreachable = 0;
    for (let h = 0; h < acc.walkingM.length; h++) if (acc.walkingM[h] === Infinity) unreachable++;
    categories.push({
      category, walkingM: acc.walkingM.slice(), networkM: acc.networkM.slice(), nearestFacility: acc.nearestFacility.slice(),
      facilityCount: idx.length, unreachableHomes: unreachable,
    });
    // A turn for cancel(jobId) after a search; a category reused from the previous run took no time.
    if (searched) yield;
  }

  data.accessCache = { snaps: baseSnap, entries: used };

  begin(3);
  const mode = request.isochrones ?? 'segments';
  const iso: IsochroneLayers[] = [];
  if (mode !== 'none') {
    for (let c = 0; c < accesses.length; c++) {
      const acc = accesses[c];
      const pieces = isochronePieces(net, acc, thresholdsM);
      const areas = mode === 'areas' ? drawIsochrones(net, acc, homes, [...thresholdsM], {}, cancel).areas : { type: 'FeatureCollection' as const, features: [] };
      iso.push({ category: acc.category, pieceCoords: pieces.coords, pieceThreshold: pieces.threshold, areas });
      within(3, (c + 1) / accesses.length);
      yield;
    }
  }

  begin(4);
  const unitList: UnitsSummary[] = [];
  const coverage = UNIT_LEVELS.flatMap((level) => {
    const u = units[level];
    if (!u) return [];
    unitList.push({ level, ids: u.ids, names: u.names, namesZh: u.namesZh, parentIdx: u.parentIdx.slice(), homeUnit: u.homeUnit.slice(), facilityUnit: u.facilityUnit.slice() });
    return [computeLevelCoverage(homes, u, accesses, [...thresholdsM], cancel, data.coverageCache)];
  });
  timingsMs[STAGES[4][0]] = performance.now() - stageT0;
  onProgress?.({ jobId, stage: STAGES[4][0], fraction: 1 });

  let notConnectedHomes = 0;
  for (const s of snap.homes.segment) if (s < 0) notConnectedHomes++;
  let notConnectedFacilities = 0;
  for (const s of snap.facilities.segment) if (s < 0) notConnectedFacilities++;

  const result: AccessAnalysisResult = {
    runId: '',
    homeCount: homes.ids.length,
    facilityCount: facilities.ids.length,
    facilityIds: facilities.ids,
    facilityCategory: facilities.category,
    homeLng: homes.lng.slice(),
    homeLat: homes.lat.slice(),
    homeFeatureIdx: homes.featureIdx.slice(),
    facilityLng: facilities.lng.slice(),
    facilityLat: facilities.lat.slice(),
    homeSnapM: snap.homes.snapM.slice(),
    facilitySnapM: snap.facilities.snapM.slice(),
    snapLegs: snapLegRows(homes, snap.homes, facilities, snap.facilities),
    notConnectedHomes,
    notConnectedFacilities,
    categories,
    thresholdsM,
    isochrones: iso,
    units: unitList,
    coverage,
    skipped: {
      homesNoGeometry: homes.skippedNoGeometry,
      facilitiesNoGeometry: facilities.skippedNoGeometry,
      facilitiesNoCategory: facilities.skippedNoCategory,
    },
    network: { nodes: net.nodeCount, segments: net.segmentCount },
    timingsMs,
  };
  return {
    result,
    tables: { homes, facilities, access: accesses, units },
    explain(homeIdx, category) {
      const acc = accesses.find((a) => a.category === category);
      if (!acc || homeIdx < 0 || homeIdx >= homes.ids.length) return null;
      return explainPath(net, snap.homes, snap.facilities, homeIdx, acc, homes, facilities);
    },
  };
}
