import { describe, expect, it } from 'vitest';
import { featureId, readCrossing, readHome, readStreet, totalChildren, CategoryRegistry, parentLevel } from '../../../src/core/model';

describe('feature identity (data-schema: id, else osm_id, else index)', () => {
  it.each([
    [{ id: 7, osm_id: 'w1' }, 3, '7'],
    [{ osm_id: 'w1' }, 3, 'w1'],
    [{}, 3, '3'],
    [{ id: '' }, 4, '4'],
    [{ id: '', osm_id: 'w9' }, 4, 'w9'],
    [null, 5, '5'],
  ])('%j at %i → %s', (props, i, expected) => {
    expect(featureId(props, i)).toBe(expected);
  });

  it('prefers the attributes over a GeoJSON feature id, and that over the index', () => {
    expect(featureId({ osm_id: 'n5' }, 0, 99)).toBe('n5');
    expect(featureId({}, 0, 99)).toBe('99');
  });
});

describe('homes', () => {
  it('reads child counts, treating missing, negative and non-numeric values as 0', () => {
    const h = readHome({ children_0_3: '12', children_4_6: -3, children_7_12: 'many', children_13_18: 4.5, children_estimated: 'true' });
    expect(h.children).toEqual({ '0-3': 12, '4-6': 0, '7-12': 0, '13-18': 4.5 });
    expect(totalChildren(h.children)).toBe(16.5);
    expect(h.estimated).toBe(true);
  });

  it('takes storeys from `levels` or OSM building:levels', () => {
    expect(readHome({ 'building:levels': '9' }).levels).toBe(9);
  });
});

describe('streets and crossings', () => {
  it('maps unknown highway classes to road and parses numbers', () => {
    const s = readStreet({ highway: 'bus_guideway', maxspeed: '60', lanes: 4, tunnel: 'yes', sidewalk: 'both' });
    expect(s).toMatchObject({ highway: 'road', maxspeedKmh: 60, lanes: 4, tunnel: true, bridge: false, sidewalk: 'both', layer: 0 });
  });

  it('reads zebra as marked and signal nodes as signalised', () => {
    expect(readCrossing({ crossing: 'zebra' }).crossing).toBe('marked');
    expect(readCrossing({ highway: 'traffic_signals' }).crossing).toBe('traffic_signals');
    expect(readCrossing({ crossing: 'weird', school_gate: 'yes' })).toEqual({ crossing: 'uncontrolled', schoolGate: true });
  });
});

describe('registries', () => {
  it('extends the built-in categories without losing them', () => {
    const r = new CategoryRegistry([{ id: 'library', labelKey: 'Library', ageBands: ['7-12'], color: [1, 2, 3], playSpace: false }]);
    expect(r.has('playground')).toBe(true);
    expect(r.get('library')?.color).toEqual([1, 2, 3]);
    expect(r.all()).toHaveLength(11); // 10 built-ins (with `school`) + library
  });

  it('knows each level’s parent', () => {
    expect([parentLevel('city'), parentLevel('district'), parentLevel('street'), parentLevel('community')]).toEqual([
      undefined, 'city', 'district', 'street',
    ]);
  });
});
