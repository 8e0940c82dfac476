/**
 * Issue 12, item 3: the tag → category mapping is shown and editable in the import dialog. The dialog edits
 * each category's tags as text (`formatTagMatches` / `parseTagMatches`); the import uses the edited table.
 * Expectations for tiny.osm are read off the fixture by hand: n56 is amenity=childcare, n57 amenity=kindergarten.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OSM_CATEGORY_MAPPING, formatTagMatches, parseTagMatches } from '../../../../src/core/io/osm';
import { byOsmId, fixtures, importOk, layer, readBytes } from './helpers';

describe('tag rules as text', () => {
  it('reads what it writes, for every rule of the default mapping', () => {
    for (const r of DEFAULT_OSM_CATEGORY_MAPPING) expect(parseTagMatches(formatTagMatches(r.anyOf))).toEqual(r.anyOf);
  });

  it('reads the forms a user types', () => {
    expect(parseTagMatches('amenity=kindergarten|childcare')).toEqual([{ key: 'amenity', values: ['kindergarten', 'childcare'] }]);
    expect(parseTagMatches(' baby_feeding=* , room = baby_changing ')).toEqual([{ key: 'baby_feeding' }, { key: 'room', values: ['baby_changing'] }]);
    expect(parseTagMatches('healthcare:speciality=paediatrics · healthcare=paediatrics'))
      .toEqual([{ key: 'healthcare:speciality', values: ['paediatrics'] }, { key: 'healthcare', values: ['paediatrics'] }]);
    expect(parseTagMatches('')).toEqual([]);
  });

  it('refuses what it cannot read instead of guessing', () => {
    for (const bad of ['amenity', '=school', 'amenity=', 'ame nity=school', 'amenity=|', '<b>=x']) expect(parseTagMatches(bad), bad).toBeNull();
  });
});

describe('an edited mapping drives the import', () => {
  it('childcare edited into kindergarten, nursery switched off: n56 becomes a kindergarten, no nursery is left', async () => {
    const bytes = readBytes(path.join(fixtures, 'tiny.osm'));
    const before = byOsmId(layer(await importOk(bytes, 'tiny.osm', { estimateChildren: false }), 'facilities'));
    expect(before.get('n56')![0].properties?.category).toBe('nursery');

    const mapping = DEFAULT_OSM_CATEGORY_MAPPING.map((r) =>
      r.category === 'kindergarten' ? { ...r, anyOf: parseTagMatches('amenity=kindergarten|childcare')! }
        : r.category === 'nursery' ? { ...r, anyOf: parseTagMatches('')! } : r);
    const after = byOsmId(layer(await importOk(bytes, 'tiny.osm', { estimateChildren: false, categoryMapping: mapping }), 'facilities'));
    expect(after.get('n56')![0].properties?.category).toBe('kindergarten');
    expect(after.get('n57')![0].properties?.category).toBe('kindergarten');
    expect([...after.values()].flat().some((f) => f.properties?.category === 'nursery')).toBe(false);
  });
});
