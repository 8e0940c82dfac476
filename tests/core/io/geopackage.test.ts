import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readLayer } from '../../../src/core/io/read-layer';
import { errorOf, fixtureBytes, layersOf, loadBytes, loadFixture, warning } from './helpers';

// city.gpkg is written by tests/fixtures/io/make-geopackage.py with hand-packed GeoPackage binary + WKB.
describe('GeoPackage', () => {
  it('reads every feature table, with the wasm injected as bytes (as a worker could)', async () => {
    const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
    const r = await readLayer({ fileName: 'city.gpkg', bytes: fixtureBytes('city.gpkg') }, {}, undefined, undefined, { sqlJs: { wasmBinary: new Uint8Array(readFileSync(wasmPath)) } });
    const layers = layersOf(r);
    expect(layers.map((l) => l.name)).toEqual(['kindergartens', 'main roads', 'blocks', 'trees']);
    const [kg, roads, blocks, trees] = layers;

    expect(kg.featureCount).toBe(2);
    expect(kg.data.features.map((f) => (f.geometry as GeoJSON.Point).coordinates)).toEqual([[114.05, 22.54], [114.06, 22.55]]);
    expect(kg.data.features[0].properties).toEqual({ fid: 1, name: '阳光幼儿园', capacity: 120, area: 850.5 });
    expect(kg.data.features[1].properties?.name).toBe('<b>Bold</b>');
    expect(warning(kg, 'warning.io.empty-geometry-dropped')?.count).toBe(1);
    expect(kg.roleGuess).toBe('facilities');
    expect(kg.categoryGuess).toBe('kindergarten');
    expect(warning(kg, 'warning.io.gpkg-table-skipped')?.params).toEqual({ table: 'ghost' });

    const line = (roads.data.features[0].geometry as GeoJSON.LineString).coordinates;
    expect(line[0][0]).toBeCloseTo(0, 9);
    expect(line[1][0]).toBeCloseTo(1, 7);
    expect(line[1][1]).toBeCloseTo(0, 9);
    expect(warning(roads, 'warning.io.reprojected')?.params).toEqual({ from: 'EPSG:3857' });
    expect(roads.roleGuess).toBe('streets');

    expect((blocks.data.features[0].geometry as GeoJSON.Polygon).coordinates[0][0]).toEqual([0, 0, 5]);
    expect(trees.featureCount).toBe(1);
    expect(trees.data.features[0].geometry).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
  });

  it('an SQLite file without GeoPackage feature tables', async () => {
    expect(errorOf(await loadFixture('no-features.gpkg'))).toEqual({ code: 'error.io.gpkg-no-features', params: { file: 'no-features.gpkg' } });
  });

  it('a GeoPackage cut in half is truncated', async () => {
    const b = fixtureBytes('city.gpkg');
    expect(errorOf(await loadBytes('city.gpkg', b.slice(0, b.byteLength / 2))).code).toBe('error.io.truncated');
  });
});
