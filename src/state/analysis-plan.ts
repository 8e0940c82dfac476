/**
 * Which layers an analysis will use, by role: the one place that decides it, so the Access panel can
 * name them, the analysis and the rules check send exactly them, and both refuse the same mixes.
 *
 * A demo layer (the synthetic city) used together with real layers gives numbers about neither city,
 * so such a mix is refused unless the user explicitly allows it (`analysis.allowDemoMix`).
 */
import type { FeatureCollection } from 'geojson';
import { featureId, isUnitLevel, readFacility, UNIT_LEVELS, type ProjectLayer, type UnitLevel } from '../core/model';
import type { AnalysisInputs } from '../protocol/analysis-api';
import type { AppState, LayerData } from './types';

export interface AnalysisPlan {
  /** Every streets layer (merged into one network). */
  readonly streets: readonly ProjectLayer[];
  /** The first homes layer in draw order. */
  readonly homes: ProjectLayer | null;
  /** Every facilities layer, with the categories it provides (its own, or its features'). */
  readonly facilities: readonly { readonly layer: ProjectLayer; readonly categories: readonly string[] }[];
  /** The first layer of each unit level. */
  readonly units: Readonly<Partial<Record<UnitLevel, ProjectLayer>>>;
  /** The first crossings layer (safe routes read its control; optional). */
  readonly crossings: ProjectLayer | null;
  /** Roles without a layer that the analysis needs. */
  readonly missing: readonly ('streets' | 'homes' | 'facilities')[];
  /** The layers used, in the order above. */
  readonly used: readonly ProjectLayer[];
  /** Some used layers are demo layers and some are not. */
  readonly mixesDemo: boolean;
}

const isDemo = (l: ProjectLayer) => l.source.kind === 'demo';

const categoriesMemo = new WeakMap<FeatureCollection, Map<string, readonly string[]>>();
function layerCategories(l: ProjectLayer, fc: FeatureCollection): readonly string[] {
  if (l.category) return [l.category];
  let m = categoriesMemo.get(fc);
  if (!m) categoriesMemo.set(fc, (m = new Map()));
  const hit = m.get('');
  if (hit) return hit;
  const found = new Set<string>();
  for (const f of fc.features) {
    const c = readFacility(f.properties, undefined).category;
    if (c) found.add(c);
  }
  const value = [...found].sort();
  m.set('', value);
  return value;
}

let memo: { layers: readonly ProjectLayer[]; data: Readonly<Record<string, LayerData>>; plan: AnalysisPlan } | null = null;

/** The plan for these layers (memoised on the layer list and data, so selectors may call it freely). */
export function analysisPlan(s: Pick<AppState, 'doc' | 'layerData'>): AnalysisPlan {
  const layers = s.doc.layers;
  const data = s.layerData;
  if (memo && memo.layers === layers && memo.data === data) return memo.plan;
  const withData = layers.filter((l) => data[l.id]);
  const streets = withData.filter((l) => l.role === 'streets');
  const homes = withData.find((l) => l.role === 'homes') ?? null;
  const crossings = withData.find((l) => l.role === 'crossings') ?? null;
  const facilities = withData.filter((l) => l.role === 'facilities').map((layer) => ({ layer, categories: layerCategories(layer, data[layer.id]!.data) }));
  const units: Partial<Record<UnitLevel, ProjectLayer>> = {};
  for (const l of withData) if (isUnitLevel(l.role) && !units[l.role]) units[l.role] = l;
  const missing = [
    ...(streets.length ? [] : ['streets' as const]),
    ...(homes ? [] : ['homes' as const]),
    ...(facilities.length ? [] : ['facilities' as const]),
  ];
  const used = [...streets, ...(homes ? [homes] : []), ...facilities.map((f) => f.layer), ...UNIT_LEVELS.flatMap((u) => (units[u] ? [units[u]] : [])),
    ...(crossings ? [crossings] : [])];
  const mixesDemo = used.some(isDemo) && used.some((l) => !isDemo(l));
  const plan: AnalysisPlan = { streets, homes, facilities, units, crossings, missing, used, mixesDemo };
  memo = { layers, data, plan };
  return plan;
}

/** True when the plan mixes demo and real layers and the user has not allowed it: nothing may run. */
export const demoMixBlocked = (s: Pick<AppState, 'doc' | 'layerData' | 'analysis'>): boolean =>
  analysisPlan(s).mixesDemo && !s.analysis.allowDemoMix;

export interface BuiltInputs {
  readonly inputs: AnalysisInputs;
  readonly refs: {
    readonly homesLayerId: string;
    /** The streets layers in the order the worker's streets collection joins them (its way order). */
    readonly streetLayerIds: readonly string[];
    readonly facilities: ReadonlyMap<string, { readonly layerId: string; readonly featureIndex: number }>;
    readonly unitLayerIds: Readonly<Partial<Record<UnitLevel, string>>>;
  };
}

/** The worker's inputs for a complete plan (null when a role is missing). */
export function buildInputs(plan: AnalysisPlan, data: Readonly<Record<string, LayerData>>): BuiltInputs | null {
  const { streets, homes } = plan;
  if (plan.missing.length || !homes) return null;
  // One streets layer is passed as is (no copy); several are merged into one collection.
  const streetFc: FeatureCollection = streets.length === 1
    ? data[streets[0]!.id]!.data
    : { type: 'FeatureCollection', features: streets.flatMap((l) => data[l.id]!.data.features) };
  const facilities = new Map<string, { layerId: string; featureIndex: number }>();
  for (const { layer } of plan.facilities) {
    data[layer.id]!.data.features.forEach((f, i) => {
      const id = featureId(f.properties, i, f.id);
      if (!facilities.has(id)) facilities.set(id, { layerId: layer.id, featureIndex: i });
    });
  }
  const units: Partial<Record<UnitLevel, FeatureCollection>> = {};
  const unitLayerIds: Partial<Record<UnitLevel, string>> = {};
  for (const [level, l] of Object.entries(plan.units) as [UnitLevel, ProjectLayer][]) {
    units[level] = data[l.id]!.data;
    unitLayerIds[level] = l.id;
  }
  const children = homes.fieldMapping?.children;
  return {
    inputs: {
      streets: streetFc,
      homes: data[homes.id]!.data,
      ...(children ? { homeFieldMapping: { children } } : {}),
      facilities: plan.facilities.map(({ layer }) => ({ fc: data[layer.id]!.data, ...(layer.category ? { category: layer.category } : {}) })),
      units,
      ...(plan.crossings ? { crossings: data[plan.crossings.id]!.data } : {}),
    },
    refs: { homesLayerId: homes.id, streetLayerIds: streets.map((l) => l.id), facilities, unitLayerIds },
  };
}
