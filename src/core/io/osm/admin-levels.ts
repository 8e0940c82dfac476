/**
 * OSM admin_level → the app's unit levels. Editable data: the user picks a preset or writes a mapping
 * ("8=street,10=community"); without one, the four finest levels present in the file are used.
 */
import { UNIT_LEVELS, isUnitLevel, type UnitLevel } from '../../model';

export type AdminLevelMapping = Readonly<Record<string, UnitLevel>>;

/**
 * Presets from the OSM wiki's admin_level table (Tag:boundary=administrative, per country).
 * China: 5 prefecture city (地级市), 6 district/county (区/县), 8 subdistrict/town (街道/镇), 9/10 community/village.
 * Germany: 6 Kreis/kreisfreie Stadt, 8 Gemeinde/Stadt, 9 Stadtbezirk/Stadtteil, 10 Ortsteil.
 */
export const ADMIN_LEVEL_PRESETS: Readonly<Record<string, AdminLevelMapping>> = {
  CN: { '5': 'city', '6': 'district', '8': 'street', '9': 'community', '10': 'community' },
  DE: { '6': 'city', '8': 'district', '9': 'street', '10': 'community' },
};

/** The default mapping is no mapping: pick the levels present (see `autoAdminLevels`). */
export const DEFAULT_ADMIN_LEVEL_MAPPING: AdminLevelMapping | 'auto' = 'auto';

/**
 * The finest (highest-numbered) up to four distinct levels, finest → community, then street, district, city:
 * a file with levels 2, 8, 10 gives 10 → community, 8 → street, 2 → district.
 */
export function autoAdminLevels(present: Iterable<number>): AdminLevelMapping {
  const levels = [...new Set(present)].sort((a, b) => b - a).slice(0, UNIT_LEVELS.length);
  const out: Record<string, UnitLevel> = {};
  levels.forEach((l, i) => (out[String(l)] = UNIT_LEVELS[UNIT_LEVELS.length - 1 - i]));
  return out;
}

/** Parses "8=street,10=community"; undefined when any part is not `<int>=<unit level>`. */
export function parseAdminLevelMapping(s: string): AdminLevelMapping | undefined {
  const out: Record<string, UnitLevel> = {};
  for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    const m = /^(\d{1,2})=(\w+)$/.exec(part);
    if (!m || !isUnitLevel(m[2])) return undefined;
    out[m[1]] = m[2];
  }
  return Object.keys(out).length ? out : undefined;
}
