/**
 * amenity=school says nothing about the pupils' age. Clues that do, in order of trust:
 *   1. isced:level — 1 = primary, 2/3 = lower/upper secondary (ranges "1;2", "1-3", "2A" all read);
 *   2. school=* and school:<country>=* (e.g. school:de=Grundschule;Gymnasium), by value;
 *   3. grades — 1-4 / 1-6 primary, 5-10 / 7-9 secondary (ranges spanning both → both; see gradeLevels);
 *   4. the name (Grundschule / Gymnasium, 小学 / 中学, école primaire / collège, primary / high school …).
 * Sources: OSM wiki "Key:isced:level", "Key:school", "Key:grades"; UNESCO ISCED 2011 (level 1 = primary,
 * 2 = lower secondary, 3 = upper secondary). A school no clue classifies keeps the category `school`, which
 * counts for both primary and middle school (facility-categories.ts, `countsAs`).
 */
import type { Tags } from './osm-store';

export type SchoolCategory = 'primary_school' | 'middle_school' | 'school';
export type SchoolClue = 'isced' | 'school_tag' | 'grades' | 'name' | 'none';
export interface SchoolLevels {
  readonly levels: readonly SchoolCategory[];
  readonly rule: SchoolClue;
}

const P = 'primary';
const M = 'middle';
/** school=* / school:xx=* values (lower case) → level. Values not listed (special, music, vocational…) say nothing. */
const SCHOOL_VALUES: Readonly<Record<string, typeof P | typeof M>> = {
  primary: P, elementary: P, grundschule: P, volksschule: P, primarschule: P, primaire: P, élémentaire: P, elementaire: P,
  secondary: M, middle: M, lower_secondary: M, upper_secondary: M, high: M, high_school: M, junior_high: M, senior_high: M,
  gymnasium: M, realschule: M, hauptschule: M, gesamtschule: M, oberschule: M, mittelschule: M, sekundarschule: M,
  werkrealschule: M, berufsschule: M, collège: M, college: M, lycée: M, lycee: M, secundaria: M,
};

const PRIMARY_NAME = /小学|小學|grundschule|volksschule|primarschule|primary|elementary|école primaire|ecole primaire|école élémentaire|ecole elementaire|scuola primaria|escola primària|escuela primaria|начальная/i;
const MIDDLE_NAME =
  /中学|中學|初中|高中|gymnasium|realschule|gesamtschule|oberschule|mittelschule|hauptschule|sekundarschule|weiterführende|secondary|high school|middle school|collège|college|lycée|lycee|liceo|instituto|средняя/i;

function fromFlags(primary: boolean, middle: boolean): SchoolCategory[] {
  return [...(primary ? (['primary_school'] as const) : []), ...(middle ? (['middle_school'] as const) : [])];
}

/** ISCED levels in "1", "1;2A", "1-3", "2A;3A". */
export function iscedLevels(v: string): Set<number> {
  const out = new Set<number>();
  for (const part of v.split(/[;,]/)) {
    const range = /^\s*(\d)[A-C]?\s*-\s*(\d)[A-C]?\s*$/i.exec(part);
    if (range) for (let l = Number(range[1]); l <= Number(range[2]); l++) out.add(l);
    else {
      const one = /^\s*(\d)[A-C]?\s*$/i.exec(part);
      if (one) out.add(Number(one[1]));
    }
  }
  return out;
}

/**
 * grades "1-4", "5-10", "1;2;3", "K-5" (K = 0). Primary when it teaches a grade ≤ 4 (every system's primary
 * years); secondary when it teaches a grade ≥ 7, or starts at 5 or later (German/Austrian secondary starts
 * at 5). So 1-4 and 1-6 (China) are primary, 5-10 and 7-9 secondary, K-8 and 1-12 both.
 */
export function gradeLevels(v: string): SchoolCategory[] {
  const grades: number[] = [];
  for (const part of v.split(/[;,]/)) {
    const m = /^\s*(K|PK|\d{1,2})\s*(?:-\s*(K|\d{1,2}))?\s*$/i.exec(part);
    if (!m) continue;
    const num = (s: string) => (/^p?k$/i.test(s) ? 0 : Number(s));
    grades.push(num(m[1]), num(m[2] ?? m[1]));
  }
  if (!grades.length) return [];
  const lo = Math.min(...grades);
  return fromFlags(lo <= 4, Math.max(...grades) >= 7 || lo >= 5);
}

function schoolTagLevels(t: Tags): SchoolCategory[] {
  let primary = false;
  let middle = false;
  for (const [k, v] of Object.entries(t)) {
    if (k !== 'school' && !/^school:[a-z]{2}$/i.test(k)) continue;
    for (const part of v.split(';')) {
      const level = SCHOOL_VALUES[part.trim().toLowerCase()];
      if (level === P) primary = true;
      if (level === M) middle = true;
    }
  }
  return fromFlags(primary, middle);
}

export function schoolLevels(tags: Tags): SchoolLevels {
  const isced = tags['isced:level'];
  if (isced) {
    const l = iscedLevels(isced);
    const levels = fromFlags(l.has(1), l.has(2) || l.has(3));
    if (levels.length) return { levels, rule: 'isced' };
  }
  const bySchool = schoolTagLevels(tags);
  if (bySchool.length) return { levels: bySchool, rule: 'school_tag' };
  const byGrades = tags['grades'] ? gradeLevels(tags['grades']) : [];
  if (byGrades.length) return { levels: byGrades, rule: 'grades' };
  const name = [tags['name'], tags['name:zh'], tags['name:en'], tags['official_name']].filter(Boolean).join(' ');
  const byName = fromFlags(PRIMARY_NAME.test(name), MIDDLE_NAME.test(name));
  if (byName.length) return { levels: byName, rule: 'name' };
  return { levels: ['school'], rule: 'none' };
}
