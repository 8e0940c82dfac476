/**
 * Which OSM tags make a facility of which category. Data, not code: the user can edit the mapping (the UI
 * shows it as a table) and pass it in `OsmImportOptions.categoryMapping`. The first rule that matches wins.
 */
import type { Tags } from './osm-store';

export interface TagMatch {
  readonly key: string;
  /** Accepted values; absent = any value except "no". */
  readonly values?: readonly string[];
}

export interface OsmCategoryRule {
  readonly category: string;
  /** Matches when any of these matches. */
  readonly anyOf: readonly TagMatch[];
  /** A named refinement applied after the match ('school_level': primary / middle / both / `school`, school-level.ts). */
  readonly refine?: 'school_level';
}

export const DEFAULT_OSM_CATEGORY_MAPPING: readonly OsmCategoryRule[] = [
  { category: 'playground', anyOf: [{ key: 'leisure', values: ['playground'] }] },
  { category: 'kindergarten', anyOf: [{ key: 'amenity', values: ['kindergarten'] }] },
  { category: 'nursery', anyOf: [{ key: 'amenity', values: ['childcare'] }] },
  { category: 'school', anyOf: [{ key: 'amenity', values: ['school'] }], refine: 'school_level' },
  { category: 'paediatric', anyOf: [{ key: 'healthcare', values: ['paediatrics'] }, { key: 'healthcare:speciality', values: ['paediatrics'] }] },
  // amenity=baby_hatch is left out on purpose: it is a foundling wheel, not a room for mothers and babies.
  {
    category: 'mother_baby_room',
    anyOf: [{ key: 'changing_table', values: ['yes'] }, { key: 'baby_feeding' }, { key: 'room', values: ['baby_changing'] }],
  },
  { category: 'park', anyOf: [{ key: 'leisure', values: ['park'] }] },
];

function matches(m: TagMatch, tags: Tags): boolean {
  const v = tags[m.key];
  if (v === undefined) return false;
  return m.values ? m.values.includes(v) : v !== 'no';
}

export interface CategoryMatch {
  readonly rule: OsmCategoryRule;
  /** "key=value" that matched, kept on the feature so a category can be traced to its tag. */
  readonly tag: string;
}

export function matchCategory(tags: Tags, mapping: readonly OsmCategoryRule[]): CategoryMatch | undefined {
  for (const rule of mapping) {
    for (const m of rule.anyOf) if (matches(m, tags)) return { rule, tag: `${m.key}=${tags[m.key]}` };
  }
  return undefined;
}

/** Keys any rule reads: the readers keep tags only for objects with one of these (or another layer's keys). */
export function mappingKeys(mapping: readonly OsmCategoryRule[]): string[] {
  return [...new Set(mapping.flatMap((r) => r.anyOf.map((m) => m.key)))];
}

/** A rule's tags as the import dialog shows and edits them: `amenity=school · healthcare=paediatrics|clinic · baby_feeding=*`. */
export function formatTagMatches(anyOf: readonly TagMatch[]): string {
  return anyOf.map((m) => `${m.key}=${m.values?.join('|') ?? '*'}`).join(' · ');
}

const KEY = /^[A-Za-z0-9_:.-]+$/;

/**
 * The inverse of `formatTagMatches`, for what a user typed: matches separated by `·` or `,`, each `key=v1|v2`
 * or `key=*` (any value but "no"). An empty text matches nothing (the category is switched off). Returns
 * null when a match is malformed, so the dialog can refuse it instead of importing with a half-read rule.
 */
export function parseTagMatches(text: string): TagMatch[] | null {
  const out: TagMatch[] = [];
  for (const part of text.split(/[·,]/).map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const key = part.slice(0, eq).trim();
    const values = part.slice(eq + 1).split('|').map((v) => v.trim()).filter(Boolean);
    if (!KEY.test(key) || values.length === 0) return null;
    out.push(values.length === 1 && values[0] === '*' ? { key } : { key, values });
  }
  return out;
}
