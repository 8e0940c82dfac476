/**
 * A first guess of what a layer means, from its name, attribute names and values, and geometry kind.
 * Only a guess: the user confirms it in the layer panel. Name hints win over attribute hints because a
 * file called "kindergartens" says more than an `amenity` column that also appears on buildings.
 */
import type { GeometryKind, LayerRole, UnitLevel } from '../model';

export interface RoleGuessInput {
  readonly name: string;
  readonly fieldNames: readonly string[];
  readonly geometryKind: GeometryKind;
  /** A sample of feature properties (the first few hundred are enough). */
  readonly sample: readonly Readonly<Record<string, unknown>>[];
}

export interface RoleGuess {
  readonly role: LayerRole;
  readonly categoryGuess?: string;
}

/** Words (or CJK substrings) that name a facility category; the first match wins. */
const CATEGORY_WORDS: readonly (readonly [RegExp, string])[] = [
  [/mother.?baby|baby.?(care|room|changing)|changing.?table|nursing.?room|母婴/, 'mother_baby_room'],
  [/children.?s?.?home|儿童之家/, 'children_home'],
  [/playground|play.?(space|area)|游乐|游戏场|儿童乐园/, 'playground'],
  [/kindergarten|幼儿园/, 'kindergarten'],
  [/nursery|childcare|creche|daycare|托育|托儿/, 'nursery'],
  [/primary.?school|elementary|小学/, 'primary_school'],
  [/middle.?school|secondary.?school|high.?school|中学/, 'middle_school'],
  [/school|学校/, 'primary_school'],
  [/paediatric|pediatric|children.?s?.?hospital|儿科|儿童医院/, 'paediatric'],
  [/(^|[^a-z])parks?([^a-z]|$)|公园/, 'park'],
];

/** Attribute values (category / amenity / leisure) onto registry ids. */
const VALUE_CATEGORY: Readonly<Record<string, string>> = {
  playground: 'playground',
  kindergarten: 'kindergarten',
  childcare: 'nursery',
  nursery: 'nursery',
  school: 'primary_school',
  primary_school: 'primary_school',
  middle_school: 'middle_school',
  mother_baby_room: 'mother_baby_room',
  baby_care: 'mother_baby_room',
  baby_hatch: 'mother_baby_room',
  children_home: 'children_home',
  park: 'park',
  paediatric: 'paediatric',
};

const UNIT_WORDS: readonly (readonly [RegExp, UnitLevel])[] = [
  [/community|shequ|社区|居委/, 'community'],
  [/sub.?district|jiedao|街道|street|township|乡镇/, 'street'],
  [/district|county|区|县/, 'district'],
  [/city|municipal|市/, 'city'],
];

const has = (fields: ReadonlySet<string>, ...names: string[]) => names.some((n) => fields.has(n));

export function guessRole(input: RoleGuessInput): RoleGuess {
  const name = input.name.toLowerCase().replace(/\.[a-z0-9]+$/, '');
  const fields = new Set(input.fieldNames.map((f) => f.toLowerCase()));
  const kind = input.geometryKind;
  const polygonish = kind === 'polygon' || kind === 'none';
  const pointish = kind === 'point' || kind === 'polygon' || kind === 'none';

  if (input.fieldNames.some((f) => /^children_/i.test(f))) return { role: 'homes' };

  if (polygonish && /admin|boundar|unit|行政|边界|区划/.test(name)) return { role: unitFromLevels(input.sample) ?? unitFromName(name) ?? 'district' };
  if (polygonish) {
    const level = unitFromName(name);
    if (level && !/street|road|highway/.test(name)) return { role: level };
    if (level === 'street' && kind === 'polygon') return { role: 'street' };
  }
  if ((kind === 'line' || kind === 'none') && /road|street|highway|network|道路|路网|街巷/.test(name)) return { role: 'streets' };
  if (kind !== 'line' && /crossing|intersection|junction|路口|斑马线|过街/.test(name)) return { role: 'crossings' };
  if (pointish) {
    const category = categoryFromName(name);
    if (category) return { role: 'facilities', categoryGuess: category };
    if (/facilit|poi|amenit|设施/.test(name)) return withCategory(input.sample);
    if (/residen|building|home|house|dwelling|住宅|居住|建筑|小区/.test(name)) return { role: 'homes' };
    if (/population|人口/.test(name)) return { role: 'population' };
  }

  if (polygonish && fields.has('admin_level')) return { role: unitFromLevels(input.sample) ?? 'district' };
  if (kind === 'line' && fields.has('highway')) return { role: 'streets' };
  if (kind === 'point' && fields.has('crossing')) return { role: 'crossings' };
  if (pointish && has(fields, 'category', '类别', '类型', 'amenity', 'leisure')) {
    const g = withCategory(input.sample);
    if (g.categoryGuess || has(fields, 'category', '类别')) return g;
  }
  if (pointish && has(fields, 'building', 'building:levels', 'population')) return { role: fields.has('building') ? 'homes' : 'population' };
  if (pointish && has(fields, 'amenity', 'leisure')) return { role: 'facilities' };
  return { role: 'other' };
}

function categoryFromName(name: string): string | undefined {
  return CATEGORY_WORDS.find(([re]) => re.test(name))?.[1];
}

function unitFromName(name: string): UnitLevel | undefined {
  return UNIT_WORDS.find(([re]) => re.test(name))?.[1];
}

/** One category shared by every feature → that category; several → a mixed facility layer. */
function withCategory(sample: RoleGuessInput['sample']): RoleGuess {
  const cats = new Set<string>();
  for (const p of sample) {
    const v = p.category ?? p['类别'] ?? p['类型'] ?? p.amenity ?? p.leisure;
    if (typeof v !== 'string') continue;
    const key = v.toLowerCase().trim();
    cats.add(VALUE_CATEGORY[key] ?? categoryFromName(key) ?? key);
    if (cats.size > 1) return { role: 'facilities' };
  }
  const only = [...cats][0];
  return only ? { role: 'facilities', categoryGuess: only } : { role: 'facilities' };
}

/** OSM admin_level onto our levels; the most common level wins, ties go to the finer level. */
export function unitFromLevels(sample: RoleGuessInput['sample']): UnitLevel | undefined {
  const counts = new Map<UnitLevel, number>();
  for (const p of sample) {
    const n = Number(p.admin_level);
    if (!Number.isFinite(n) || p.admin_level === null || p.admin_level === '') continue;
    const level: UnitLevel = n <= 5 ? 'city' : n <= 7 ? 'district' : n === 8 ? 'street' : 'community';
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  const order: UnitLevel[] = ['community', 'street', 'district', 'city'];
  let best: UnitLevel | undefined;
  for (const l of order) if ((counts.get(l) ?? 0) > (best ? counts.get(best)! : 0)) best = l;
  return best;
}
