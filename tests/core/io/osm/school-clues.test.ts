/** Each school clue with hand-made tags, and a `school` facility counting for both primary and middle rules. */
import { describe, expect, it } from 'vitest';
import { gradeLevels, schoolLevels } from '../../../../src/core/io/osm/school-level';
import { buildFacilityTable } from '../../../../src/core/tables';

const P = ['primary_school'];
const M = ['middle_school'];
const B = ['primary_school', 'middle_school'];

describe('school clues', () => {
  it.each([
    // isced:level, with the letter suffixes and lists seen in Limburg
    [{ 'isced:level': '1;2A' }, B, 'isced'],
    [{ 'isced:level': '3B', name: 'Grundschule X' }, M, 'isced'], // isced beats the name
    [{ 'isced:level': '2A;3A' }, M, 'isced'],
    [{ 'isced:level': '1-3' }, B, 'isced'],
    // school=* and school:xx=*
    [{ school: 'primary' }, P, 'school_tag'],
    [{ 'school:de': 'Grundschule;Hauptschule;Realschule' }, B, 'school_tag'],
    [{ 'school:DE': 'Gymnasium' }, M, 'school_tag'],
    [{ 'school:de': 'Förderschule', grades: '1-12' }, B, 'grades'], // special school: the grades decide
    // grades
    [{ grades: '1-4' }, P, 'grades'],
    [{ grades: '5-10' }, M, 'grades'],
    [{ grades: 'K-8' }, B, 'grades'],
    // names in German, Chinese, French, English
    [{ name: 'Grundschule Linter' }, P, 'name'],
    [{ name: 'Volksschule Mitte' }, P, 'name'],
    [{ name: 'Tilemannschule Gymnasium' }, M, 'name'],
    [{ name: 'Mittelschule Nord' }, M, 'name'],
    [{ name: '福田区实验小学' }, P, 'name'],
    [{ name: '深圳中学' }, M, 'name'],
    [{ name: '北京市第一初中' }, M, 'name'],
    [{ name: 'École élémentaire Jules Ferry' }, P, 'name'],
    [{ name: 'Collège Charles III' }, M, 'name'],
    [{ name: 'Lycée Albert-1er' }, M, 'name'],
    [{ name: 'Lincoln Elementary School' }, P, 'name'],
    [{ name: 'Central High School' }, M, 'name'],
    [{ name: 'Школа № 57' }, ['school'], 'none'], // школа is generic
    [{ 'school:de': 'Förderschule', name: 'Albert-Schweitzer-Schule' }, ['school'], 'none'],
  ])('%j', (tags, levels, rule) => expect(schoolLevels(tags as Record<string, string>)).toEqual({ levels, rule }));

  it('grades outside any known form say nothing', () => expect(gradeLevels('all')).toEqual([]));
});

describe('a school of unknown level in the facility table', () => {
  it('takes a primary and a middle row at the same place; other categories one row', () => {
    const pt = (id: string, category: string, x: number) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [x, 0] }, properties: { id, category } });
    const t = buildFacilityTable([{ fc: { type: 'FeatureCollection', features: [pt('a', 'school', 1), pt('b', 'park', 2)] } }]);
    expect(t.category).toEqual(['primary_school', 'middle_school', 'park']);
    expect(t.ids).toEqual(['a/primary_school', 'a/middle_school', 'b']);
    expect([...t.lng]).toEqual([1, 1, 2]);
    expect([...t.featureIdx]).toEqual([0, 0, 1]);
  });
});

describe('grades edges', () => {
  it.each([
    ['1-6', P], // Chinese primary
    ['7-9', M], // Chinese lower secondary
    ['5-6', M], // starts where German secondary starts
    ['1;2;3', P],
  ])('%s', (g, levels) => expect(gradeLevels(g)).toEqual(levels));
});
