/** Small readings with answers known by hand: maxspeed, ring joining, admin-level mappings, child estimate. */
import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { autoAdminLevels, estimateHome, parseAdminLevelMapping, parseMaxspeed, type ChildEstimateConfig } from '../../../../src/core/io/osm';
import { estimateInto } from '../../../../src/core/io/osm/estimate-children';
import { IdIndex } from '../../../../src/core/io/osm/id-index';
import { joinRings } from '../../../../src/core/io/osm/rings';
import { schoolLevels } from '../../../../src/core/io/osm/school-level';

describe('parseMaxspeed', () => {
  it.each([
    ['50', 50],
    ['30 mph', 48], // 30 × 1.609344 = 48.28
    ['20 mph', 32],
    ['DE:zone30', 30],
    ['DE:zone:30', 30],
    ['DE:urban', 50],
    ['RU:rural', 90],
    ['walk', 7],
    ['50;30', 50],
    ['none', undefined],
    ['signals', undefined],
    [undefined, undefined],
  ])('%s → %s', (raw, kmh) => expect(parseMaxspeed(raw)).toBe(kmh));
});

describe('joinRings', () => {
  it('joins ways end to end, reversing where needed', () => {
    expect(joinRings([[1, 2, 3], [5, 4, 3], [5, 6, 1]])).toEqual([[1, 2, 3, 4, 5, 6, 1]]);
  });
  it('keeps separate rings apart', () => {
    expect(joinRings([[1, 2, 3, 1], [7, 8, 9, 7]])).toEqual([[1, 2, 3, 1], [7, 8, 9, 7]]);
  });
  it('returns null when a ring cannot close', () => {
    expect(joinRings([[1, 2, 3], [3, 4]])).toBeNull();
  });
});

describe('admin levels', () => {
  it('auto: the finest single-unit wrapper is the city, the levels below it finest = community', () => {
    // 2, 4, 6 hold one unit each, 8 holds two: city = 6; below it 10, 9, 8 → community, street, district.
    expect(autoAdminLevels([2, 4, 6, 8, 9, 10, 8])).toEqual({ '10': 'community', '9': 'street', '8': 'district', '6': 'city' });
    // Every level one unit: the finest stays a sub-level, the one above it is the city (not a "street").
    expect(autoAdminLevels([2, 8, 10])).toEqual({ '10': 'community', '8': 'city' });
  });
  it('parses the CLI form and rejects unknown unit names', () => {
    expect(parseAdminLevelMapping('8=street, 10=community')).toEqual({ '8': 'street', '10': 'community' });
    expect(parseAdminLevelMapping('8=town')).toBeUndefined();
  });
});

describe('schoolLevels', () => {
  it.each([
    [{ 'isced:level': '1' }, ['primary_school'], 'isced'],
    [{ 'isced:level': '2;3' }, ['middle_school'], 'isced'],
    [{ 'isced:level': '1-3' }, ['primary_school', 'middle_school'], 'isced'],
    [{ school: 'secondary' }, ['middle_school'], 'school_tag'],
    [{ name: '深圳市福田区第一小学' }, ['primary_school'], 'name'],
    [{ name: '红岭中学' }, ['middle_school'], 'name'],
    [{ name: 'Schule am Wald' }, ['school'], 'none'],
  ])('%j', (tags, levels, rule) => expect(schoolLevels(tags as Record<string, string>)).toEqual({ levels, rule }));
});

describe('estimateHome', () => {
  const cfg: ChildEstimateConfig = {
    defaultLevels: 4,
    floorAreaPerPersonM2: 25,
    pointFootprintM2: 100,
    childShare: { '0-3': 0.1, '4-6': 0.05, '7-12': 0.2, '13-18': 0.25 },
  };
  const point = (props: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: props });

  it('point home, default storeys: 100 m² × 4 / 25 = 16 residents', () => {
    expect(estimateHome(point({}), cfg).properties).toEqual({
      levels: 4, population: 16, children_estimated: true, children_0_3: 1.6, children_4_6: 0.8, children_7_12: 3.2, children_13_18: 4,
    });
  });

  it('polygon home reads building:levels: 0.001° square (12,364 m²) × 2 / 25', () => {
    const d = 0.001;
    const f: Feature = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [d, 0], [d, d], [0, d], [0, 0]]] }, properties: { 'building:levels': '2' } };
    const p = estimateHome(f, cfg).properties!;
    const side = (6_371_008.8 * Math.PI) / 180 * d;
    expect(p.population).toBeCloseTo((side * side * 2) / 25, 0);
    expect(p.levels).toBe(2);
  });

  it('leaves homes with counts alone', () => {
    const f = point({ children_0_3: 3 });
    expect(estimateHome(f, cfg)).toBe(f);
  });

  it('estimateInto (the importer, in place) writes what estimateHome returns, keys in the same order', () => {
    const d = 0.001;
    const poly = { type: 'Polygon' as const, coordinates: [[[0, 0], [d, 0], [d, d], [0, d], [0, 0]]] };
    for (const props of [{ osm_id: 'w1', levels: 3, name: 'A' }, { osm_id: 'w2', building: 'house', name: 'B' }, { children_0_3: 2 }]) {
      const f: Feature = { type: 'Feature', geometry: poly, properties: { ...props } };
      const own = { ...props } as Record<string, unknown>;
      const changed = estimateInto(own, poly, cfg);
      const copy = estimateHome(f, cfg);
      expect(changed).toBe(copy !== f);
      expect(Object.entries(own)).toEqual(Object.entries(copy.properties!));
    }
  });
});

describe('IdIndex (chunked ids)', () => {
  it('finds every id across chunk boundaries, sorted or not, and -1 for absent ones (brute-force Map)', () => {
    for (const sorted of [true, false]) {
      const index = new IdIndex();
      const want = new Map<number, number>();
      let x = 7;
      // 135,000 ids: three 65,536-entry chunks; ids above 2^32 as OSM's are.
      for (let i = 0; i < 135_000; i++) {
        x = (x * 48271) % 2147483647;
        const id = sorted ? 2 ** 32 + i * 3 : 2 ** 32 + x;
        if (want.has(id)) continue;
        want.set(id, index.push(id));
      }
      index.seal();
      const wrong = [...want].filter(([id, pos]) => index.indexOf(id) !== pos);
      expect(wrong).toEqual([]);
      expect(index.indexOf(2 ** 32 + 1)).toBe(sorted ? -1 : (want.get(2 ** 32 + 1) ?? -1));
      expect(index.indexOf(5)).toBe(-1);
    }
  });
});
