/** Layer CSV and the per-format rules of exportFiles, against outputs written out by hand. */
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { exportFiles, layerToCsv } from '../../../src/core/export';
import { readLayer } from '../../../src/core/io/read-layer';

const fc: FeatureCollection<Geometry | null> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [114.05, 22.5] }, properties: { name: '=SUM(A1)', n: -3.5, ok: true } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4]] }, properties: { name: 'a "b", c', extra: { k: 1 }, n: NaN } },
    { type: 'Feature', geometry: null, properties: { name: '-1' } },
  ],
};

describe('layer CSV', () => {
  it('WKT first, every attribute in first-seen order, formulas neutralised, quotes doubled, non-finite empty', () => {
    expect(layerToCsv(fc)).toBe([
      'WKT,name,n,ok,extra',
      "POINT (114.05 22.5),'=SUM(A1),-3.5,true,",
      '"LINESTRING (1 2, 3 4)","a ""b"", c",,,"{""k"":1}"',
      ',-1,,,',
      '',
    ].join('\n'));
  });
});

describe('export files', () => {
  it('leaves features without geometry out of FlatGeobuf (counted), keeps them in GeoJSON and GeoPackage counts', async () => {
    const files = exportFiles([{ name: 'x', data: fc }], ['geojson', 'fgb', 'csv'], { date: '2026-12-03' });
    expect(files.map((f) => [f.name, f.format, f.layers])).toEqual([
      ['x.geojson', 'geojson', [{ layer: 'x', features: 3 }]],
      ['x.fgb', 'fgb', [{ layer: 'x', features: 2 }]],
      ['x.csv', 'csv', [{ layer: 'x', features: 3 }]],
    ]);
    const r = await readLayer({ fileName: 'x.fgb', bytes: files[1].bytes }, {});
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value[0].data.features.map((f) => f.properties?.extra ?? null).sort()).toEqual([null, '{"k":1}']);
  });

  it('refuses gpkg without the sql.js module rather than skipping it', () => {
    expect(() => exportFiles([{ name: 'x', data: fc }], ['gpkg'], { date: '2026-12-03' })).toThrow(/sql\.js/);
  });
});
