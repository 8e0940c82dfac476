import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { buildFacilityTable, buildHomeTable, buildUnitTables } from '../../../src/core/tables';

const box = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const feat = (geometry: Geometry | null, properties: Record<string, unknown>, id?: string | number): Feature => ({ type: 'Feature', geometry: geometry as Geometry, properties, ...(id !== undefined ? { id } : {}) });
const fcOf = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('buildHomeTable', () => {
  const homes = fcOf(
    feat({ type: 'Point', coordinates: [1, 2] }, { id: 'a', children_0_3: 2, children_7_12: '3' }),
    feat(null, { id: 'nogeom', children_0_3: 9 }),
    feat({ type: 'Polygon', coordinates: [box(0, 0, 2, 4)] }, { osm_id: 'w7', children_4_6: 1, children_estimated: 'true' }),
    feat({ type: 'Point', coordinates: [5, 5] }, { kids: 4 }),
  );
  it('reads locations, ids and child counts, leaving out features without geometry', () => {
    const t = buildHomeTable(homes);
    expect(t.ids).toEqual(['a', 'w7', '3']);
    expect([...t.lng]).toEqual([1, 1, 5]);
    expect([...t.lat]).toEqual([2, 2, 5]);
    expect([...t.children['0-3']]).toEqual([2, 0, 0]);
    expect([...t.children['7-12']]).toEqual([3, 0, 0]);
    expect([...t.children['4-6']]).toEqual([0, 1, 0]);
    expect([...t.estimated]).toEqual([0, 1, 0]);
    expect([...t.featureIdx]).toEqual([0, 2, 3]);
    expect(t.skippedNoGeometry).toBe(1);
  });
  it('applies a field mapping', () => {
    const t = buildHomeTable(homes, { children: { '13-18': 'kids' } });
    expect([...t.children['13-18']]).toEqual([0, 0, 4]);
  });
});

describe('buildFacilityTable', () => {
  it('takes the layer category where features name none and skips uncategorised features', () => {
    const t = buildFacilityTable([
      { fc: fcOf(feat({ type: 'Point', coordinates: [0, 0] }, { id: 'p1' }), feat({ type: 'Point', coordinates: [1, 0] }, { id: 's1', category: 'primary_school' })), category: 'playground' },
      { fc: fcOf(feat({ type: 'Point', coordinates: [0, 1] }, { id: 'x' }), feat({ type: 'Polygon', coordinates: [box(0, 0, 0.001, 0.001)] }, { category: 'park', status: 'proposed' })) },
    ]);
    expect(t.ids).toEqual(['p1', 's1', '1']);
    expect(t.category).toEqual(['playground', 'primary_school', 'park']);
    expect([...t.proposed]).toEqual([0, 0, 1]);
    expect(t.skippedNoCategory).toBe(1);
    expect(Number.isNaN(t.areaM2[0])).toBe(true);
    // 0.001° × 0.001° at the equator ≈ 111.2 m × 111.2 m
    expect(t.areaM2[2]).toBeGreaterThan(12_300);
    expect(t.areaM2[2]).toBeLessThan(12_400);
    expect([...t.layerIdx]).toEqual([0, 0, 1]);
  });
});

describe('buildUnitTables', () => {
  // City [0,4]²; districts W [0,2]x[0,4] (parent named) and E [2,4]x[0,4] (parent derived);
  // communities: U-shaped one in W whose centroid falls outside it, and one in E.
  const city = fcOf(feat({ type: 'Polygon', coordinates: [box(0, 0, 4, 4)] }, { id: 'C', name: 'City' }));
  const district = fcOf(
    feat({ type: 'Polygon', coordinates: [box(0, 0, 2, 4)] }, { id: 'W', parent_id: 'C' }),
    feat({ type: 'Polygon', coordinates: [box(2, 0, 4, 4)] }, { id: 'E', name: 'East' }),
  );
  const community = fcOf(
    feat({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 3], [1.5, 3], [1.5, 0.5], [0.5, 0.5], [0.5, 3], [0, 3], [0, 0]]] }, { id: 'u' }),
    feat({ type: 'Polygon', coordinates: [box(2, 0, 4, 1)] }, { id: 'e1', parent_id: 'nonexistent' }),
  );
  const homes = { lng: Float64Array.from([0.25, 1, 3, 3, 9]), lat: Float64Array.from([2, 2, 0.5, 3, 9]) };
  const facilities = { lng: Float64Array.from([2, 3.5]), lat: Float64Array.from([2, 3.5]) };
  const t = buildUnitTables({ city, district, community }, homes, facilities);

  it('assigns homes and facilities at every level', () => {
    expect([...t.city!.homeUnit]).toEqual([0, 0, 0, 0, -1]);
    expect([...t.district!.homeUnit]).toEqual([0, 0, 1, 1, -1]);
    expect([...t.community!.homeUnit]).toEqual([0, -1, 1, -1, -1]); // (1,2) is in the U's notch
    expect([...t.district!.facilityUnit]).toEqual([1, 1]); // (2,2) is on the W|E border: 'E' < 'W'
  });
  it('takes parents from parent_id, else by containment', () => {
    expect([...t.district!.parentIdx]).toEqual([0, 0]);
    expect([...t.community!.parentIdx]).toEqual([0, 1]);
    expect([...t.city!.parentIdx]).toEqual([-1]);
  });
  it('skips missing levels when deriving parents', () => {
    const t2 = buildUnitTables({ city, community }, homes, facilities);
    expect(t2.district).toBeUndefined();
    expect([...t2.community!.parentIdx]).toEqual([0, 0]);
  });
  it('names units by name, else name_zh, else id', () => {
    expect(t.district!.names).toEqual(['W', 'East']);
  });
});

describe('buildHomeTable reads counts as readHome does', () => {
  it('agrees with readHome on messy attributes', async () => {
    const { readHome } = await import('../../../src/core/model');
    const props = [{ children_0_3: -2, children_4_6: '2.5', children_7_12: 'x', children_estimated: 'yes' }, { children_13_18: 4, children_estimated: false }, {}];
    const t = buildHomeTable(fcOf(...props.map((p) => feat({ type: 'Point', coordinates: [0, 0] }, p))));
    props.forEach((p, i) => {
      const h = readHome(p);
      expect([t.children['0-3'][i], t.children['4-6'][i], t.children['7-12'][i], t.children['13-18'][i]]).toEqual([h.children['0-3'], h.children['4-6'], h.children['7-12'], h.children['13-18']]);
      expect(t.estimated[i]).toBe(h.estimated ? 1 : 0);
    });
  });
});
