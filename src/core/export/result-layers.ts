/**
 * Every result of an analysis as a named layer of features, the one shape every export format takes:
 * access per home (a point at the home's location, a column trio per category), coverage per unit, category,
 * age band and threshold (on the unit's polygon), isochrones (areas and street pieces of every category),
 * gaps (every rule × unit record, as gaps.geojson), scorecards (every row of every unit's card) and, when
 * computed, safe routes to school (safe-route-layers.ts: per home, per way, hotspots, per unit). Numbers
 * JSON cannot hold (NaN, Infinity) become null; distances keep centimetres as the CSV contract does.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { isochroneStreets, type AccessAnalysisResult } from '../analysis';
import { coverageRows } from '../coverage';
import { gapsToGeoJSON, type Evaluation, type UnitGeometries } from '../rules';
import { safeRouteLayers, type SafeRouteInputs } from './safe-route-layers';

export interface ExportLayer {
  /** A plain name: letters, digits and `_` (it names files and GeoPackage tables). */
  readonly name: string;
  readonly data: FeatureCollection<Geometry | null>;
}

const finite = (x: number, digits: number): number | null => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

export function accessLayer(r: AccessAnalysisResult, homeIds: readonly string[]): ExportLayer {
  const features: Feature<Geometry | null>[] = [];
  for (let h = 0; h < r.homeCount; h++) {
    const properties: Record<string, string | number | null> = { residence_id: homeIds[h], snap_m: finite(r.homeSnapM[h], 2) };
    for (const c of r.categories) {
      const f = c.nearestFacility[h];
      properties[`${c.category}_network_m`] = finite(c.networkM[h], 2);
      properties[`${c.category}_walking_m`] = finite(c.walkingM[h], 2);
      properties[`${c.category}_facility_id`] = f >= 0 ? r.facilityIds[f] : null;
    }
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.homeLng[h], r.homeLat[h]] }, properties });
  }
  return { name: 'access', data: { type: 'FeatureCollection', features } };
}

export function coverageLayer(r: AccessAnalysisResult, geometries: UnitGeometries): ExportLayer {
  const byLevel = new Map(r.units.map((u) => [u.level, u]));
  const features = r.coverage.flatMap((c) => coverageRows(c, byLevel.get(c.level)!)).map((row): Feature<Geometry | null> => ({
    type: 'Feature',
    geometry: geometries[row.unitLevel]?.[row.unitIdx] ?? null,
    properties: {
      unit_level: row.unitLevel, unit_id: row.unitId, unit_name: row.unitName, category: row.category, age_band: row.ageBand,
      threshold_m: row.thresholdM, children_total: finite(row.childrenTotal, 3), children_within: finite(row.childrenWithin, 3),
      share: finite(row.share, 6), homes_unreachable: row.homesUnreachable, estimated: row.estimated,
    },
  }));
  return { name: 'coverage', data: { type: 'FeatureCollection', features } };
}

export function isochroneLayer(r: AccessAnalysisResult): ExportLayer {
  const features = r.isochrones.flatMap((iso): Feature<Geometry | null>[] => [
    ...iso.areas.features.map((f) => ({ ...f, properties: { category: iso.category, kind: 'area', ...f.properties } })),
    ...isochroneStreets(iso, r.thresholdsM).features.map((f) => ({ ...f, properties: { category: iso.category, kind: 'streets', ...f.properties } })),
  ]);
  return { name: 'isochrones', data: { type: 'FeatureCollection', features } };
}

export function gapLayers(ev: Evaluation, geometries: UnitGeometries): ExportLayer[] {
  const gaps = gapsToGeoJSON(ev.records, geometries);
  const scorecards = ev.scorecards.flatMap((card) => gapsToGeoJSON(card.rows, geometries).features.map((f): Feature<Geometry | null> => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      unit_level: card.level, child_friendly: card.assessed ? card.childFriendly : null, failing_here: card.failingHere, failing_below: card.failingBelow,
      ...f.properties,
    },
  })));
  // Feature ids of gaps.geojson are rule@level:unit; the other formats carry them as the rule_id/scale/unit_id columns.
  return [
    { name: 'gaps', data: { type: 'FeatureCollection', features: gaps.features.map(({ id: _id, ...f }) => f) } },
    { name: 'scorecards', data: { type: 'FeatureCollection', features: scorecards } },
  ];
}

export interface ResultInputs {
  readonly result: AccessAnalysisResult;
  readonly homeIds: readonly string[];
  readonly unitGeometries: UnitGeometries;
  readonly evaluation?: Evaluation;
  /** Safe routes computed from this run: the result, and the streets layer's way ids and geometries. */
  readonly safeRoutes?: Pick<SafeRouteInputs, 'result' | 'wayIds' | 'wayGeometries'>;
}

/** Every result layer, in a fixed order. */
export function resultLayers(i: ResultInputs): ExportLayer[] {
  return [
    accessLayer(i.result, i.homeIds),
    coverageLayer(i.result, i.unitGeometries),
    ...(i.result.isochrones.length ? [isochroneLayer(i.result)] : []),
    ...(i.evaluation ? gapLayers(i.evaluation, i.unitGeometries) : []),
    ...(i.safeRoutes
      ? safeRouteLayers({ ...i.safeRoutes, homeIds: i.homeIds, homeLng: i.result.homeLng, homeLat: i.result.homeLat, unitGeometries: i.unitGeometries })
      : []),
  ];
}
