/**
 * OSM admin_level → the app's unit levels. Editable data: the user picks a preset or writes a mapping
 * ("8=street,10=community"). Without one ('auto'), the country's preset is used when the country is known
 * (country.ts), else the structure of the boundaries that assembled (`autoAdminLevels`).
 */
import { UNIT_LEVELS, isUnitLevel, type UnitLevel } from '../../model';

export type AdminLevelMapping = Readonly<Record<string, UnitLevel>>;

/**
 * Presets per country (OSM wiki, "Tag:boundary=administrative", table of admin_level per country). Several
 * admin levels may name one unit level; `resolveAdminLevels` keeps the finest one present in the data, so a
 * preset fits a province-wide extract and a one-town extract alike.
 * - CN: 4 province-level municipality (直辖市: Beijing, Shanghai, Tianjin, Chongqing) or 5 prefecture-level
 *   city (地级市, e.g. Shenzhen) → city; 6 district/county (区/县) → district; 8 township/subdistrict
 *   (乡/镇/街道) → street; 9/10 village/community (村/社区) → community. These match the Shenzhen targets'
 *   scales (区 → 街道 → 社区) one to one.
 * - DE: 8 Gemeinde/Stadt (or 6 kreisfreie Stadt, 4 Stadtstaat Berlin/Hamburg/Bremen) → city; 9 Stadtbezirk /
 *   Ortsbezirk → street, as the lowest level with its own council like a 街道; 10 Stadtteil/Ortsteil →
 *   community. OURS: Berlin's and Hamburg's Bezirke (9, ~300,000 people) would fit "district" better; write
 *   "4=city,9=district,10=street" there. Limburg an der Lahn: the town (8) → city, its 8 Ortsbezirke (9) → street.
 * - RU: 4 federal city (Moscow, Saint Petersburg, Sevastopol) or 6 urban okrug (городской округ) → city;
 *   5 administrative okrug of Moscow (административный округ) → district; 8 municipal district / raion of
 *   Moscow (район, ~100,000 people) → street; 10 → community. Approximate outside Moscow.
 */
export const ADMIN_LEVEL_PRESETS: Readonly<Record<string, AdminLevelMapping>> = {
  CN: { '4': 'city', '5': 'city', '6': 'district', '8': 'street', '9': 'community', '10': 'community' },
  DE: { '4': 'city', '6': 'city', '8': 'city', '9': 'street', '10': 'community' },
  RU: { '4': 'city', '5': 'district', '6': 'city', '8': 'street', '10': 'community' },
};

/** The default mapping is no mapping: the country's preset, else the structure (see `autoAdminLevels`). */
export const DEFAULT_ADMIN_LEVEL_MAPPING: AdminLevelMapping | 'auto' = 'auto';

/** Units per admin level that assembled: each entry of `present` is one unit (repeat a level per unit). */
function countLevels(present: Iterable<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const l of present) counts.set(l, (counts.get(l) ?? 0) + 1);
  return counts;
}

/**
 * The fallback when the country has no preset, from the levels that assembled (one entry per unit):
 * - the city is the finest of the levels, from the coarsest down, that hold a single unit (the boundary
 *   around the whole extract: a town, a country like Liechtenstein), but never the finest level of all when
 *   there are several levels;
 * - the levels below it, finest first, are community, street, district (at most three);
 * - without such a single-unit level there is no city (the whole extract stands for it) and the finest
 *   three levels are community, street, district.
 * So a town with its quarters (8 ×1, 9 ×8) gives city + community, never a "street" for the whole town.
 */
export function autoAdminLevels(present: Iterable<number>): AdminLevelMapping {
  const counts = countLevels(present);
  const levels = [...counts.keys()].sort((a, b) => a - b);
  const out: Record<string, UnitLevel> = {};
  let city = -1;
  for (let i = 0; i < levels.length && counts.get(levels[i]) === 1; i++) {
    if (i < levels.length - 1 || levels.length === 1) city = i;
  }
  if (city >= 0) out[String(levels[city])] = 'city';
  const below = levels.slice(city + 1).reverse().slice(0, UNIT_LEVELS.length - 1);
  below.forEach((l, i) => (out[String(l)] = UNIT_LEVELS[UNIT_LEVELS.length - 1 - i]));
  return out;
}

/**
 * A mapping applied to the levels present: per unit level the finest admin level mapped to it, and only when
 * it lies below the unit level above it (a preset's "4 or 5 = city" becomes one of them, never both).
 */
export function resolveAdminLevels(mapping: AdminLevelMapping, present: Iterable<number>): AdminLevelMapping {
  const have = new Set(present);
  const out: Record<string, UnitLevel> = {};
  let above = -Infinity;
  for (const unit of UNIT_LEVELS) {
    const levels = Object.entries(mapping).filter(([l, u]) => u === unit && have.has(Number(l))).map(([l]) => Number(l));
    if (!levels.length) continue;
    const finest = Math.max(...levels);
    if (finest <= above) continue;
    out[String(finest)] = unit;
    above = finest;
  }
  return out;
}

/** The mapping 'auto' means for this data: the country's preset when it has one, else the structure. */
export function adminLevelsFor(country: string | undefined, present: readonly number[]): AdminLevelMapping {
  const preset = country ? ADMIN_LEVEL_PRESETS[country] : undefined;
  if (preset) {
    const resolved = resolveAdminLevels(preset, present);
    if (Object.keys(resolved).length) return resolved;
  }
  return autoAdminLevels(present);
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
