/**
 * amenity=school says nothing about the pupils' age. Tags that do, in order of trust: isced:level
 * (1 = primary, 2/3 = lower/upper secondary), school=*, then the name (小学 / 中学, Grundschule / Gymnasium).
 * A school with no hint stays primary_school with `category_uncertain`.
 */
import type { Tags } from './osm-store';

export type SchoolLevel = 'primary_school' | 'middle_school';
export interface SchoolLevels {
  readonly levels: readonly SchoolLevel[];
  readonly rule: 'isced' | 'school_tag' | 'name' | 'default';
}

const SCHOOL_TAG: Readonly<Record<string, SchoolLevel>> = {
  primary: 'primary_school',
  elementary: 'primary_school',
  secondary: 'middle_school',
  middle: 'middle_school',
  lower_secondary: 'middle_school',
  upper_secondary: 'middle_school',
  high: 'middle_school',
  high_school: 'middle_school',
};

const PRIMARY_NAME = /小学|小學|grundschule|primary|elementary|école primaire|scuola primaria|escola primària|начальная/i;
const MIDDLE_NAME = /中学|中學|初中|高中|gymnasium|realschule|gesamtschule|oberschule|secondary|high school|collège|lycée|liceo|institut/i;

function iscedLevels(v: string): Set<number> {
  const out = new Set<number>();
  for (const part of v.split(';')) {
    const range = /^\s*(\d)\s*-\s*(\d)\s*$/.exec(part);
    if (range) for (let l = Number(range[1]); l <= Number(range[2]); l++) out.add(l);
    else if (/^\s*\d\s*$/.test(part)) out.add(Number(part));
  }
  return out;
}

function fromSet(primary: boolean, middle: boolean): SchoolLevel[] {
  return [...(primary ? (['primary_school'] as const) : []), ...(middle ? (['middle_school'] as const) : [])];
}

export function schoolLevels(tags: Tags): SchoolLevels {
  const isced = tags['isced:level'];
  if (isced) {
    const l = iscedLevels(isced);
    const levels = fromSet(l.has(1), l.has(2) || l.has(3));
    if (levels.length) return { levels, rule: 'isced' };
  }
  const school = tags['school'];
  if (school) {
    const parts = school.split(';').map((s) => SCHOOL_TAG[s.trim()]);
    const levels = fromSet(parts.includes('primary_school'), parts.includes('middle_school'));
    if (levels.length) return { levels, rule: 'school_tag' };
  }
  const name = [tags['name'], tags['name:zh'], tags['name:en']].filter(Boolean).join(' ');
  const levels = fromSet(PRIMARY_NAME.test(name), MIDDLE_NAME.test(name));
  if (levels.length) return { levels, rule: 'name' };
  return { levels: ['primary_school'], rule: 'default' };
}
