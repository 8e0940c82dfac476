/**
 * The demo city generator: seed + population → GeoJSON layers and a manifest. Pure and deterministic
 * (no clock, no Math.random, fixed coordinate rounding), so the same options give the same bytes.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerRole } from '../model';
import { Crossings, junctionCrossings } from './crossings';
import { layoutFacilities } from './facilities';
import { Grid, gridSpecFor, round7 } from './grid';
import { layoutHomes } from './homes';
import { CITY_NAME, type BiName } from './names';
import { classifyEdges } from './network';
import { makePlan, type Plan } from './plan';
import { Rng } from './random';
import { buildUnits } from './units';
import { buildWays } from './ways';

export const DEFAULT_SEED = 20260601;
export const DEFAULT_PEOPLE = 300_000;
/** The committed demo's size; larger runs refine homes and line vertices (see detailFor). */
export const DEMO_PEOPLE = 300_000;

export interface DemoOptions {
  readonly seed?: number;
  readonly people?: number;
  /**
   * `shenzhen`: Shenzhen's administrative shape at its size (about 17.7 M people, 10 districts, 74 streets,
   * 660 communities; homes as points), for the scale benchmarks and browser test. Never committed.
   */
  readonly profile?: 'demo' | 'shenzhen';
}

/** Shenzhen (深圳): 10 districts, 74 streets (街道), about 670 communities (社区), 17.7 M people. */
export const SHENZHEN = {
  people: 17_700_000,
  /** Community grid: 30 × 22 = 660 cells; 3 columns a district gives the 10 districts. */
  nx: 30,
  ny: 22,
  /** Streets per district, 74 in all. */
  streetsPerDistrict: [8, 8, 8, 8, 7, 7, 7, 7, 7, 7],
  /** Gross density as in the demo: 15,000 people per km². */
  peoplePerKm2: 15_000,
} as const;

export interface DemoLayer {
  readonly file: string;
  readonly role: LayerRole;
  readonly name: BiName;
  readonly data: FeatureCollection;
}

export interface DemoManifestLayer {
  readonly file: string;
  readonly role: LayerRole;
  readonly name: BiName;
  readonly featureCount: number;
}

export interface DemoManifest {
  readonly synthetic: true;
  readonly generator: string;
  readonly seed: number;
  readonly people: number;
  readonly name: BiName;
  readonly bbox: [number, number, number, number];
  readonly center: [number, number];
  readonly layers: DemoManifestLayer[];
}

export interface DemoStats {
  readonly segments: number;
  readonly homes: number;
  readonly population: number;
  readonly children: number;
}

export interface DemoCity {
  readonly layers: DemoLayer[];
  readonly manifest: DemoManifest;
  readonly plan: Plan;
  readonly stats: DemoStats;
}

/**
 * Workload scaling for benchmarks: above the demo size, homes per resident and vertices per street edge
 * grow faster than the population, so 1,000,000 people give about 200,000 homes and 300,000 street
 * segments (the benchmark target) while the demo keeps realistic building sizes.
 */
export function detailFor(people: number): { homes: number; seg: number } {
  const s = Math.max(1, people / DEMO_PEOPLE);
  return { homes: s ** 1.7, seg: Math.max(1, Math.round(3 * s ** 1.72)) };
}

const fc = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });

export function generateDemoCity(options: DemoOptions = {}): DemoCity {
  const seed = options.seed ?? DEFAULT_SEED;
  const people = options.people ?? DEFAULT_PEOPLE;
  const rng = new Rng(seed);
  const shenzhen = options.profile === 'shenzhen';
  const spec = shenzhen
    ? { nx: SHENZHEN.nx, ny: SHENZHEN.ny, cellM: Math.sqrt(((people / SHENZHEN.peoplePerKm2) * 1e6) / (SHENZHEN.nx * SHENZHEN.ny)) }
    : gridSpecFor(people);
  const grid = new Grid(spec, rng.fork('grid'));
  const plan = makePlan(grid, people, rng.fork('plan'), shenzhen ? SHENZHEN.streetsPerDistrict : undefined);
  // The Shenzhen profile is large by its area and people, not by refined detail: one home a building.
  const detail = shenzhen ? { homes: 1, seg: 3 } : detailFor(people);
  const edges = classifyEdges(grid, plan, rng.fork('edges'));
  const ways = buildWays(grid, plan, edges, detail.seg);
  const crossings = new Crossings();
  junctionCrossings(grid, plan, edges, rng.fork('crossings'), crossings);
  const facilities = layoutFacilities(grid, plan, edges, detail.seg, rng.fork('facilities'), crossings);
  const homes = layoutHomes(grid, plan, facilities.taken, detail.homes, rng.fork('homes'), shenzhen);
  const units = buildUnits(grid, plan);

  const layers: DemoLayer[] = [
    { file: 'units_city.fgb', role: 'city', name: { en: 'City', zh: '市' }, data: fc(units.city) },
    { file: 'units_district.fgb', role: 'district', name: { en: 'Districts', zh: '区' }, data: fc(units.district) },
    { file: 'units_street.fgb', role: 'street', name: { en: 'Streets (sub-districts)', zh: '街道' }, data: fc(units.street) },
    { file: 'units_community.fgb', role: 'community', name: { en: 'Communities', zh: '社区' }, data: fc(units.community) },
    { file: 'streets.fgb', role: 'streets', name: { en: 'Street network', zh: '道路网' }, data: fc(ways.features) },
    { file: 'crossings.fgb', role: 'crossings', name: { en: 'Crossings', zh: '过街设施' }, data: fc(crossings.features) },
    { file: 'facilities.fgb', role: 'facilities', name: { en: 'Facilities', zh: '儿童设施' }, data: fc(facilities.features) },
    { file: 'homes.fgb', role: 'homes', name: { en: 'Homes', zh: '住宅' }, data: fc(homes) },
  ];
  const bbox = bboxOf(layers);
  const manifest: DemoManifest = {
    synthetic: true,
    generator: 'scripts/generate-demo.ts',
    seed,
    people,
    name: CITY_NAME,
    bbox,
    center: [round7((bbox[0] + bbox[2]) / 2), round7((bbox[1] + bbox[3]) / 2)],
    layers: layers.map((l) => ({ file: l.file, role: l.role, name: l.name, featureCount: l.data.features.length })),
  };
  let population = 0;
  let children = 0;
  for (const h of homes) {
    const p = h.properties;
    population += p.population;
    children += p.children_0_3 + p.children_4_6 + p.children_7_12 + p.children_13_18;
  }
  return { layers, manifest, plan, stats: { segments: ways.segments, homes: homes.length, population, children } };
}

function bboxOf(layers: readonly DemoLayer[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    } else for (const d of c as unknown[]) visit(d);
  };
  for (const l of layers) for (const f of l.data.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return b;
}
