/**
 * Every extract in shared/data/osm imports in Node, and its counts match osmium-tool's
 * (tests/fixtures/osm/expected-counts.json, made by count-with-osmium.sh) and the README's.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Feature } from 'geojson';
import { area } from '@turf/turf';
import type { LoadedLayer } from '../../../../src/core/model';
import { classifyBuilding, MIN_HOME_FOOTPRINT_M2 } from '../../../../src/core/io/osm/home-rule';
import { OsmStore } from '../../../../src/core/io/osm/osm-store';
import { interestFor } from '../../../../src/core/io/osm/interest';
import { DEFAULT_OSM_CATEGORY_MAPPING } from '../../../../src/core/io/osm';
import { readOsmPbf } from '../../../../src/core/io/osm/pbf-stream';
import { readOsmXml } from '../../../../src/core/io/osm/xml-reader';
import { byOsmId, fixtures, importOk, layer, readBytes, sharedData } from './helpers';

type Nwr = { n: number; w: number; r: number };
const expected = JSON.parse(readFileSync(path.join(fixtures, 'expected-counts.json'), 'utf8')) as Record<string, Record<string, number | Nwr>>;
const RES = 'wr/building=residential,apartments,house,detached,terrace,semidetached_house,dormitory';
const OSMIUM_TYPES = new Set(['residential', 'apartments', 'house', 'detached', 'terrace', 'semidetached_house', 'dormitory']);
const sum = (x: Nwr) => x.n + x.w + x.r;

/** osm_ids of the facilities whose matched tag is `tag`. */
function idsWithTag(layers: LoadedLayer[], tag: string): Set<string> {
  return new Set((layer(layers, 'facilities')?.data.features ?? []).filter((f) => f.properties?.osm_tag === tag).map((f) => String(f.properties?.osm_id)));
}

const FILES = ['monaco.osm.gz', 'moscow.osm.gz', 'andorra.osm.pbf', 'limburg_an_der_lahn.osm.pbf', 'liechtenstein-2021-10-28.osm.pbf'];

describe.each(FILES)('%s', (file) => {
  const e = expected[file];
  const bytes = readBytes(path.join(sharedData, 'osm', file));
  let layers: LoadedLayer[];

  it('reads every node, way and relation (osmium fileinfo)', () => {
    const store = new OsmStore(interestFor(DEFAULT_OSM_CATEGORY_MAPPING));
    const reader = file.endsWith('.pbf') ? readOsmPbf(bytes, store) : readOsmXml(bytes, true, store);
    for (const _ of reader);
    expect(store.counts).toEqual({ nodes: e.nodes, ways: e.ways, relations: e.relations });
  });

  it('imports; streets and crossings match osmium tags-filter', async () => {
    layers = await importOk(bytes, file);
    expect(layer(layers, 'streets')!.featureCount).toBe((e['w/highway'] as number) - (e['w/highway+area=yes'] as number));
    const crossings = (e['n/highway=crossing,traffic_signals n/crossing'] as number) - (e['n/crossing=no'] as number);
    expect(layer(layers, 'crossings')?.featureCount ?? 0).toBe(crossings);
  });

  it('facilities match osmium counts per tag', () => {
    for (const tag of ['leisure=playground', 'amenity=school', 'amenity=kindergarten', 'amenity=childcare']) {
      expect(idsWithTag(layers, tag).size, tag).toBe(sum(e[`nwr/${tag}`] as Nwr));
    }
  });

  it('homes by building type: osmium counts the same types, less the ones under 30 m² (garages, not homes)', () => {
    const homes = layer(layers, 'homes')?.data.features ?? [];
    const byType = homes.filter((f) => f.properties?.residential_rule === 'building_type' && OSMIUM_TYPES.has(String(f.properties?.building))).length;
    const info = layer(layers, 'homes')?.warnings.find((w) => w.code === 'info.osm.homes');
    const osmium = sum({ n: 0, ...(e[RES] as { w: number; r: number }) });
    // osmium's filter has 7 types, the rule a few more (bungalow, farm, …); small ones are left out by the rule.
    expect(byType).toBeLessThanOrEqual(osmium);
    expect(byType).toBeGreaterThanOrEqual(osmium - Number(info?.params?.too_small ?? 0));
    for (const f of homes) expect(f.properties?.children_estimated).toBe(true);
  });
});

describe('comparison with the osmium+ogr2ogr layers in shared/data', () => {
  const ref = (city: string, name: string) =>
    JSON.parse(readFileSync(path.join(sharedData, city, `${name}.geojson`), 'utf8')) as { features: { properties: Record<string, unknown> }[] };

  it.each(['monaco', 'moscow'])('%s: same street ids, same homes, same facility ids', async (city) => {
    const layers = await importOk(readBytes(path.join(sharedData, 'osm', `${city}.osm.gz`)), city, { estimateChildren: false });
    const ids = (fc: { features: { properties: Record<string, unknown> }[] }) => new Set(fc.features.map((f) => String(f.properties.osm_id)));
    expect(new Set(byOsmId(layer(layers, 'streets')).keys())).toEqual(ids(ref(city, 'roads')));
    // ogr2ogr's layer used the old rule (any building=yes in residential land use); ours is the same set less
    // buildings under 30 m² and buildings with a non-residential tag (shop=*, amenity=*, …).
    const homes = layer(layers, 'homes')!.data.features;
    const ourIds = new Set(homes.map((f) => String(f.properties?.osm_id)));
    const theirs = ref(city, 'residential_buildings').features;
    for (const id of ourIds) expect(ids({ features: theirs }).has(id), id).toBe(true);
    let left = 0;
    for (const f of theirs) {
      if (ourIds.has(String(f.properties.osm_id))) continue;
      left++;
      const why = classifyBuilding(f.properties as Record<string, string>).home === false ? 'tagged' : area(f as Feature) < MIN_HOME_FOOTPRINT_M2 ? 'small' : 'no reason';
      expect(why, String(f.properties.osm_id)).not.toBe('no reason');
    }
    expect(left).toBeLessThan(theirs.length * 0.2);
    const refFac = ref(city, 'facilities');
    const ours = byOsmId(layer(layers, 'facilities'));
    for (const f of refFac.features) expect(ours.has(String(f.properties.osm_id)), String(f.properties.osm_id)).toBe(true);
  });

  it('monaco: the four boundaries ogr2ogr could assemble are ours too', async () => {
    // An explicit mapping of every level: this is about assembly (the automatic choice leaves the country out).
    const layers = await importOk(readBytes(path.join(sharedData, 'osm', 'monaco.osm.gz')), 'monaco', {
      estimateChildren: false, adminLevels: { '2': 'district', '8': 'street', '10': 'community' },
    });
    const units = layers.filter((l) => ['city', 'district', 'street', 'community'].includes(l.roleGuess)).flatMap((l) => l.data.features);
    expect(new Set(units.map((f) => f.properties?.osm_id))).toEqual(new Set(ref('monaco', 'admin_boundaries').features.map((f) => f.properties.osm_id)));
  });
});

describe('boundaries against the README', () => {
  it('limburg: the town (r324307) and all 8 level-9 Stadtteile assemble (DE preset)', async () => {
    const layers = await importOk(readBytes(path.join(sharedData, 'osm', 'limburg_an_der_lahn.osm.pbf')), 'limburg', {
      adminLevels: { '8': 'district', '9': 'street', '10': 'community' },
      estimateChildren: false,
    });
    const district = layer(layers, 'district')!.data.features.map((f) => f.properties?.id);
    expect(district).toContain('r324307');
    expect(layer(layers, 'street')!.featureCount).toBe(8);
  });

  it('liechtenstein: all 11 municipalities (level 8) assemble', async () => {
    const layers = await importOk(readBytes(path.join(sharedData, 'osm', 'liechtenstein-2021-10-28.osm.pbf')), 'li', {
      adminLevels: { '8': 'community' },
      estimateChildren: false,
    });
    expect(layer(layers, 'community')!.featureCount).toBe(11);
  });
});

describe('the osmium counts agree with the extracts README (two independent sources)', () => {
  it.each([
    ['limburg_an_der_lahn.osm.pbf', 4704, { n: 11, w: 24, r: 0 }, 22, 17, { '8': 12, '9': 16, '10': 4 }],
    ['liechtenstein-2021-10-28.osm.pbf', 6984, { n: 18, w: 20, r: 0 }, 22, 18, { '2': 6, '4': 3, '6': 8, '8': 22, '10': 3 }],
  ])('%s', (file, highway, playground, school, kindergarten, levels) => {
    const e = expected[file];
    expect(e['w/highway']).toBe(highway);
    expect(e['nwr/leisure=playground']).toEqual(playground);
    expect(sum(e['nwr/amenity=school'] as Nwr)).toBe(school);
    expect(sum(e['nwr/amenity=kindergarten'] as Nwr)).toBe(kindergarten);
    expect(e['r/boundary=administrative by admin_level']).toMatchObject(levels);
  });
});
