import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { errorOf, fixtureBytes, layerOf, layersOf, loadBytes, loadFixture, warning } from './helpers';

// Fixtures are written byte by byte by tests/fixtures/io/make-shapefiles.py (no GIS library involved).
describe('zipped Shapefile', () => {
  it('WGS 84 points with a GBK .dbf (code page from .cpg)', async () => {
    const l = layerOf(await loadFixture('schools-wgs84.zip'));
    expect(l.name).toBe('schools');
    expect(l.featureCount).toBe(2);
    expect(l.data.features.map((f) => (f.geometry as GeoJSON.Point).coordinates)).toEqual([[114.05, 22.54], [114.06, 22.55]]);
    expect(l.data.features.map((f) => f.properties)).toEqual([{ name: '小学一', capacity: 300 }, { name: '小学二', capacity: 450 }]);
    expect(l.roleGuess).toBe('facilities');
    expect(l.categoryGuess).toBe('primary_school');
    expect(warning(l, 'warning.io.reprojected')).toBeUndefined();
  });

  it('CGCS2000 3-degree GK CM 114E (.prj) is reprojected: a 100 m square stays 100 m, two layers from one zip', async () => {
    const [shequ, playground] = layersOf(await loadFixture('community-4547.zip'));
    expect(shequ.name).toBe('shequ');
    expect(shequ.roleGuess).toBe('community');
    expect(playground.roleGuess).toBe('facilities');
    expect(warning(shequ, 'warning.io.reprojected')?.params).toEqual({ from: 'CGCS2000_3_Degree_GK_CM_114E' });
    const ring = (shequ.data.features[0].geometry as GeoJSON.Polygon).coordinates[0];
    for (let i = 0; i < 4; i++) expect(distance(ring[i], ring[i + 1], { units: 'meters' })).toBeCloseTo(100, 0);
    const [lon, lat] = (playground.data.features[0].geometry as GeoJSON.Point).coordinates;
    // 50 m east of the central meridian 114°E.
    expect(lon).toBeCloseTo(114 + 50 / (111_320 * Math.cos((lat * Math.PI) / 180)), 5);
    // Latitude whose meridian arc is 2,494,050 m (series for the GRS80 arc, solved by bisection).
    const arc = (deg: number) => { const p = (deg * Math.PI) / 180; return 111_132.952 * deg - 16_038.509 * Math.sin(2 * p) + 16.833 * Math.sin(4 * p); };
    let lo = 20, hi = 25;
    for (let k = 0; k < 60; k++) { const mid = (lo + hi) / 2; if (arc(mid) < 2_494_050) lo = mid; else hi = mid; }
    expect(lat).toBeCloseTo(lo, 4);
    // The Shapefile's clockwise outer ring comes out counterclockwise (RFC 7946), counted as a repair.
    expect(warning(shequ, 'warning.io.rewound')?.count).toBe(1);
  });

  it('a .prj we cannot convert is refused with its text', async () => {
    const e = errorOf(await loadFixture('unknown-prj.zip'));
    expect(e.code).toBe('error.io.unknown-crs');
    expect(String(e.params?.crs)).toContain('Local_Grid');
  });

  it('issue found by the fuzz test: a .dbf whose header claims 8 million records is corrupt, not a 30 s loop', async () => {
    const { unzipSync, zipSync } = await import('fflate');
    const parts = unzipSync(fixtureBytes('schools-wgs84.zip'));
    const dbf = parts['schools.dbf'].slice();
    new DataView(dbf.buffer).setUint32(4, 8_388_609, true);
    const t0 = performance.now();
    const e = errorOf(await loadBytes('big-count.zip', zipSync({ ...parts, 'schools.dbf': dbf })));
    expect(e).toEqual({ code: 'error.io.corrupt', params: { file: 'big-count.zip', format: 'shapefile', detail: 'schools.dbf' } });
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('a zip without a .shp, and a zip cut short', async () => {
    expect(errorOf(await loadFixture('no-shapefile.zip'))).toEqual({ code: 'error.io.zip-no-shapefile', params: { file: 'no-shapefile.zip' } });
    const bytes = fixtureBytes('schools-wgs84.zip');
    expect(errorOf(await loadBytes('cut.zip', bytes.slice(0, 300))).code).toMatch(/^error\.io\.(truncated|corrupt|zip-no-shapefile)$/);
  });
});
