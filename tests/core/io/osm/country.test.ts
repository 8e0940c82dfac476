/**
 * Country detection (ISO tags first, then approximate boxes), the admin-level presets and the structural
 * fallback on hand-made boundary sets, and all of it end to end on every real extract in shared/data/osm.
 */
import path from 'node:path';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ADMIN_LEVEL_PRESETS, adminLevelsFor, autoAdminLevels, resolveAdminLevels } from '../../../../src/core/io/osm/admin-levels';
import { countryCodeOfTags, countryOfBBox, detectCountry } from '../../../../src/core/io/osm/country';
import type { LoadedLayer } from '../../../../src/core/model';
import { countryOfLayers, suggestRulePack, suggestRulePackForLayers } from '../../../../src/core/rules';
import { importOk, readBytes, sharedData } from './helpers';

const square = (x0: number, y0: number, x1: number, y1: number): Polygon =>
  ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });

describe('country codes from tags', () => {
  it.each([
    [{ admin_level: '2', 'ISO3166-1': 'fr' }, 'FR'],
    [{ admin_level: '2', 'ISO3166-1:alpha2': 'LI', 'ISO3166-1': 'LI' }, 'LI'],
    [{ admin_level: '4', 'ISO3166-2': 'DE-HE' }, 'DE'],
    [{ admin_level: '8', 'ISO3166-2': 'LI-11' }, 'LI'],
    [{ admin_level: '4', 'ISO3166-1': 'DE' }, undefined], // ISO3166-1 counts on a country relation only
    [{ admin_level: '2', 'ISO3166-1': 'FRA' }, undefined],
    [{ admin_level: '8', name: 'Limburg an der Lahn' }, undefined],
  ])('%o → %s', (tags, code) => {
    expect(countryCodeOfTags(tags)).toBe(code);
  });
});

describe('detectCountry', () => {
  const points = (lng: number, lat: number, n = 10): [number, number][] => Array.from({ length: n }, (_, i) => [lng + i * 1e-4, lat]);
  it('one tagged country wins outright', () => {
    expect(detectCountry({ tagged: ['DE', 'DE'], polygons: new Map(), points: points(8.06, 50.39) })).toEqual({ code: 'DE', source: 'tags' });
  });
  it('of France and Monaco, the assembled Monaco polygon that holds the data wins over France\'s larger box', () => {
    const mc = square(7.40, 43.72, 7.44, 43.76);
    expect(detectCountry({ tagged: ['FR', 'MC', 'FR'], polygons: new Map([['MC', mc]]), points: points(7.42, 43.74) })).toEqual({ code: 'MC', source: 'tags' });
    // Data in Nice, 15 km west: Monaco holds none of it, France all.
    expect(detectCountry({ tagged: ['FR', 'MC'], polygons: new Map([['MC', mc]]), points: points(7.26, 43.70) })?.code).toBe('FR');
  });
  it('without tags, the smallest table box holding most points: Moscow → RU, Shenzhen → CN, Limburg → DE (not FR)', () => {
    expect(detectCountry({ tagged: [], polygons: new Map(), points: points(37.6, 55.8) })).toEqual({ code: 'RU', source: 'bbox' });
    expect(detectCountry({ tagged: [], polygons: new Map(), points: points(114.05, 22.54) })?.code).toBe('CN');
    expect(detectCountry({ tagged: [], polygons: new Map(), points: points(8.06, 50.39) })?.code).toBe('DE');
    expect(countryOfBBox([1.45, 42.45, 1.6, 42.6])?.code).toBe('AD');
  });
  it('nowhere known (mid-Atlantic) → undefined; only unknown tagged countries → the most tagged one', () => {
    expect(detectCountry({ tagged: [], polygons: new Map(), points: points(-30, 30) })).toBeUndefined();
    expect(detectCountry({ tagged: ['NZ', 'AU', 'NZ'], polygons: new Map(), points: points(174.7, -41.3) })).toEqual({ code: 'NZ', source: 'tags' });
  });
});

describe('admin-level presets and the structural fallback', () => {
  it('DE on a town with its Ortsbezirke: 8 → city, 9 → street (one entry per assembled unit)', () => {
    expect(resolveAdminLevels(ADMIN_LEVEL_PRESETS['DE']!, [8, 9, 9, 9])).toEqual({ '8': 'city', '9': 'street' });
  });
  it('DE keeps the finest city level present: a Kreis (6) with its Gemeinden (8) → the Gemeinden are the cities', () => {
    expect(resolveAdminLevels(ADMIN_LEVEL_PRESETS['DE']!, [6, 8, 8, 8, 10])).toEqual({ '8': 'city', '10': 'community' });
  });
  it('CN: Shenzhen (5) → city, 区 (6) → district, 街道 (8) → street, 社区 (10) → community; Beijing (4) when no 5', () => {
    expect(resolveAdminLevels(ADMIN_LEVEL_PRESETS['CN']!, [4, 5, 6, 6, 8, 8, 10, 10])).toEqual({ '5': 'city', '6': 'district', '8': 'street', '10': 'community' });
    expect(resolveAdminLevels(ADMIN_LEVEL_PRESETS['CN']!, [4, 6, 8])).toEqual({ '4': 'city', '6': 'district', '8': 'street' });
  });
  it('RU / Moscow: 4 → city, 5 (okrug) → district, 8 (raion) → street', () => {
    expect(resolveAdminLevels(ADMIN_LEVEL_PRESETS['RU']!, [4, 5, 5, 8, 8, 8])).toEqual({ '4': 'city', '5': 'district', '8': 'street' });
  });
  it('unknown country: the structure decides, and a whole town is the city, never a street', () => {
    expect(adminLevelsFor(undefined, [8, 9, 9, 9])).toEqual({ '8': 'city', '9': 'community' });
    expect(adminLevelsFor('FR', [8])).toEqual({ '8': 'city' });
    // Several units at the coarsest level: no city (the whole extract stands for it).
    expect(autoAdminLevels([7, 7, 7])).toEqual({ '7': 'community' });
  });
});

describe('rule-pack suggestion', () => {
  it('CN → default, anywhere else → international, unknown → none', () => {
    expect(suggestRulePack({ code: 'CN', source: 'tags' })).toEqual({ code: 'rules.suggest.pack', params: { pack: 'default', country: 'CN', source: 'tags' } });
    expect(suggestRulePack({ code: 'DE', source: 'bbox' })?.params.pack).toBe('international');
    expect(suggestRulePack(undefined)).toBeUndefined();
  });
  it('reads the country the import stamped on boundaries, else the layers\' box', () => {
    const fc = (props: Record<string, unknown>[]) => ({ type: 'FeatureCollection' as const, features: props.map((p) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [0, 0] }, properties: p })) });
    expect(countryOfLayers([{ data: fc([{ country: 'LI', country_source: 'tags' }]), bbox: [8.8, 46.9, 9.7, 47.5] }])).toEqual({ code: 'LI', source: 'tags' });
    expect(countryOfLayers([{ data: fc([{}]), bbox: [114.0, 22.5, 114.1, 22.6] }])).toEqual({ code: 'CN', source: 'bbox' });
  });
});

const units = (layers: LoadedLayer[]) =>
  Object.fromEntries(['city', 'district', 'street', 'community'].map((l) => [l, layers.find((x) => x.roleGuess === l)?.data.features ?? []]));

describe('real extracts, end to end (importOsm in Node)', () => {
  it('limburg_an_der_lahn → DE, international pack; the town is the city (by its name), its 8 Ortsbezirke the streets', async () => {
    const layers = await importOk(readBytes(path.join(sharedData, 'osm', 'limburg_an_der_lahn.osm.pbf')), 'limburg', { estimateChildren: false });
    const u = units(layers);
    expect(u.city.map((f) => [f.properties?.id, f.properties?.name])).toEqual([['r324307', 'Limburg an der Lahn']]);
    expect(u.street).toHaveLength(8);
    expect(u.street.map((f) => f.properties?.name)).toContain('Limburg (Innenstadt)');
    expect(u.district).toHaveLength(0);
    expect(u.street.some((f) => f.properties?.id === 'r324307')).toBe(false);
    expect(suggestRulePackForLayers(layers)?.params).toEqual({ pack: 'international', country: 'DE', source: 'tags' });
  }, 60_000);
  it('monaco → MC (not France, whose relations it also holds); Monaco (8, 摩纳哥) is the city, its quarters communities', async () => {
    const layers = await importOk(readBytes(path.join(sharedData, 'osm', 'monaco.osm.gz')), 'monaco', { estimateChildren: false });
    const u = units(layers);
    expect(u.city.map((f) => [f.properties?.name, f.properties?.name_zh, f.properties?.admin_level])).toEqual([['Monaco', '摩纳哥', 8]]);
    expect(u.community.map((f) => f.properties?.name).sort()).toEqual(['La Condamine', 'Monaco-Ville']);
    expect(suggestRulePackForLayers(layers)?.params).toEqual({ pack: 'international', country: 'MC', source: 'tags' });
  }, 60_000);
  it('moscow → RU from where the data lies (no boundary assembles, no ISO tags)', async () => {
    const layers = await importOk(readBytes(path.join(sharedData, 'osm', 'moscow.osm.gz')), 'moscow', { estimateChildren: false });
    expect(Object.values(units(layers)).flat()).toHaveLength(0);
    expect(suggestRulePackForLayers(layers)?.params).toEqual({ pack: 'international', country: 'RU', source: 'bbox' });
  }, 60_000);
  it('andorra → AD (among French and Spanish relations); its 6 complete parishes (7) are units, no city wrapper', async () => {
    const layers = await importOk(readBytes(path.join(sharedData, 'osm', 'andorra.osm.pbf')), 'andorra', { estimateChildren: false });
    const u = units(layers);
    expect(u.city).toHaveLength(0);
    expect(u.community.map((f) => f.properties?.name)).toContain('Andorra la Vella');
    expect(u.community).toHaveLength(6);
    expect(suggestRulePackForLayers(layers)?.params.country).toBe('AD');
  }, 60_000);
  it('liechtenstein → LI; the country (2) is the city, Oberland/Unterland (6) streets, the 11 municipalities (8) communities', async () => {
    const layers = await importOk(readBytes(path.join(sharedData, 'osm', 'liechtenstein-2021-10-28.osm.pbf')), 'li', { estimateChildren: false });
    const u = units(layers);
    expect(u.city.map((f) => f.properties?.name)).toEqual(['Liechtenstein']);
    expect(u.street.map((f) => f.properties?.name).sort()).toEqual(['Oberland', 'Unterland']);
    expect(u.community).toHaveLength(11);
    expect(suggestRulePackForLayers(layers)?.params).toEqual({ pack: 'international', country: 'LI', source: 'tags' });
  }, 120_000);
});
