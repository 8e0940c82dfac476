/** Which field names count as personal data about children, and the split / merge of their values. */
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { isChildLayer, mergeFields, personalFieldsOf, personalFieldsToDrop, splitFields } from '../../../src/core/io/personal-fields';

describe('personal field names', () => {
  it('flags every name on the documented list, in English and Chinese, with any case and separator', () => {
    const flagged = [
      'child_name', 'Child Name', 'kid-name', 'parent_name', 'first_name', 'FirstName', 'last_name', 'full_name', 'surname',
      'given_name', 'family_name', '姓名', '名字', '儿童姓名', 'birthdate', 'birth_date', 'DOB', 'date_of_birth', 'child_dob',
      '出生日期', '生日', 'phone', 'tel', 'Mobile', 'parent_phone', 'email', '电话', '手机', '联系电话', 'id_number', 'ID_Card',
      'id_no', 'national_id', 'passport', 'ssn', '身份证', '身份证号', '护照', 'photo', 'picture', 'child_photo', '照片', '头像',
    ];
    expect(personalFieldsOf(flagged)).toEqual(flagged);
  });

  it('leaves counts, ids and the names of places alone', () => {
    const fine = ['name', 'name_zh', 'id', 'osm_id', 'children_0_3', 'children_total', 'building', 'phone_count', 'telescope', 'photography_club', 'named_after', 'surnames_count', '名称'];
    expect(personalFieldsOf(fine)).toEqual([]);
  });

  it('a layer is about children when it holds homes or its fields mention children', () => {
    expect(isChildLayer('homes', ['name'])).toBe(true);
    expect(isChildLayer('facilities', ['name', 'students'])).toBe(true);
    expect(isChildLayer('facilities', ['name', '儿童人数'])).toBe(true);
    expect(isChildLayer('other', ['child_name'])).toBe(true);
    expect(isChildLayer('facilities', ['name', 'phone', 'category'])).toBe(false);
    expect(isChildLayer('streets', ['highway', 'kidney'])).toBe(false);
    // A kindergarten's phone is not a child's: nothing to drop there.
    expect(personalFieldsToDrop('facilities', ['name', 'phone', 'category'])).toEqual([]);
    expect(personalFieldsToDrop('homes', ['id', 'children_4_6', 'child_name', 'phone'])).toEqual(['child_name', 'phone']);
  });
});

describe('split and merge', () => {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { id: 'h1', children_0_3: 2, child_name: 'Li Wei', phone: '138' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 0] }, properties: { id: 'h2', children_0_3: 0 } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [2, 0] }, properties: { id: 'h3', child_name: '' } },
    ],
  };

  it('removes the fields without touching the input, and counts features with a value', () => {
    const before = JSON.stringify(fc);
    const s = splitFields(fc, ['child_name', 'phone']);
    expect(s.data.features.map((f) => f.properties)).toEqual([{ id: 'h1', children_0_3: 2 }, { id: 'h2', children_0_3: 0 }, { id: 'h3' }]);
    expect(s.withheld).toEqual([{ child_name: 'Li Wei', phone: '138' }, null, { child_name: '' }]);
    expect(s.featuresWithValues).toBe(1);
    expect(JSON.stringify(fc)).toBe(before);
    expect(s.data.features[1]).toBe(fc.features[1]);
  });

  it('merge puts back exactly what split took', () => {
    const s = splitFields(fc, ['child_name', 'phone']);
    expect(mergeFields(s.data, s.withheld)).toEqual(fc);
  });
});
