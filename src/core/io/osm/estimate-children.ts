/**
 * Dasymetric child estimate for homes without counts (any homes layer, not only OSM):
 *   population = footprint (m²) × storeys × (1 / gross floor area per person)
 *   children of a band = population × the band's share of the population.
 * Every home it touches gets `children_estimated: true`, `population` and `levels`; homes that already
 * carry child counts are left alone. known-population.ts scales the result to a known total.
 */
import { area, bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { AGE_BANDS, AGE_BAND_FIELD, numberProp, type AgeBand } from '../../model';

/** Regional defaults for storeys and floor area; 'auto' picks one by where the homes are. */
export type EstimatePreset = 'CN' | 'DE';

export interface ChildEstimateConfig {
  /** 'auto' or a preset: `defaultLevels` and `floorAreaPerPersonM2` come from it. Absent: the numbers below. */
  readonly preset?: 'auto' | EstimatePreset;
  /** Storeys when neither `levels` nor `building:levels` is given. */
  readonly defaultLevels: number;
  /** Gross residential floor area per resident, m². */
  readonly floorAreaPerPersonM2: number;
  /** Footprint assumed for homes given as points, m². */
  readonly pointFootprintM2: number;
  /** Share of all residents in each age band (0..1). */
  readonly childShare: Readonly<Record<AgeBand, number>>;
  /** Residents of the whole import, when known: estimates are scaled to it (known-population.ts). */
  readonly knownPopulation?: number;
  /** Use `population` tags of admin boundaries as known populations per unit (default true). */
  readonly boundaryPopulation?: boolean;
}

/*
 * Sources of the defaults:
 * - CN floorAreaPerPersonM2 = 36.5: China's 7th population census (2020) gives 36.52 m² of housing floor area
 *   (建筑面积, gross) per person in cities (城市家庭户人均住房建筑面积; towns 42.29, rural 46.80).
 * - DE floorAreaPerPersonM2 = 59: Destatis gives 47.4 m² of living area (Wohnfläche) per person in Germany
 *   (2022); living area is about 0.8 of gross floor area (DIN 277 ratio for housing, OURS as a round figure),
 *   so 47.4 / 0.8 ≈ 59 m² gross.
 * - defaultLevels: CN 3, DE 2 are OURS: untagged buildings in European extracts are mostly one- or two-storey
 *   houses (Limburg's tagged homes: 2 storeys is the most common value); in Chinese cities set 6 or more
 *   where high-rise housing dominates and levels are not tagged.
 * - childShare: the census communiqué (NBS, 11 May 2021) gives ages 0–14 = 17.95 % of the population; the
 *   census tables give ages 15–19 ≈ 5.1 %. Spreading each group evenly over its single years is OURS:
 *   0–14 → 1.197 % a year, 15–19 → 1.03 % a year, so 0–3 = 4 × 1.197, 4–6 = 3 × 1.197, 7–12 = 6 × 1.197,
 *   13–18 = 2 × 1.197 + 4 × 1.03. Real cohorts differ (births fell from 17.9 M in 2016 to 12.0 M in 2020).
 * - pointFootprintM2 = 100 is OURS.
 * Footprint × storeys as gross floor area is ours too (it ignores roofs, basements, shops on the ground floor).
 * 'auto' takes CN inside China's bounding box (73.5–135 °E, 18–53.6 °N) and DE elsewhere; the box also
 * covers Mongolia and Korea, and DE stands in for every other country. A known population beats both.
 */
export const ESTIMATE_PRESETS: Readonly<Record<EstimatePreset, Pick<ChildEstimateConfig, 'defaultLevels' | 'floorAreaPerPersonM2'>>> = {
  CN: { defaultLevels: 3, floorAreaPerPersonM2: 36.5 },
  DE: { defaultLevels: 2, floorAreaPerPersonM2: 59 },
};

export const DEFAULT_CHILD_ESTIMATE: ChildEstimateConfig = {
  preset: 'auto',
  ...ESTIMATE_PRESETS.CN,
  pointFootprintM2: 100,
  childShare: { '0-3': 0.0479, '4-6': 0.0359, '7-12': 0.0718, '13-18': 0.0651 },
};

/** The preset 'auto' chooses for a place (lng, lat). */
export const presetFor = (lng: number, lat: number): EstimatePreset => (lng >= 73.5 && lng <= 135 && lat >= 18 && lat <= 53.6 ? 'CN' : 'DE');

/** The config with a preset's numbers filled in; `at` is the homes' centre, needed for 'auto'. */
export function resolveEstimate(cfg: ChildEstimateConfig, at?: readonly [number, number]): ChildEstimateConfig & { preset?: EstimatePreset } {
  if (!cfg.preset) return { ...cfg, preset: undefined };
  const preset = cfg.preset === 'auto' ? (at ? presetFor(at[0], at[1]) : 'CN') : cfg.preset;
  return { ...cfg, ...ESTIMATE_PRESETS[preset], preset };
}

/** Centre of a collection's bounding box, or undefined when empty. */
export function centreOf(fc: FeatureCollection): [number, number] | undefined {
  if (!fc.features.some((f) => f.geometry)) return undefined;
  const [x0, y0, x1, y1] = turfBbox(fc);
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function hasCounts(p: Record<string, unknown>): boolean {
  return AGE_BANDS.some((b) => numberProp(p, AGE_BAND_FIELD[b]) !== undefined);
}

/** One home's estimate, or the feature unchanged when it already has counts. `cfg` is a resolved config. */
export function estimateHome(f: Feature, cfg: ChildEstimateConfig = resolveEstimate(DEFAULT_CHILD_ESTIMATE)): Feature {
  const props: Record<string, unknown> = { ...(f.properties ?? {}) };
  return estimateInto(props, f.geometry, cfg) ? { ...f, properties: props } : f;
}

/**
 * estimateHome on the properties themselves (the importer's own, new objects: no copy per home). Adds the
 * same fields in the same order; false (and `props` untouched) when the home has counts or no geometry.
 */
export function estimateInto(props: Record<string, unknown>, g: Geometry | null, cfg: ChildEstimateConfig): boolean {
  if (hasCounts(props) || !g) return false;
  const footprint = g.type === 'Polygon' || g.type === 'MultiPolygon' ? area(g) : cfg.pointFootprintM2;
  const tagged = numberProp(props, 'levels') ?? numberProp(props, 'building:levels');
  const levels = tagged !== undefined && tagged > 0 ? tagged : cfg.defaultLevels;
  const population = (footprint * levels) / cfg.floorAreaPerPersonM2;
  props['levels'] = levels;
  props['population'] = round2(population);
  props['children_estimated'] = true;
  for (const b of AGE_BANDS) props[AGE_BAND_FIELD[b]] = round2(population * cfg.childShare[b]);
  return true;
}

/** Defaults overridden by `config`; numbers given without a preset are used as given (no preset). */
export function mergeEstimate(config: Partial<ChildEstimateConfig> = {}): ChildEstimateConfig {
  const numbers = config.defaultLevels !== undefined || config.floorAreaPerPersonM2 !== undefined;
  return { ...DEFAULT_CHILD_ESTIMATE, ...config, preset: config.preset ?? (numbers ? undefined : DEFAULT_CHILD_ESTIMATE.preset) };
}

export function estimateChildren(fc: FeatureCollection, config: Partial<ChildEstimateConfig> = {}): FeatureCollection {
  const cfg = resolveEstimate(mergeEstimate(config), centreOf(fc));
  return { ...fc, features: fc.features.map((f) => estimateHome(f, cfg)) };
}
