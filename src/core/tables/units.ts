/**
 * UnitTables for the administrative levels that were loaded: each home and facility assigned once per
 * level by containment (coverage/unit-locator), parents from `parent_id` or, failing that, by containment
 * of an interior point in the nearest loaded level above. A unit layer travels as a UnitSource (polygons
 * as typed arrays, ids, names, parent ids): what the io worker hands the analysis worker.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { UNIT_LEVELS, featureId, readUnit, type FacilityTable, type HomeTable, type UnitLevel, type UnitTable } from '../model';
import { createUnitLocator, type UnitLocator } from '../coverage/unit-locator';
import { geometryAt, geometryBuffers, geometryColumns, type GeometryColumns } from './geometry-columns';
import { interiorPoint } from './location';

export type UnitLayers = Partial<Record<UnitLevel, FeatureCollection>>;
export type UnitTables = Partial<Record<UnitLevel, UnitTable>>;

/** One unit layer as the analysis reads it. */
export interface UnitSource {
  readonly kind: 'units';
  readonly ids: readonly string[];
  readonly names: readonly (string | undefined)[];
  readonly namesZh: readonly (string | undefined)[];
  readonly parentIds: readonly (string | undefined)[];
  readonly geometry: GeometryColumns;
}
export type UnitSources = Partial<Record<UnitLevel, UnitSource>>;

export function buildUnitSource(fc: FeatureCollection): UnitSource {
  const attrs = fc.features.map((f) => readUnit(f.properties));
  return {
    kind: 'units',
    ids: fc.features.map((f, i) => featureId(f.properties, i, f.id)),
    names: attrs.map((a) => a.name),
    namesZh: attrs.map((a) => a.nameZh),
    parentIds: attrs.map((a) => a.parentId),
    geometry: geometryColumns(fc.features.map((f) => f.geometry)),
  };
}

export const unitSourceBuffers = (u: UnitSource): ArrayBufferView[] => geometryBuffers(u.geometry);

/** The unit polygons as GeoJSON geometries (a few hundred per level: the locators read them whole). */
export const unitGeometries = (u: UnitSource): (Geometry | null)[] => u.ids.map((_, i) => geometryAt(u.geometry, i));

/** The nearest level above `level` that has a layer, if any. */
export function loadedParentLevel(levels: UnitLayers | UnitTables | UnitSources, level: UnitLevel): UnitLevel | undefined {
  for (let i = UNIT_LEVELS.indexOf(level) - 1; i >= 0; i--) if (levels[UNIT_LEVELS[i]]) return UNIT_LEVELS[i];
  return undefined;
}

/** buildUnitTablesFrom over GeoJSON layers (the CLI, tests and benchmarks). */
export function buildUnitTables(levels: UnitLayers, homes: Pick<HomeTable, 'lng' | 'lat'>, facilities: Pick<FacilityTable, 'lng' | 'lat'>): UnitTables {
  const sources: UnitSources = {};
  for (const level of UNIT_LEVELS) if (levels[level]) sources[level] = buildUnitSource(levels[level]);
  return buildUnitTablesFrom(sources, homes, facilities);
}

export function buildUnitTablesFrom(
  levels: UnitSources,
  homes: Pick<HomeTable, 'lng' | 'lat'>,
  facilities: Pick<FacilityTable, 'lng' | 'lat'>,
): UnitTables {
  const out: UnitTables = {};
  const locators: Partial<Record<UnitLevel, UnitLocator>> = {};
  for (const level of UNIT_LEVELS) {
    const src = levels[level];
    if (!src) continue;
    const { ids } = src;
    const geometries = unitGeometries(src);
    const locator = createUnitLocator(geometries, ids);
    locators[level] = locator;
    const parentIdx = new Int32Array(ids.length).fill(-1);
    const up = loadedParentLevel(levels, level);
    if (up) {
      const parent = out[up]!;
      const parentById = new Map(parent.ids.map((id, i) => [id, i]));
      geometries.forEach((g, i) => {
        const pid = src.parentIds[i];
        const named = pid !== undefined ? parentById.get(pid) : undefined;
        if (named !== undefined) parentIdx[i] = named;
        else {
          const p = interiorPoint(g);
          if (p) parentIdx[i] = locators[up]!.locate(p[0], p[1]);
        }
      });
    }
    out[level] = {
      level,
      ids,
      names: ids.map((id, i) => src.names[i] ?? src.namesZh[i] ?? id),
      namesZh: src.namesZh,
      parentIdx,
      homeUnit: locator.locateAll(homes.lng, homes.lat),
      facilityUnit: locator.locateAll(facilities.lng, facilities.lat),
    };
  }
  return out;
}
