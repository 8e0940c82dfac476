import { describe, expect, it } from 'vitest';
import { guessRole } from '../../../src/core/io/guess-role';
import { hasShared, layerOf, loadBytes, sharedBytes } from './helpers';

describe.skipIf(!hasShared)('role guesses on the real layers (roles as their READMEs describe them)', () => {
  const cases: [string, string, string | undefined][] = [
    ['monaco/roads', 'streets', undefined],
    ['monaco/residential_buildings', 'homes', undefined],
    ['monaco/landuse_residential', 'homes', undefined],
    ['monaco/facilities', 'facilities', undefined],
    ['monaco/facilities_playground', 'facilities', 'playground'],
    ['monaco/facilities_school', 'facilities', 'primary_school'],
    ['monaco/facilities_kindergarten', 'facilities', 'kindergarten'],
    ['monaco/facilities_baby_care', 'facilities', 'mother_baby_room'],
    ['moscow/facilities_kindergarten', 'facilities', 'kindergarten'],
    ['moscow/facilities_school', 'facilities', 'primary_school'],
    ['moscow/residential_buildings', 'homes', undefined],
    ['moscow/roads', 'streets', undefined],
    ['shenzhen_futian/roads', 'streets', undefined],
    ['shenzhen_futian/intersections', 'crossings', undefined],
  ];
  for (const [path, role, category] of cases) {
    it(`${path} → ${role}${category ? ` / ${category}` : ''}`, async () => {
      const l = layerOf(await loadBytes(`${path.split('/')[1]}.fgb`, sharedBytes(`${path}.fgb`)));
      expect(l.roleGuess).toBe(role);
      expect(l.categoryGuess).toBe(category);
    });
  }

  it('monaco/admin_boundaries (admin_level 2, 8, 10, 10) → the most common level, community', async () => {
    const l = layerOf(await loadBytes('admin_boundaries.geojson', sharedBytes('monaco/admin_boundaries.geojson')));
    expect(l.roleGuess).toBe('community');
  });
});

describe('role guesses on hand-made cases', () => {
  const g = (name: string, fieldNames: string[], geometryKind: 'point' | 'line' | 'polygon' | 'none', sample: Record<string, unknown>[] = []) =>
    guessRole({ name, fieldNames, geometryKind, sample });

  it('units by name', () => {
    expect(g('福田区街道.geojson', ['name'], 'polygon').role).toBe('street');
    expect(g('shequ_boundaries.fgb', ['name'], 'polygon').role).toBe('community');
    expect(g('社区.geojson', ['name'], 'polygon').role).toBe('community');
    expect(g('jiedao.geojson', ['name'], 'polygon').role).toBe('street');
    expect(g('districts.geojson', ['name'], 'polygon').role).toBe('district');
    expect(g('city.geojson', ['name'], 'polygon').role).toBe('city');
    expect(g('admin.geojson', ['admin_level'], 'polygon', [{ admin_level: '6' }]).role).toBe('district');
    expect(g('polys.geojson', ['admin_level'], 'polygon', [{ admin_level: 8 }, { admin_level: 8 }, { admin_level: 10 }]).role).toBe('street');
  });

  it('homes from children_* columns, whatever the name', () => {
    expect(g('data.csv', ['children_0_3', 'children_4_6'], 'point').role).toBe('homes');
  });

  it('facilities: single category by name or by values, mixed otherwise', () => {
    expect(g('幼儿园.csv', ['name'], 'point')).toEqual({ role: 'facilities', categoryGuess: 'kindergarten' });
    expect(g('pois.geojson', ['amenity'], 'point', [{ amenity: 'school' }, { amenity: 'school' }])).toEqual({ role: 'facilities', categoryGuess: 'primary_school' });
    expect(g('things.geojson', ['leisure'], 'point', [{ leisure: 'playground' }])).toEqual({ role: 'facilities', categoryGuess: 'playground' });
    expect(g('things.geojson', ['category'], 'point', [{ category: 'park' }, { category: 'kindergarten' }])).toEqual({ role: 'facilities' });
    expect(g('parking.geojson', ['name'], 'point').role).not.toBe('facilities');
  });

  it('streets need lines; crossings need points', () => {
    expect(g('export.geojson', ['highway'], 'line').role).toBe('streets');
    expect(g('export.geojson', ['crossing'], 'point').role).toBe('crossings');
    expect(g('export.geojson', ['highway'], 'polygon').role).toBe('other');
  });

  it('nothing recognisable → other', () => {
    expect(g('trees.geojson', ['species'], 'point').role).toBe('other');
  });
});
