/** tests/fixtures/osm/tiny.osm: every expectation below was worked out by hand from the fixture. */
import { describe, expect, it, beforeAll } from 'vitest';
import path from 'node:path';
import type { Polygon } from 'geojson';
import type { LoadedLayer } from '../../../../src/core/model';
import { byOsmId, fixtures, importOk, layer, readBytes } from './helpers';

// 0.001° of arc on the sphere of radius 6,371,008.8 m (turf's radius): 111.195 m.
const DEG_M = (6_371_008.8 * Math.PI) / 180 / 1000;

let layers: LoadedLayer[];
beforeAll(async () => {
  layers = await importOk(readBytes(path.join(fixtures, 'tiny.osm')), 'tiny.osm', { estimateChildren: false });
});

describe('tiny.osm streets', () => {
  it('keeps highway lines, drops the closed area=yes square, reads the tags', () => {
    const streets = byOsmId(layer(layers, 'streets'));
    expect([...streets.keys()].sort()).toEqual(['w10', 'w12']);
    const main = streets.get('w10')![0];
    expect(main.geometry).toMatchObject({ type: 'LineString' });
    expect((main.geometry as { coordinates: number[][] }).coordinates).toHaveLength(7);
    expect(main.properties).toMatchObject({ highway: 'residential', name: 'Main Street', foot: 'no', maxspeed: 48, lanes: 2, sidewalk: 'separate' });
    expect(streets.get('w12')![0].properties).toMatchObject({ maxspeed: 30, access: 'private' });
  });
});

describe('tiny.osm crossings', () => {
  it('maps crossing tags to the schema values and drops crossing=no', () => {
    const c = byOsmId(layer(layers, 'crossings'));
    const value = (id: string) => c.get(id)?.[0].properties?.crossing;
    expect(value('n31')).toBe('marked'); // zebra
    expect(value('n36')).toBe('traffic_signals');
    expect(value('n37')).toBe('marked'); // uncontrolled + markings
    expect(c.has('n38')).toBe(false); // crossing=no
    expect(value('n39')).toBe('uncontrolled');
    expect(c.get('n39')![0].properties?.crossing_uncertain).toBe(true);
    expect(value('n40')).toBe('unmarked');
    expect(c.size).toBe(5);
  });
});

describe('tiny.osm facilities', () => {
  it('classifies schools by isced:level, school=*, and flags the unknown one', () => {
    const f = byOsmId(layer(layers, 'facilities'));
    expect(f.get('n50')!.map((x) => x.properties?.category)).toEqual(['middle_school']);
    expect(f.get('n51')![0].properties).toMatchObject({ category: 'school', category_uncertain: true, category_rule: 'none' });
    expect(f.get('n52')!.map((x) => x.properties?.category)).toEqual(['primary_school', 'middle_school']);
    expect(f.get('n53')![0].properties).toMatchObject({ category: 'primary_school', category_uncertain: false, category_rule: 'school_tag' });
  });

  it('maps the other categories and names', () => {
    const f = byOsmId(layer(layers, 'facilities'));
    const cat = (id: string) => f.get(id)?.[0].properties?.category;
    expect(cat('n54')).toBe('mother_baby_room');
    expect(cat('n55')).toBe('paediatric');
    expect(cat('n56')).toBe('nursery');
    expect(f.get('n57')![0].properties).toMatchObject({ category: 'kindergarten', name: 'KiTa', name_zh: '幼儿园' });
  });

  it('keeps the playground polygon with its area', () => {
    const pg = byOsmId(layer(layers, 'facilities')).get('w20')![0];
    expect(pg.geometry.type).toBe('Polygon');
    expect(pg.properties?.category).toBe('playground');
    const expected = DEG_M * DEG_M; // a 0.001° square next to the equator
    expect(Math.abs(pg.properties?.area_m2 - expected) / expected).toBeLessThan(0.002);
  });
});

describe('tiny.osm homes', () => {
  it('admits the house by type and building=yes only inside residential land use', () => {
    const h = byOsmId(layer(layers, 'homes'));
    expect([...h.keys()].sort()).toEqual(['w31', 'w34']);
    expect(h.get('w31')![0].properties).toMatchObject({ residential_rule: 'in_residential_landuse', building: 'yes' });
    expect(h.get('w34')![0].properties).toMatchObject({ residential_rule: 'building_type', levels: 2 });
  });
});

describe('tiny.osm boundaries', () => {
  it('assembles the outer ring from two ways (one reversed) and puts the hole inside it', () => {
    const units = layers.filter((l) => ['city', 'district', 'street', 'community'].includes(l.roleGuess));
    // Assembled levels are 8 (the town, one unit) and 10: the town is the city, never a "street"; 10 → community.
    expect(units.map((l) => l.roleGuess).sort()).toEqual(['city', 'community']);
    const town = layer(layers, 'city')!.data.features[0];
    expect(town.properties).toMatchObject({ id: 'r1', name: 'Testtown', name_zh: '测试镇', admin_level: 8 });
    const g = town.geometry as Polygon;
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(2);
    expect(g.coordinates[0]).toHaveLength(5);
    expect(g.coordinates[1]).toHaveLength(5);
    // RFC 7946 winding: exterior counter-clockwise, hole clockwise.
    const shoelace = (r: number[][]) => r.slice(1).reduce((s, p, i) => s + (r[i][0] * p[1] - p[0] * r[i][1]), 0);
    expect(shoelace(g.coordinates[0])).toBeGreaterThan(0);
    expect(shoelace(g.coordinates[1])).toBeLessThan(0);
  });

  it('skips the relation whose ring does not close, with a warning naming it', () => {
    const community = layer(layers, 'community')!;
    expect(community.data.features.map((f) => f.properties?.id)).toEqual(['r3']);
    const w = community.warnings.find((x) => x.code === 'osm.boundary_unclosed');
    expect(w).toMatchObject({ count: 1, params: { osm_ids: 'r2' } });
  });

  it('applies a user mapping instead of the automatic one', async () => {
    const l = await importOk(readBytes(path.join(fixtures, 'tiny.osm')), 'tiny.osm', { adminLevels: { '8': 'district' } });
    expect(l.filter((x) => x.roleGuess === 'district').map((x) => x.featureCount)).toEqual([1]);
    expect(layer(l, 'community')).toBeUndefined();
  });
});
