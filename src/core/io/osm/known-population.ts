/**
 * Scaling estimated homes to a known population. Each scaled home keeps `children_estimated: true`; its
 * `population` and child counts are multiplied by known ÷ estimated of its group, so shares between homes
 * (the footprint × storeys pattern) stay as estimated and only the total changes.
 * - A known population for the whole import (the user's number) scales every estimated home.
 * - Otherwise each admin boundary with a `population` tag is a known population for the homes whose centre
 *   lies in it; where tagged boundaries nest, the finest (highest admin_level) wins. Homes in no tagged
 *   boundary stay as estimated.
 */
import { booleanPointInPolygon, bbox as turfBbox, centerOfMass } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { AGE_BANDS, AGE_BAND_FIELD, boolProp, numberProp } from '../../model';
import type { OsmStore } from './osm-store';
import { assembleRelation } from './rings';

export interface KnownArea {
  readonly id: string;
  readonly name?: string;
  readonly level: number;
  readonly population: number;
  readonly geometry: Polygon | MultiPolygon;
}

export interface ScaledGroup {
  readonly id: string;
  readonly name?: string;
  readonly known: number;
  readonly estimated: number;
  readonly homes: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** "34255", "34 255", "34,255" → 34255; anything else (ranges, words) → undefined. */
export function parsePopulation(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const s = raw.trim().replace(/[\s,'’]/g, '');
  return /^\d+$/.test(s) && Number(s) > 0 ? Number(s) : undefined;
}

/** Admin boundaries with a usable `population` tag that assemble into areas (cut ones are skipped). */
export function knownAreas(store: OsmStore): KnownArea[] {
  const out: KnownArea[] = [];
  for (const r of store.relations) {
    if (r.tags['boundary'] !== 'administrative') continue;
    const population = parsePopulation(r.tags['population']);
    const level = Number.parseInt(r.tags['admin_level'] ?? '', 10);
    if (population === undefined || !Number.isFinite(level)) continue;
    const res = assembleRelation(store, r);
    if (!res.ok) continue;
    const g = res.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    out.push({ id: `r${r.id}`, ...(r.tags['name'] ? { name: r.tags['name'] } : {}), level, population, geometry: g });
  }
  return out;
}

const isEstimated = (f: Feature) => boolProp(f.properties, 'children_estimated') === true;
const populationOf = (f: Feature) => numberProp(f.properties, 'population') ?? 0;

/** How a home is scaled: scaleHome (a new feature) or scaleInPlace (the importer's own features). */
export type ScaleFn = (f: Feature, factor: number) => Feature;

export function scaleHome(f: Feature, factor: number): Feature {
  return scaleInPlace({ ...f, properties: { ...(f.properties ?? {}) } }, factor);
}

/** scaleHome writing into the feature's own properties (same fields, same order); returns the feature. */
export function scaleInPlace(f: Feature, factor: number): Feature {
  const p = (f.properties ??= {});
  p['population'] = round2(populationOf(f) * factor);
  for (const b of AGE_BANDS) p[AGE_BAND_FIELD[b]] = round2((numberProp(p, AGE_BAND_FIELD[b]) ?? 0) * factor);
  return f;
}

/** Every estimated home scaled so their population sums to `known`. */
export function scaleToPopulation(homes: readonly Feature[], known: number, scale: ScaleFn = scaleHome): { homes: Feature[]; group: ScaledGroup } {
  const estimated = homes.filter(isEstimated).reduce((s, f) => s + populationOf(f), 0);
  const factor = estimated > 0 ? known / estimated : 1;
  const out = homes.map((f) => (isEstimated(f) && estimated > 0 ? scale(f, factor) : f));
  return { homes: out, group: { id: '', known, estimated, homes: homes.filter(isEstimated).length } };
}

/** Each estimated home scaled within the finest known area holding its centre. */
export function scaleByAreas(homes: readonly Feature[], areas: readonly KnownArea[], scale: ScaleFn = scaleHome): { homes: Feature[]; groups: ScaledGroup[] } {
  if (!areas.length) return { homes: [...homes], groups: [] };
  const boxes = areas.map((a) => turfBbox(a.geometry));
  const owner = homes.map((f) => {
    if (!isEstimated(f) || !f.geometry) return -1;
    const c = centerOfMass(f).geometry.coordinates;
    let best = -1;
    areas.forEach((a, i) => {
      const [x0, y0, x1, y1] = boxes[i];
      if (c[0] < x0 || c[0] > x1 || c[1] < y0 || c[1] > y1) return;
      if ((best < 0 || a.level > areas[best].level) && booleanPointInPolygon(c, a.geometry)) best = i;
    });
    return best;
  });
  const estimated = new Float64Array(areas.length);
  const count = new Uint32Array(areas.length);
  homes.forEach((f, i) => {
    if (owner[i] >= 0) {
      estimated[owner[i]] += populationOf(f);
      count[owner[i]]++;
    }
  });
  const out = homes.map((f, i) => (owner[i] >= 0 && estimated[owner[i]] > 0 ? scale(f, areas[owner[i]].population / estimated[owner[i]]) : f));
  const groups = areas
    .map((a, i) => ({ id: a.id, ...(a.name ? { name: a.name } : {}), known: a.population, estimated: estimated[i], homes: count[i] }))
    .filter((g) => g.homes > 0);
  return { homes: out, groups };
}
