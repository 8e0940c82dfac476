/**
 * UnitTables for the administrative levels that were loaded: each home and facility assigned once per
 * level by containment (coverage/unit-locator), parents from `parent_id` or, failing that, by containment
 * of an interior point in the nearest loaded level above.
 */
import type { FeatureCollection } from 'geojson';
import { UNIT_LEVELS, featureId, readUnit, type FacilityTable, type HomeTable, type UnitLevel, type UnitTable } from '../model';
import { createUnitLocator, type UnitLocator } from '../coverage/unit-locator';
import { interiorPoint } from './location';

export type UnitLayers = Partial<Record<UnitLevel, FeatureCollection>>;
export type UnitTables = Partial<Record<UnitLevel, UnitTable>>;

/** The nearest level above `level` that has a layer, if any. */
export function loadedParentLevel(levels: UnitLayers | UnitTables, level: UnitLevel): UnitLevel | undefined {
  for (let i = UNIT_LEVELS.indexOf(level) - 1; i >= 0; i--) if (levels[UNIT_LEVELS[i]]) return UNIT_LEVELS[i];
  return undefined;
}

export function buildUnitTables(
  levels: UnitLayers,
  homes: Pick<HomeTable, 'lng' | 'lat'>,
  facilities: Pick<FacilityTable, 'lng' | 'lat'>,
): UnitTables {
  const out: UnitTables = {};
  const locators: Partial<Record<UnitLevel, UnitLocator>> = {};
  for (const level of UNIT_LEVELS) {
    const fc = levels[level];
    if (!fc) continue;
    const ids = fc.features.map((f, i) => featureId(f.properties, i, f.id));
    const attrs = fc.features.map((f) => readUnit(f.properties));
    const locator = createUnitLocator(fc.features.map((f) => f.geometry), ids);
    locators[level] = locator;
    const parentIdx = new Int32Array(ids.length).fill(-1);
    const up = loadedParentLevel(levels, level);
    if (up) {
      const parent = out[up]!;
      const parentById = new Map(parent.ids.map((id, i) => [id, i]));
      fc.features.forEach((f, i) => {
        const named = attrs[i].parentId !== undefined ? parentById.get(attrs[i].parentId!) : undefined;
        if (named !== undefined) parentIdx[i] = named;
        else {
          const p = interiorPoint(f.geometry);
          if (p) parentIdx[i] = locators[up]!.locate(p[0], p[1]);
        }
      });
    }
    out[level] = {
      level,
      ids,
      names: attrs.map((a, i) => a.name ?? a.nameZh ?? ids[i]),
      namesZh: attrs.map((a) => a.nameZh),
      parentIdx,
      homeUnit: locator.locateAll(homes.lng, homes.lat),
      facilityUnit: locator.locateAll(facilities.lng, facilities.lat),
    };
  }
  return out;
}
