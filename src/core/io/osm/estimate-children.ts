/**
 * Dasymetric child estimate for homes without counts (any homes layer, not only OSM):
 *   population = footprint (m²) × storeys × (1 / floor area per person)
 *   children of a band = population × the band's share of the population.
 * Every home it touches gets `children_estimated: true`, `population` and `levels`; homes that already
 * carry child counts are left alone.
 */
import { area } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { AGE_BANDS, AGE_BAND_FIELD, numberProp, type AgeBand } from '../../model';

export interface ChildEstimateConfig {
  /** Storeys when neither `levels` nor `building:levels` is given. */
  readonly defaultLevels: number;
  /** Gross residential floor area per resident, m². */
  readonly floorAreaPerPersonM2: number;
  /** Footprint assumed for homes given as points, m². */
  readonly pointFootprintM2: number;
  /** Share of all residents in each age band (0..1). */
  readonly childShare: Readonly<Record<AgeBand, number>>;
}

/*
 * Sources of the defaults:
 * - floorAreaPerPersonM2 = 36.5: China's 7th population census (2020) gives 36.52 m² of housing floor area per
 *   person in cities (城市家庭户人均住房建筑面积; towns 42.29, rural 46.80).
 * - childShare: the census communiqué (NBS, 11 May 2021) gives ages 0–14 = 17.95 % of the population; the
 *   census tables give ages 15–19 ≈ 5.1 %. Spreading each group evenly over its single years is OURS:
 *   0–14 → 1.197 % a year, 15–19 → 1.03 % a year, so 0–3 = 4 × 1.197, 4–6 = 3 × 1.197, 7–12 = 6 × 1.197,
 *   13–18 = 2 × 1.197 + 4 × 1.03. Real cohorts differ (births fell from 17.9 M in 2016 to 12.0 M in 2020).
 * - defaultLevels = 3 and pointFootprintM2 = 100 are OURS: untagged OSM buildings are mostly low-rise houses in
 *   European extracts; for Chinese cities with high-rise housing set defaultLevels to 6 or more.
 * Footprint × storeys as gross floor area is ours too (it ignores roofs, basements, shops on the ground floor).
 */
export const DEFAULT_CHILD_ESTIMATE: ChildEstimateConfig = {
  defaultLevels: 3,
  floorAreaPerPersonM2: 36.5,
  pointFootprintM2: 100,
  childShare: { '0-3': 0.0479, '4-6': 0.0359, '7-12': 0.0718, '13-18': 0.0651 },
};

const round2 = (n: number) => Math.round(n * 100) / 100;

function hasCounts(p: Record<string, unknown>): boolean {
  return AGE_BANDS.some((b) => numberProp(p, AGE_BAND_FIELD[b]) !== undefined);
}

/** One home's estimate, or the feature unchanged when it already has counts. */
export function estimateHome(f: Feature, cfg: ChildEstimateConfig = DEFAULT_CHILD_ESTIMATE): Feature {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  if (hasCounts(p) || !f.geometry) return f;
  const g = f.geometry;
  const footprint = g.type === 'Polygon' || g.type === 'MultiPolygon' ? area(g) : cfg.pointFootprintM2;
  const tagged = numberProp(p, 'levels') ?? numberProp(p, 'building:levels');
  const levels = tagged !== undefined && tagged > 0 ? tagged : cfg.defaultLevels;
  const population = (footprint * levels) / cfg.floorAreaPerPersonM2;
  const props: Record<string, unknown> = { ...p, levels, population: round2(population), children_estimated: true };
  for (const b of AGE_BANDS) props[AGE_BAND_FIELD[b]] = round2(population * cfg.childShare[b]);
  return { ...f, properties: props };
}

export function estimateChildren(fc: FeatureCollection, config: Partial<ChildEstimateConfig> = {}): FeatureCollection {
  const cfg = { ...DEFAULT_CHILD_ESTIMATE, ...config };
  return { ...fc, features: fc.features.map((f) => estimateHome(f, cfg)) };
}
