/**
 * The administrative levels as the evaluator sees them: each present level with its parent links resolved
 * to the next present level above. When no city table is given, the whole study area is one city, so
 * city-scale rules (≥800 mother-and-baby rooms) still apply.
 */
import { UNIT_LEVELS, type HomeTable, type FacilityTable, type UnitLevel, type UnitTable } from '../model';

export interface LevelView {
  readonly level: UnitLevel;
  readonly table: UnitTable;
  readonly nUnits: number;
  /** Index of the containing unit in `parentLevel`, or -1. */
  readonly parent: Int32Array;
  readonly parentLevel: UnitLevel | undefined;
  /** 1 when any home of the unit has estimated child counts (shown as estimates everywhere). */
  readonly estimated: Uint8Array;
}

/**
 * Id of the synthetic city that stands for the whole study area when no city boundary is loaded. It has no
 * name in data (names ['']): the UI words it ("Whole extract" / "整个数据范围"), never a hard-coded word.
 */
export const WHOLE_AREA_UNIT_ID = 'whole_extract';

/** A single city holding every home and facility (the study area). */
export function wholeAreaCity(homes: HomeTable, facilities: FacilityTable): UnitTable {
  return {
    level: 'city', ids: [WHOLE_AREA_UNIT_ID], names: [''], namesZh: [undefined], parentIdx: new Int32Array([-1]),
    homeUnit: new Int32Array(homes.ids.length), facilityUnit: new Int32Array(facilities.ids.length),
  };
}

export function buildLevels(
  units: Partial<Record<UnitLevel, UnitTable>>,
  homes: HomeTable,
  facilities: FacilityTable,
): Partial<Record<UnitLevel, LevelView>> {
  const tables: Partial<Record<UnitLevel, UnitTable>> = { ...units, city: units.city ?? wholeAreaCity(homes, facilities) };
  const views: Partial<Record<UnitLevel, LevelView>> = {};
  let above: UnitTable | undefined;
  for (const level of UNIT_LEVELS) {
    const table = tables[level];
    if (!table) continue;
    const nUnits = table.ids.length;
    const parent = above ? resolveParents(table, above, homes) : new Int32Array(nUnits).fill(-1);
    views[level] = { level, table, nUnits, parent, parentLevel: above?.level, estimated: estimatedUnits(table, homes) };
    above = table;
  }
  return views;
}

/**
 * parentIdx is trusted when the table above is the next level; otherwise (a level is missing, or links
 * are absent) each unit's parent is the upper unit that holds most of its homes.
 */
function resolveParents(sub: UnitTable, upper: UnitTable, homes: HomeTable): Int32Array {
  const n = sub.ids.length;
  const adjacent = UNIT_LEVELS.indexOf(sub.level) === UNIT_LEVELS.indexOf(upper.level) + 1;
  const out = new Int32Array(n).fill(-1);
  if (adjacent) for (let u = 0; u < n; u++) out[u] = sub.parentIdx[u] ?? -1;
  if (upper.ids.length === 1) {
    out.fill(0);
    return out;
  }
  if (out.every((p) => p >= 0)) return out;
  const votes = new Map<number, Map<number, number>>();
  for (let h = 0; h < homes.ids.length; h++) {
    const s = sub.homeUnit[h];
    const p = upper.homeUnit[h];
    if (s < 0 || p < 0 || out[s] >= 0) continue;
    const m = votes.get(s) ?? new Map<number, number>();
    m.set(p, (m.get(p) ?? 0) + 1);
    votes.set(s, m);
  }
  for (const [s, m] of votes) {
    let best = -1, bestN = 0;
    for (const [p, c] of m) if (c > bestN || (c === bestN && p < best)) { best = p; bestN = c; }
    out[s] = best;
  }
  return out;
}

function estimatedUnits(table: UnitTable, homes: HomeTable): Uint8Array {
  const out = new Uint8Array(table.ids.length);
  for (let h = 0; h < homes.ids.length; h++) {
    const u = table.homeUnit[h];
    if (u >= 0 && homes.estimated[h]) out[u] = 1;
  }
  return out;
}
