/** Derived reads. Pure functions of the state; components pick what they need. */
import type { AccessAnalysisResult } from '../core/analysis';
import { levelUnitShares, type UnitShare } from '../core/coverage';
import type { AgeBand, ProjectLayer, UnitLevel } from '../core/model';
import type { AppState, JobState, Language, LayerData } from './types';

export const layerById = (s: AppState, id: string): ProjectLayer | undefined => s.doc.layers.find((l) => l.id === id);

export const layerDisplayName = (layer: ProjectLayer, data: LayerData | undefined, lang: Language): string =>
  data?.names?.[lang] ?? layer.name;

/** A job of the jobs slice by id (the analysis's or the rule check's), null when none runs. */
export const jobById = (s: Pick<AppState, 'jobs'>, id: string | null): JobState | null => (id ? s.jobs[id] ?? null : null);
export const analysisJob = (s: AppState): JobState | null => jobById(s, s.analysis.jobId);

export const canUndo = (s: AppState): boolean => s.history.past.length > 0;
export const canRedo = (s: AppState): boolean => s.history.future.length > 0;

/** The feature the user selected, if its layer and index still exist. */
export function selectedFeature(s: AppState) {
  const sel = s.selection;
  if (!sel) return undefined;
  const layer = layerById(s, sel.layerId);
  const feature = s.layerData[sel.layerId]?.data.features[sel.featureIndex];
  return layer && feature ? { layer, feature, index: sel.featureIndex } : undefined;
}

const sharesMemo = new WeakMap<AccessAnalysisResult, Map<string, UnitShare[] | null>>();

/**
 * Per unit of `level`, the share of children of `band` within thresholdsM[thresholdIdx] of `category`
 * (levelUnitShares in the core), once per result and choice: the map's unit colours and the coverage
 * table read the same array. Null when the result lacks the level, category or threshold.
 */
export function unitShares(
  result: AccessAnalysisResult, level: UnitLevel, category: string, thresholdIdx: number, band: AgeBand | 'all',
): UnitShare[] | null {
  const key = `${level}|${category}|${thresholdIdx}|${band}`;
  let byKey = sharesMemo.get(result);
  if (!byKey) sharesMemo.set(result, (byKey = new Map()));
  if (!byKey.has(key)) {
    const cov = result.coverage.find((c) => c.level === level);
    const units = result.units.find((u) => u.level === level);
    byKey.set(key, cov && units ? levelUnitShares(cov, units, category, thresholdIdx, band) : null);
  }
  return byKey.get(key)!;
}
export type { UnitShare } from '../core/coverage';
