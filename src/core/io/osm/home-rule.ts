/**
 * Which OSM buildings are homes: the rule, as data, with its sources (also in src/core/io/README.md).
 *
 * 1. `building` is a residential value (RESIDENTIAL_BUILDINGS) → home ('building_type'). A shop or office tag
 *    on such a building does not remove it: a house with a shop downstairs still has residents.
 * 2. `building:use` (or `building:use:residential`) says residential → home ('building_use').
 * 3. `building=yes` (the untagged building) → home only when its centre lies in landuse=residential
 *    ('in_residential_landuse') and no tag names another use (NON_RESIDENTIAL_KEYS, e.g. shop=*, amenity=*).
 * 4. Anything else is not a home: non-residential building values (NON_RESIDENTIAL_BUILDINGS), other values.
 * 5. Whatever the rule, a footprint under MIN_HOME_FOOTPRINT_M2 is a garage or shed, not a home.
 *
 * Sources: OSM wiki "Key:building" (the residential values: house, detached, semidetached_house, terrace,
 * apartments, bungalow, dormitory, farm = "a residential building on a farm", residential = "a building
 * where people live", static_caravan; `yes` = type unknown), "Key:building:use", "Tag:landuse=residential".
 * The 30 m² floor is OURS: a single garage is about 15–20 m², a double one 30–36 m²; the smallest detached
 * houses are about 40 m² of footprint.
 */
import type { Tags } from './osm-store';

export const RESIDENTIAL_BUILDINGS: readonly string[] = [
  'residential', 'apartments', 'house', 'detached', 'semidetached_house', 'semi', 'terrace', 'terraced_house',
  'bungalow', 'dormitory', 'farm', 'static_caravan', 'stilt_house', 'houseboat',
];

/** Building values that say the building is something other than a home (never admitted by land use). */
export const NON_RESIDENTIAL_BUILDINGS: readonly string[] = [
  'commercial', 'industrial', 'retail', 'office', 'warehouse', 'supermarket', 'kiosk', 'hotel', 'church', 'chapel',
  'cathedral', 'mosque', 'temple', 'synagogue', 'shrine', 'religious', 'school', 'kindergarten', 'university', 'college',
  'hospital', 'civic', 'public', 'government', 'fire_station', 'train_station', 'transportation', 'garage', 'garages',
  'carport', 'parking', 'shed', 'hut', 'cabin', 'roof', 'barn', 'cowshed', 'stable', 'farm_auxiliary', 'greenhouse',
  'service', 'transformer_tower', 'water_tower', 'toilets', 'sports_hall', 'stadium', 'grandstand', 'pavilion',
  'bunker', 'ruins', 'construction', 'bridge', 'tower', 'boathouse', 'no', 'manufacture', 'storage_tank', 'silo',
];

/** Keys whose presence names a use other than living (on an otherwise untagged building=yes). */
export const NON_RESIDENTIAL_KEYS: readonly string[] = [
  'shop', 'amenity', 'office', 'craft', 'industrial', 'tourism', 'healthcare', 'man_made', 'military', 'power',
  'public_transport', 'railway', 'aeroway', 'emergency', 'leisure', 'sport', 'club',
];

const RESIDENTIAL_USE = new Set(['residential', 'apartments', 'house', 'detached', 'dormitory']);

export const MIN_HOME_FOOTPRINT_M2 = 30;

export type HomeVerdict =
  | { readonly home: true; readonly rule: 'building_type' | 'building_use' }
  | { readonly home: 'if_residential_landuse' }
  | { readonly home: false; readonly reason: 'non_residential_building' | 'non_residential_use' | 'other_building' };

const residential = new Set(RESIDENTIAL_BUILDINGS);
const nonResidential = new Set(NON_RESIDENTIAL_BUILDINGS);

/** The tag part of the rule (the footprint and land-use tests need geometry; homes.ts applies them). */
export function classifyBuilding(t: Tags): HomeVerdict {
  const b = t['building'];
  if (b === undefined) return { home: false, reason: 'other_building' };
  if (residential.has(b)) return { home: true, rule: 'building_type' };
  if (nonResidential.has(b)) return { home: false, reason: 'non_residential_building' };
  const use = t['building:use'];
  if ((use && RESIDENTIAL_USE.has(use)) || t['building:use:residential'] === 'yes') return { home: true, rule: 'building_use' };
  if (use && use !== 'yes') return { home: false, reason: 'non_residential_use' };
  if (b !== 'yes') return { home: false, reason: 'other_building' };
  if (NON_RESIDENTIAL_KEYS.some((k) => t[k] !== undefined && t[k] !== 'no')) return { home: false, reason: 'non_residential_use' };
  return { home: 'if_residential_landuse' };
}

/** Storeys as tagged: building:levels, else levels (a number ≥ 1), else undefined. */
/** More storeys than any building has (the tallest has 163): a typo or a hostile value (1e308 made Infinity people). */
const MAX_LEVELS = 200;

export function taggedLevels(t: Tags): number | undefined {
  for (const k of ['building:levels', 'levels']) {
    const n = Number.parseFloat((t[k] ?? '').replace(',', '.'));
    if (Number.isFinite(n) && n >= 1 && n <= MAX_LEVELS) return n;
  }
  return undefined;
}
