import type { AgeBand } from './age-bands';

/** A facility category of the registry. Users may add their own; the built-ins below are the defaults. */
export interface FacilityCategory {
  readonly id: string;
  /** i18n key of the display name, or a literal name for user-defined categories. */
  readonly labelKey: string;
  readonly ageBands: readonly AgeBand[];
  /** RGB used on the map and in legends. */
  readonly color: readonly [number, number, number];
  /** True for categories that count as play space (area per child metrics). */
  readonly playSpace: boolean;
  /**
   * Categories a facility of this one also counts as, for rules and access (a `school` whose level no tag
   * tells counts as a primary and as a middle school). Facility tables expand it into one row per category.
   */
  readonly countsAs?: readonly string[];
}

export const BUILTIN_CATEGORIES: readonly FacilityCategory[] = [
  { id: 'playground', labelKey: 'category.playground', ageBands: ['0-3', '4-6', '7-12'], color: [230, 120, 20], playSpace: true },
  { id: 'nursery', labelKey: 'category.nursery', ageBands: ['0-3'], color: [240, 170, 190], playSpace: false },
  { id: 'kindergarten', labelKey: 'category.kindergarten', ageBands: ['4-6'], color: [220, 60, 120], playSpace: false },
  { id: 'primary_school', labelKey: 'category.primary_school', ageBands: ['7-12'], color: [60, 90, 200], playSpace: false },
  { id: 'middle_school', labelKey: 'category.middle_school', ageBands: ['13-18'], color: [30, 40, 130], playSpace: false },
  // An OSM school no tag classifies (school-level.ts): it may serve either level, so both rules accept it.
  { id: 'school', labelKey: 'category.school', ageBands: ['7-12', '13-18'], color: [90, 110, 170], playSpace: false, countsAs: ['primary_school', 'middle_school'] },
  { id: 'mother_baby_room', labelKey: 'category.mother_baby_room', ageBands: ['0-3'], color: [170, 80, 200], playSpace: false },
  { id: 'children_home', labelKey: 'category.children_home', ageBands: ['4-6', '7-12', '13-18'], color: [250, 200, 30], playSpace: false },
  { id: 'park', labelKey: 'category.park', ageBands: ['0-3', '4-6', '7-12', '13-18'], color: [60, 160, 70], playSpace: true },
  { id: 'paediatric', labelKey: 'category.paediatric', ageBands: ['0-3', '4-6', '7-12', '13-18'], color: [200, 30, 30], playSpace: false },
];

/** The registry: built-ins plus user additions, looked up by id. */
export class CategoryRegistry {
  private readonly byId: Map<string, FacilityCategory>;
  constructor(extra: readonly FacilityCategory[] = []) {
    this.byId = new Map([...BUILTIN_CATEGORIES, ...extra].map((c) => [c.id, c]));
  }
  get(id: string): FacilityCategory | undefined {
    return this.byId.get(id);
  }
  has(id: string): boolean {
    return this.byId.has(id);
  }
  all(): FacilityCategory[] {
    return [...this.byId.values()];
  }
}

export const BUILTIN_CATEGORY_IDS = BUILTIN_CATEGORIES.map((c) => c.id);

const COUNTS_AS = new Map(BUILTIN_CATEGORIES.filter((c) => c.countsAs).map((c) => [c.id, c.countsAs!]));

/** The categories a facility of `id` counts for: its `countsAs` list, else itself. */
export const countedCategories = (id: string): readonly string[] => COUNTS_AS.get(id) ?? [id];

/** The most rows one facility can take in a facility table. */
export const MAX_COUNTED_CATEGORIES = Math.max(1, ...[...COUNTS_AS.values()].map((c) => c.length));
