/**
 * Personal data about children has no place in this app (counts by age band are all it needs). In homes
 * and in any layer about children, fields whose NAME says they hold a person's identity are flagged and,
 * unless the user keeps them for the session, dropped; they are never saved in a project.
 *
 * Flagged field names (case-insensitive, whole name, separators `_`, `-`, space or none; a `child_`,
 * `kid_`, `parent_`, `mother_`, `father_`, `guardian_` or `student_` prefix is allowed):
 * - a person's name: name (only with one of those prefixes, e.g. child_name; a plain `name` is a
 *   building's or a place's), first_name, last_name, full_name, surname, given_name, family_name, 姓名, 名字
 * - birth: birthdate, birth_date, birthday, dob, date_of_birth, 出生日期, 生日
 * - contact: phone, telephone, tel, mobile, cellphone, email, 电话, 手机, 联系电话, 邮箱
 * - identity documents: id_number, id_card, id_no, national_id, passport, ssn, 身份证, 身份证号, 护照
 * - images of a person: photo, picture, portrait, face, 照片, 头像
 * A layer is about children when its role is `homes` or a field name mentions children (child, children,
 * kid, pupil, student, baby, infant, 儿童, 孩子, 幼儿, 学生, 婴儿).
 */
import type { FeatureCollection } from 'geojson';

export const PERSONAL_WARNINGS = {
  dropped: 'warning.io.personal-fields-dropped',
  kept: 'warning.io.personal-fields-kept',
} as const;

const PREFIX = '(?:(?:child|kid|parent|mother|father|guardian|student)[_\\- ]?)?';
const PERSONAL_NAMES = [
  // a plain `name` is not flagged: only with a person prefix
  '(?:child|kid|parent|mother|father|guardian|student)[_\\- ]?name',
  'first[_\\- ]?name', 'last[_\\- ]?name', 'full[_\\- ]?name', 'surname', 'given[_\\- ]?name', 'family[_\\- ]?name',
  `${PREFIX}(?:birth[_\\- ]?date|birthday|dob|date[_\\- ]?of[_\\- ]?birth)`,
  `${PREFIX}(?:phone|telephone|tel|mobile|cell[_\\- ]?phone|e[_\\- ]?mail)`,
  `${PREFIX}(?:id[_\\- ]?(?:number|card|no)|national[_\\- ]?id|passport|ssn)`,
  `${PREFIX}(?:photo|picture|portrait|face)`,
];
const PERSONAL = new RegExp(`^(?:${PERSONAL_NAMES.join('|')})$`, 'i');
const PERSONAL_ZH = /^(?:(?:儿童|孩子|学生|家长)?(?:姓名|名字|出生日期|生日|电话|手机|联系电话|邮箱|身份证|身份证号|护照|照片|头像))$/;
const CHILD_FIELD = /(?:^|[_\- ])(?:child|children|kid|kids|pupil|pupils|student|students|baby|babies|infant|infants)(?:$|[_\- ])|儿童|孩子|幼儿|学生|婴儿/i;

/** The field names that hold personal data (see the list above), in their order. */
export function personalFieldsOf(fieldNames: readonly string[]): string[] {
  return fieldNames.filter((f) => PERSONAL.test(f.trim()) || PERSONAL_ZH.test(f.trim()));
}

/** True for homes and for layers whose fields are about children. */
export function isChildLayer(role: string, fieldNames: readonly string[]): boolean {
  return role === 'homes' || fieldNames.some((f) => CHILD_FIELD.test(f));
}

/** The personal fields to withhold from a layer with this role, or [] when none / not about children. */
export function personalFieldsToDrop(role: string, fieldNames: readonly string[]): string[] {
  return isChildLayer(role, fieldNames) ? personalFieldsOf(fieldNames) : [];
}

export interface SplitFields {
  /** The features without the fields (new objects; the input is not changed). */
  readonly data: FeatureCollection;
  /** Per feature, the withheld values (null when the feature had none of the fields). */
  readonly withheld: readonly (Readonly<Record<string, unknown>> | null)[];
  /** How many features had a value in any of the fields. */
  readonly featuresWithValues: number;
}

/** Removes `fields` from every feature's properties, keeping what was removed beside it. */
export function splitFields(fc: FeatureCollection, fields: readonly string[]): SplitFields {
  const drop = new Set(fields);
  let featuresWithValues = 0;
  const withheld: (Record<string, unknown> | null)[] = [];
  const features = fc.features.map((f) => {
    const props = f.properties;
    if (!props || !fields.some((k) => Object.hasOwn(props, k))) {
      withheld.push(null);
      return f;
    }
    const kept: Record<string, unknown> = {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) {
      if (drop.has(k)) out[k] = v;
      else kept[k] = v;
    }
    if (Object.values(out).some((v) => v !== null && v !== undefined && v !== '')) featuresWithValues++;
    withheld.push(out);
    return { ...f, properties: kept };
  });
  return { data: { ...fc, features }, withheld, featuresWithValues };
}

/** Puts withheld values back (the user chose to keep them for this session). */
export function mergeFields(fc: FeatureCollection, withheld: readonly (Readonly<Record<string, unknown>> | null)[]): FeatureCollection {
  return {
    ...fc,
    features: fc.features.map((f, i) => (withheld[i] ? { ...f, properties: { ...(f.properties ?? {}), ...withheld[i] } } : f)),
  };
}
