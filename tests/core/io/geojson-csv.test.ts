import { describe, expect, it } from 'vitest';
import { errorOf, layerOf, loadFixture, warning } from './helpers';

const R = 6378137;
/** Inverse spherical Mercator by its textbook formula, independent of proj4. */
const unmerc = (x: number, y: number) => [((x / R) * 180) / Math.PI, ((2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * 180) / Math.PI];

describe('GeoJSON', () => {
  it('FeatureCollection: features, ids, numbers stay numbers, layer name from `name`', async () => {
    const l = layerOf(await loadFixture('points.geojson'));
    expect(l.name).toBe('playgrounds');
    expect(l.fileName).toBe('points.geojson');
    expect(l.featureCount).toBe(3);
    expect(l.geometryKind).toBe('point');
    expect(l.bbox).toEqual([114.05, 22.53, 114.07, 22.55]);
    expect(l.data.features.map((f) => f.id)).toEqual([1, 2, 3]);
    expect(l.data.features[0].properties).toEqual({ name: 'A', area_m2: 120.5, code: '007' });
    expect(l.fieldNames).toEqual(['name', 'area_m2', 'code']);
    expect(l.roleGuess).toBe('facilities');
    expect(l.categoryGuess).toBe('playground');
    expect(l.warnings).toEqual([]);
  });

  it('a single Feature and a bare geometry', async () => {
    const a = layerOf(await loadFixture('feature.geojson'));
    expect(a.featureCount).toBe(1);
    expect(a.geometryKind).toBe('line');
    expect(a.roleGuess).toBe('streets');
    const b = layerOf(await loadFixture('bare-polygon.geojson'));
    expect(b.featureCount).toBe(1);
    expect(b.data.features[0].geometry).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] });
  });

  it('old `crs` member EPSG:3857 is reprojected', async () => {
    const l = layerOf(await loadFixture('crs-3857.geojson'));
    const [x, y] = (l.data.features[0].geometry as GeoJSON.Point).coordinates;
    const [ex, ey] = unmerc(12696630, 2577440);
    expect(x).toBeCloseTo(ex, 7);
    expect(y).toBeCloseTo(ey, 7);
    expect(warning(l, 'warning.io.reprojected')?.params).toEqual({ from: 'EPSG:3857' });
  });

  it('an unknown declared CRS is refused with its name', async () => {
    expect(errorOf(await loadFixture('crs-unknown.geojson'))).toEqual({ code: 'error.io.unknown-crs', params: { file: 'crs-unknown.geojson', crs: 'EPSG:2000' } });
  });

  it('an empty FeatureCollection is a valid empty layer', async () => {
    const l = layerOf(await import('./helpers').then((h) => h.loadBytes('none.geojson', new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'))));
    expect(l.featureCount).toBe(0);
    expect(l.geometryKind).toBe('none');
    expect(l.bbox).toBeNull();
  });
});

describe('CSV', () => {
  it('lon/lat columns; numbers become numbers, codes with leading zeros stay text; bad rows counted', async () => {
    const l = layerOf(await loadFixture('points.csv'));
    expect(l.featureCount).toBe(3);
    expect(l.data.features.map((f) => (f.geometry as GeoJSON.Point).coordinates)).toEqual([[114.05, 22.54], [114.06, 22.55], [114.07, 22.53]]);
    expect(l.data.features[0].properties).toEqual({ name: 'School A', capacity: 300, code: '0123' });
    expect(l.data.features[1].properties?.code).toBe(123);
    expect(l.data.features[2].properties).toEqual({ name: 'Comma, Inc', capacity: null, code: 'X1' });
    expect(warning(l, 'warning.io.csv-bad-rows')?.count).toBe(1);
  });

  it('经度/纬度 columns', async () => {
    const l = layerOf(await loadFixture('chinese.csv'));
    expect(l.featureCount).toBe(2);
    expect((l.data.features[1].geometry as GeoJSON.Point).coordinates).toEqual([114.052, 22.542]);
    expect(l.data.features[0].properties).toEqual({ 名称: '幼儿园一', 类别: 'kindergarten' });
    expect(l.roleGuess).toBe('facilities');
    expect(l.categoryGuess).toBe('kindergarten');
  });

  it('a WKT column (semicolon-separated); unparsable WKT rows are counted', async () => {
    const l = layerOf(await loadFixture('wkt.csv'));
    expect(l.featureCount).toBe(2);
    expect(l.data.features[0].geometry).toEqual({ type: 'LineString', coordinates: [[114, 22.5], [114.1, 22.6]] });
    expect(l.data.features[1].geometry.type).toBe('Polygon');
    expect(l.geometryKind).toBe('mixed');
    expect(warning(l, 'warning.io.csv-bad-rows')?.count).toBe(1);
  });

  it('GB 18030 bytes are decoded', async () => {
    const gb = new Uint8Array([0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xce, 0xb3, 0xb6, 0xc8, 0x0a, 0x31, 0x31, 0x34, 0x2c, 0x32, 0x32, 0x0a]); // "经度,纬度\n114,22\n"
    const l = layerOf(await import('./helpers').then((h) => h.loadBytes('gbk.csv', gb)));
    expect((l.data.features[0].geometry as GeoJSON.Point).coordinates).toEqual([114, 22]);
  });
});

describe('bbox option on whole-file formats', () => {
  it('keeps only the features that meet the box, in GeoJSON and CSV alike', async () => {
    const box = [114.045, 22.535, 114.065, 22.555] as const;
    const a = layerOf(await loadFixture('points.geojson', { bbox: box }));
    expect(a.data.features.map((f) => f.properties?.name)).toEqual(['A', 'B']);
    const b = layerOf(await loadFixture('points.csv', { bbox: box }));
    expect(b.data.features.map((f) => f.properties?.name)).toEqual(['School A', 'School B']);
  });
});
