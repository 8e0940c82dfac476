/**
 * Site suggestions against a dataset's latest run: which k new facilities of a category would bring the
 * most children of a band within a threshold (the failing rule's numbers), from network points inside a
 * unit or from a candidate layer. Errors are codes (SITING_ERRORS) thrown as CodedError.
 */
import { DEFAULT_MAX_SNAP_M, snapPoints } from '../network';
import { UNIT_LEVELS, type UnitLevel } from '../model';
import type { CancelToken, ProgressFn } from '../jobs';
import type { AgeBandSpec, RuleSet } from '../rules';
import {
  networkCoverage, networkPoints, selectPoints, suggestSites, thinByGrid, uncoveredWeightFromAccess, DEFAULT_MAX_CANDIDATES,
} from '../siting';
import type { PreparedDataset } from './prepare';
import type { AccessAnalysisRun } from './run';
import type { AccessRequest } from './types';

export interface SiteRequest {
  /** A share_within or worst_distance rule of the rule set last evaluated on the dataset: its category, distance and band. */
  readonly ruleId?: string;
  /** Without ruleId: the category, the distance (m) and the age band(s) to serve. */
  readonly category?: string;
  readonly thresholdM?: number;
  readonly ageBand?: AgeBandSpec;
  /** Serve only this unit's children (and, for 'network', place candidates inside it); level defaults to the rule's scale. */
  readonly unitLevel?: UnitLevel;
  readonly unitId?: string;
  readonly k: number;
  /** 'network': street vertices and segment midpoints (inside the unit), grid-thinned; or a candidate layer's points. */
  readonly candidates: 'network' | readonly { readonly lng: number; readonly lat: number }[];
  /** Most network candidates kept (default 300). */
  readonly maxCandidates?: number;
}

export interface SuggestedSite {
  /** The candidate's location (what to add as a proposal). */
  readonly lng: number;
  readonly lat: number;
  /** Index into the candidate list (the layer's order, or the thinned network points). */
  readonly candidate: number;
  /** Children of the band newly within the threshold with this site (after the ones before it). */
  readonly gain: number;
  readonly cumulative: number;
  /** The site's snap leg in metres. */
  readonly snapM: number;
}

export interface SiteSuggestions {
  readonly sites: readonly SuggestedSite[];
  readonly category: string;
  readonly thresholdM: number;
  readonly ageBand: AgeBandSpec;
  readonly candidateCount: number;
  /** Children of the band beyond the threshold before any site (in the unit, when one is given). */
  readonly uncoveredBefore: number;
}

export const SITING_ERRORS = {
  noRuleSet: 'siting.no-rule-set',
  unknownRule: 'siting.unknown-rule',
  ruleNotDistance: 'siting.rule-not-distance',
  badRequest: 'siting.bad-request',
  unknownUnit: 'siting.unknown-unit',
  categoryNotRun: 'siting.category-not-run',
  cutoffBelowThreshold: 'siting.cutoff-below-threshold',
} as const;

export class CodedError extends Error {
  constructor(readonly code: string, readonly params: Readonly<Record<string, string | number>> = {}) {
    super(code);
  }
}

function target(req: SiteRequest, ruleSet: RuleSet | undefined): { category: string; thresholdM: number; ageBand: AgeBandSpec; scale?: UnitLevel } {
  if (req.ruleId !== undefined) {
    if (!ruleSet) throw new CodedError(SITING_ERRORS.noRuleSet);
    const rule = ruleSet.rules.find((r) => r.id === req.ruleId);
    if (!rule) throw new CodedError(SITING_ERRORS.unknownRule, { ruleId: req.ruleId });
    const m = rule.metric;
    if (m.kind === 'share_within') return { category: m.category, thresholdM: m.threshold_m, ageBand: m.age_band, scale: rule.scale };
    if (m.kind === 'worst_distance') return { category: m.category, thresholdM: rule.target, ageBand: m.age_band, scale: rule.scale };
    throw new CodedError(SITING_ERRORS.ruleNotDistance, { ruleId: rule.id, metric: m.kind });
  }
  if (!req.category || !(req.thresholdM! > 0) || req.ageBand === undefined) throw new CodedError(SITING_ERRORS.badRequest);
  return { category: req.category, thresholdM: req.thresholdM!, ageBand: req.ageBand };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function suggestSitesForRun(
  data: PreparedDataset,
  last: AccessAnalysisRun,
  lastRequest: AccessRequest,
  ruleSet: RuleSet | undefined,
  req: SiteRequest,
  jobId: string,
  onProgress?: ProgressFn,
  cancel?: CancelToken,
): Promise<SiteSuggestions> {
  const { category, thresholdM, ageBand, scale } = target(req, ruleSet);
  const access = last.tables.access.find((a) => a.category === category);
  if (!access) throw new CodedError(SITING_ERRORS.categoryNotRun, { category });
  if (lastRequest.cutoffM !== undefined && lastRequest.cutoffM < thresholdM) {
    throw new CodedError(SITING_ERRORS.cutoffBelowThreshold, { cutoffM: lastRequest.cutoffM, thresholdM });
  }
  const { homes } = last.tables;
  let unit: { level: UnitLevel; idx: number } | undefined;
  if (req.unitId !== undefined) {
    const level = req.unitLevel ?? scale;
    const idx = level && UNIT_LEVELS.includes(level) ? last.tables.units[level]?.ids.indexOf(req.unitId) ?? -1 : -1;
    if (!level || idx < 0) throw new CodedError(SITING_ERRORS.unknownUnit, { unitId: req.unitId, level: level ?? '' });
    unit = { level, idx };
  }
  const mask = unit ? Uint8Array.from(last.tables.units[unit.level]!.homeUnit, (u) => (u === unit!.idx ? 1 : 0)) : undefined;
  const weight = uncoveredWeightFromAccess(homes, access, ageBand, thresholdM, mask);
  const considered: number[] = [];
  let uncoveredBefore = 0;
  weight.forEach((w, h) => { if (w > 0) { considered.push(h); uncoveredBefore += w; } });
  const consideredHomes = Int32Array.from(considered);

  const net = data.network(lastRequest.walkability, lastRequest.islandMaxM, cancel);
  const maxSnapM = lastRequest.maxSnapM ?? DEFAULT_MAX_SNAP_M;
  const homeSnap = data.snaps(net, maxSnapM).homes;
  let points;
  if (req.candidates === 'network') {
    let all = networkPoints(net);
    if (unit) all = selectPoints(all, data.locateUnits(unit.level, all.lng, all.lat), (u) => u === unit!.idx);
    points = thinByGrid(all, req.maxCandidates ?? DEFAULT_MAX_CANDIDATES);
  } else {
    points = { lng: Float64Array.from(req.candidates, (p) => p.lng), lat: Float64Array.from(req.candidates, (p) => p.lat) };
  }
  const candSnap = snapPoints(net, points.lng, points.lat, { maxSnapM });
  const n = points.lng.length;
  const cover: Int32Array[] = [];
  for (let c = 0; c < n; c++) {
    cover.push(consideredHomes.length ? networkCoverage(net, homeSnap, consideredHomes, candSnap, c, thresholdM, cancel) : new Int32Array(0));
    // Hand the thread back now and then so cancel(jobId) can reach a busy worker.
    if (c % 16 === 15) {
      onProgress?.({ jobId, stage: 'progress.siting', fraction: (c + 1) / n });
      await tick();
      cancel?.check();
    }
  }
  const picks = suggestSites({ uncoveredWeight: weight, candidates: n, coverageOf: (c) => cover[c], k: req.k, cancel });
  onProgress?.({ jobId, stage: 'progress.siting', fraction: 1 });
  return {
    sites: picks.map((p) => ({
      lng: points.lng[p.candidate], lat: points.lat[p.candidate], candidate: p.candidate, gain: p.gain, cumulative: p.cumulative,
      snapM: candSnap.snapM[p.candidate],
    })),
    category, thresholdM, ageBand, candidateCount: n, uncoveredBefore,
  };
}
