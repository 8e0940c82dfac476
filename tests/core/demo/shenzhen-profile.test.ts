/**
 * The Shenzhen-scale profile of the generator: Shenzhen's administrative shape (10 districts, 74 streets,
 * about 670 communities) whatever the population, homes as points inside their community, people conserved.
 * Generated here at 1 M people (the shape does not depend on it); the 17.7 M city is the same code.
 */
import { area, booleanPointInPolygon } from '@turf/turf';
import type { Feature, Point, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCity, SHENZHEN, type DemoCity } from '../../../src/core/demo';

let city: DemoCity;
const layer = (file: string) => city.layers.find((l) => l.file === file)!.data.features;
const props = (f: Feature) => f.properties as Record<string, unknown>;

beforeAll(() => {
  city = generateDemoCity({ profile: 'shenzhen', people: 1_000_000 });
});

describe('generateDemoCity({ profile: "shenzhen" })', () => {
  it('has 1 city, 10 districts, 74 streets (as many per district as asked) and 660 communities', () => {
    const district = layer('units_district.fgb');
    const street = layer('units_street.fgb');
    const community = layer('units_community.fgb');
    expect(layer('units_city.fgb')).toHaveLength(1);
    expect(district).toHaveLength(10);
    expect(street).toHaveLength(74);
    expect(community).toHaveLength(SHENZHEN.nx * SHENZHEN.ny);
    const perDistrict = district.map((d) => street.filter((s) => props(s).parent_id === props(d).id).length);
    expect(perDistrict).toEqual([...SHENZHEN.streetsPerDistrict]);
    // Every community's parent is a street, every street's a district; codes are unique.
    const streetIds = new Set(street.map((s) => props(s).id));
    expect(community.every((c) => streetIds.has(props(c).parent_id))).toBe(true);
    const codes = [...district, ...street, ...community].map((u) => props(u).admin_code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('tiles: communities cover the city exactly, each street is the union of its communities', () => {
    const cityArea = area(layer('units_city.fgb')[0]);
    const community = layer('units_community.fgb');
    const sum = community.reduce((s, c) => s + area(c), 0);
    expect(Math.abs(sum - cityArea) / cityArea).toBeLessThan(1e-9);
    for (const s of layer('units_street.fgb')) {
      const own = community.filter((c) => props(c).parent_id === props(s).id).reduce((t, c) => t + area(c), 0);
      expect(Math.abs(own - area(s)) / area(s)).toBeLessThan(1e-9);
    }
  });

  it('keeps every person: homes are points whose people add up to the population, each inside a community', () => {
    const homes = layer('homes.fgb') as Feature<Point>[];
    expect(homes.every((h) => h.geometry.type === 'Point')).toBe(true);
    const people = homes.reduce((s, h) => s + (props(h).population as number), 0);
    // Stochastic rounding per home: the sum stays within 0.1 % of the population asked for.
    expect(Math.abs(people - 1_000_000) / 1_000_000).toBeLessThan(1e-3);
    const community = layer('units_community.fgb') as Feature<Polygon>[];
    for (let i = 0; i < homes.length; i += 97) {
      const inside = community.filter((c) => booleanPointInPolygon(homes[i], c));
      expect(inside, props(homes[i]).id as string).toHaveLength(1);
    }
  });

  it('leaves the committed demo as it was: the demo profile ignores the Shenzhen shape', () => {
    const demo = generateDemoCity({ people: 300_000 });
    expect(demo.manifest.layers.find((l) => l.file === 'units_street.fgb')!.featureCount).toBe(12);
    expect(demo.layers.find((l) => l.file === 'homes.fgb')!.data.features[0].geometry.type).toBe('Polygon');
  });
});
