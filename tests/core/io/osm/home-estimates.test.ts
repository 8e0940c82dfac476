/** The home rule (tag table), scaling to a known population (hand-computed) and the plausibility thresholds. */
import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { classifyBuilding, taggedLevels } from '../../../../src/core/io/osm/home-rule';
import { parsePopulation, scaleByAreas, scaleHome, scaleInPlace, scaleToPopulation } from '../../../../src/core/io/osm/known-population';
import { plausibilityWarnings, summarizeHomes } from '../../../../src/core/io/osm/plausibility';
import { estimateChildren, presetFor, resolveEstimate, DEFAULT_CHILD_ESTIMATE } from '../../../../src/core/io/osm/estimate-children';

describe('classifyBuilding', () => {
  it.each([
    [{ building: 'house' }, { home: true, rule: 'building_type' }],
    [{ building: 'bungalow' }, { home: true, rule: 'building_type' }],
    [{ building: 'farm' }, { home: true, rule: 'building_type' }],
    [{ building: 'apartments', shop: 'bakery' }, { home: true, rule: 'building_type' }], // flats over a shop
    [{ building: 'yes', 'building:use': 'residential' }, { home: true, rule: 'building_use' }],
    [{ building: 'yes' }, { home: 'if_residential_landuse' }],
    [{ building: 'yes', shop: 'supermarket' }, { home: false, reason: 'non_residential_use' }],
    [{ building: 'yes', amenity: 'place_of_worship' }, { home: false, reason: 'non_residential_use' }],
    [{ building: 'yes', 'building:use': 'commercial' }, { home: false, reason: 'non_residential_use' }],
    [{ building: 'yes', shop: 'no' }, { home: 'if_residential_landuse' }],
    [{ building: 'garage' }, { home: false, reason: 'non_residential_building' }],
    [{ building: 'church' }, { home: false, reason: 'non_residential_building' }],
    [{ building: 'school' }, { home: false, reason: 'non_residential_building' }],
    [{ building: 'shed' }, { home: false, reason: 'non_residential_building' }],
    [{ building: 'something_odd' }, { home: false, reason: 'other_building' }],
  ])('%j', (tags, verdict) => expect(classifyBuilding(tags as Record<string, string>)).toEqual(verdict));

  it('reads storeys from building:levels, else levels; junk and 0 are untagged', () => {
    expect(taggedLevels({ 'building:levels': '4' })).toBe(4);
    expect(taggedLevels({ levels: '2,5' })).toBe(2.5);
    expect(taggedLevels({ 'building:levels': '0', levels: '3' })).toBe(3);
    expect(taggedLevels({ 'building:levels': 'many' })).toBeUndefined();
  });
});

const pt = (x: number, props: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, 0] }, properties: props });
const est = (x: number, population: number) =>
  pt(x, { population, children_estimated: true, children_0_3: population * 0.1, children_4_6: 0, children_7_12: population * 0.2, children_13_18: 0 });

describe('scaling to a known population', () => {
  it('scaleInPlace (the importer) writes into the feature what scaleHome returns as a copy', () => {
    const a = est(0, 10);
    const copy = scaleHome(a, 3);
    expect(a.properties?.population).toBe(10);
    const same = scaleInPlace(a, 3);
    expect(same).toBe(a);
    expect(Object.entries(a.properties!)).toEqual(Object.entries(copy.properties!));
    expect(a.properties).toMatchObject({ population: 30, children_0_3: 3, children_7_12: 6 });
  });

  it('multiplies population and children by known ÷ estimated (10+20+30 = 60 → 120: ×2); counted homes untouched', () => {
    const counted = pt(9, { children_0_3: 7, children_4_6: 1, children_7_12: 1, children_13_18: 1 });
    const { homes, group } = scaleToPopulation([est(0, 10), est(1, 20), est(2, 30), counted], 120);
    expect(group).toMatchObject({ known: 120, estimated: 60, homes: 3 });
    expect(homes.map((f) => f.properties?.population)).toEqual([20, 40, 60, undefined]);
    expect(homes.map((f) => f.properties?.children_7_12)).toEqual([4, 8, 12, 1]);
    expect(homes[0].properties?.children_estimated).toBe(true);
    expect(homes[3]).toBe(counted);
  });

  it('per unit: the finest tagged area wins; homes outside every area stay', () => {
    const square = (x0: number, x1: number) => ({ type: 'Polygon' as const, coordinates: [[[x0, -1], [x1, -1], [x1, 1], [x0, 1], [x0, -1]]] });
    const areas = [
      { id: 'r1', level: 8, population: 1000, geometry: square(-0.5, 5.5) },
      { id: 'r2', level: 10, population: 90, geometry: square(-0.5, 1.5) },
    ];
    // Homes at x = 0, 1 (in r2: 10 + 20 = 30 → 90, ×3), x = 2 (only r1: 30 → 1000), x = 7 (none).
    const { homes, groups } = scaleByAreas([est(0, 10), est(1, 20), est(2, 30), est(7, 40)], areas);
    expect(homes.map((f) => f.properties?.population)).toEqual([30, 60, 1000, 40]);
    expect(groups).toEqual([
      { id: 'r1', known: 1000, estimated: 30, homes: 1 },
      { id: 'r2', known: 90, estimated: 30, homes: 2 },
    ]);
  });

  it('reads population tags with thousands separators, refuses others', () => {
    expect(parsePopulation('34255')).toBe(34255);
    expect(parsePopulation('34 255')).toBe(34255);
    expect(parsePopulation('34,255')).toBe(34255);
    expect(parsePopulation('about 30000')).toBeUndefined();
    expect(parsePopulation('0')).toBeUndefined();
  });
});

describe('plausibility', () => {
  const shares = { '0-3': 0.05, '4-6': 0.05, '7-12': 0.05, '13-18': 0.05 }; // 200 per 1,000
  const homeWith = (population: number, children: number, building = 'yes') =>
    pt(0, { population, building, children_0_3: children, children_4_6: 0, children_7_12: 0, children_13_18: 0, children_estimated: true });
  const codes = (hs: Feature[], groups = []) => plausibilityWarnings(summarizeHomes(hs, shares), groups).map((w) => w.code);

  it('the line gives people per home and children per 1,000 against the shares', () => {
    const [line] = plausibilityWarnings(summarizeHomes([homeWith(300, 60), homeWith(100, 20)], shares));
    expect(line).toMatchObject({ code: 'info.osm.plausibility', count: 2, params: { people: 400, per_home: 200, children_per_1000: 200, expected_per_1000: 200 } });
  });

  it('children per 1,000: 299 (49.5 % off) passes, 301 (50.5 % off) warns; 99 warns', () => {
    expect(codes([homeWith(1000, 299)])).not.toContain('osm.plausibility_children');
    expect(codes([homeWith(1000, 301)])).toContain('osm.plausibility_children');
    expect(codes([homeWith(1000, 99)])).toContain('osm.plausibility_children');
  });

  it('people per home: 1 and 500 pass, 0.9 and 501 warn', () => {
    expect(codes([homeWith(1, 0.2)])).not.toContain('osm.plausibility_per_home');
    expect(codes([homeWith(0.9, 0.18)])).toContain('osm.plausibility_per_home');
    expect(codes([homeWith(500, 100), homeWith(500, 100)])).not.toContain('osm.plausibility_per_home');
    expect(codes([homeWith(501, 100.2)])).toContain('osm.plausibility_per_home');
  });

  it('people per house: 20 houses of 8 pass, of 8.5 warn; 19 houses are too few to judge', () => {
    const houses = (n: number, p: number) => Array.from({ length: n }, () => homeWith(p, p * 0.2, 'house'));
    expect(codes(houses(20, 8))).not.toContain('osm.plausibility_per_house');
    expect(codes(houses(20, 8.5))).toContain('osm.plausibility_per_house');
    expect(codes(houses(19, 8.5))).not.toContain('osm.plausibility_per_house');
  });

  it('a known population: estimate 151 % or 49 % of it warns, 150 % does not', () => {
    const g = (estimated: number) => [{ id: 'r1', known: 100, estimated, homes: 1 }] as never;
    const hs = [homeWith(100, 20)];
    expect(codes(hs, g(150))).toEqual(['info.osm.plausibility', 'info.osm.known_population']);
    expect(codes(hs, g(151))).toContain('osm.known_population_off');
    expect(codes(hs, g(49))).toContain('osm.known_population_off');
  });
});

describe('estimate presets', () => {
  it("'auto' is CN in China's box, DE elsewhere; explicit numbers without a preset are kept", () => {
    expect(presetFor(114.06, 22.54)).toBe('CN'); // Shenzhen
    expect(presetFor(8.06, 50.39)).toBe('DE'); // Limburg
    expect(resolveEstimate(DEFAULT_CHILD_ESTIMATE, [8.06, 50.39])).toMatchObject({ preset: 'DE', defaultLevels: 2, floorAreaPerPersonM2: 59 });
    const fc = { type: 'FeatureCollection' as const, features: [pt(8, {})] };
    // A point home: 100 m² × 5 storeys / 50 m² = 10 people when the caller gives its own numbers.
    expect(estimateChildren(fc, { defaultLevels: 5, floorAreaPerPersonM2: 50 }).features[0].properties?.population).toBe(10);
    // The same point in Europe with the defaults: 100 × 2 / 59 = 3.39.
    expect(estimateChildren(fc).features[0].properties?.population).toBe(3.39);
  });
});
