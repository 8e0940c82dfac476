import { describe, expect, it } from 'vitest';
import { planForEpsg, planForText, toWgs84 } from '../../../src/core/io/crs';
import { layerOf, loadBytes, warning } from './helpers';

// A transverse Mercator maps its central meridian at the equator to (false easting, 0): facts from
// the EPSG registry's zone definitions, independent of proj4.
const cases: [number, number, number][] = [
  [4547, 114, 500_000], // CGCS2000 / 3-degree Gauss-Kruger CM 114E
  [4526, 114, 38_500_000], // CGCS2000 / 3-degree Gauss-Kruger zone 38
  [4534, 75, 500_000], // CGCS2000 / 3-degree Gauss-Kruger CM 75E
  [4554, 135, 500_000], // CGCS2000 / 3-degree Gauss-Kruger CM 135E
  [4491, 75, 13_500_000], // CGCS2000 / Gauss-Kruger zone 13
  [4502, 75, 500_000], // CGCS2000 / Gauss-Kruger CM 75E
  [32650, 117, 500_000], // WGS 84 / UTM zone 50N
  [32601, -177, 500_000], // WGS 84 / UTM zone 1N
];

describe('EPSG codes we reproject', () => {
  for (const [code, lon, x0] of cases) {
    it(`EPSG:${code}: (${x0}, 0) is ${lon}°E on the equator`, () => {
      const plan = planForEpsg(code);
      expect(plan?.kind).toBe('project');
      const [x, y] = toWgs84(plan as Extract<typeof plan, { kind: 'project' }>)(x0, 0);
      expect(x).toBeCloseTo(lon, 9);
      expect(y).toBeCloseTo(0, 9);
    });
  }

  it('southern UTM zones put the equator at 10,000 km north', () => {
    const plan = planForEpsg(32750)!;
    const [x, y] = toWgs84(plan as Extract<typeof plan, { kind: 'project' }>)(500_000, 10_000_000);
    expect([x, y].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([117, 0]);
  });

  it('names as files write them', () => {
    expect(planForText('urn:ogc:def:crs:OGC:1.3:CRS84')).toEqual({ kind: 'wgs84' });
    expect(planForText('urn:ogc:def:crs:EPSG::4326')).toEqual({ kind: 'wgs84' });
    expect(planForText('EPSG:4490')).toEqual({ kind: 'cgcs2000', code: 'EPSG:4490' });
    expect(planForText('urn:ogc:def:crs:EPSG:6.6:3857')?.kind).toBe('project');
    expect(planForText('EPSG:2000')).toBeUndefined();
    expect(planForText('bd09ll')).toEqual({ kind: 'offset', datum: 'bd09' });
  });
});

describe('declared CRS in a GeoJSON file', () => {
  const fc = (crs: string, coordinates: number[]) =>
    new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: crs } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates } }] }));

  it('CGCS2000 (EPSG:4490) is used as WGS 84, with a note', async () => {
    const l = layerOf(await loadBytes('a.geojson', fc('EPSG:4490', [114.05, 22.54])));
    expect((l.data.features[0].geometry as GeoJSON.Point).coordinates).toEqual([114.05, 22.54]);
    expect(warning(l, 'warning.io.cgcs2000-as-wgs84')?.params).toEqual({ crs: 'EPSG:4490' });
  });

  it('EPSG:4547 metres become degrees near 114°E', async () => {
    const l = layerOf(await loadBytes('a.geojson', fc('urn:ogc:def:crs:EPSG::4547', [500_000, 2_494_000])));
    const [x, y] = (l.data.features[0].geometry as GeoJSON.Point).coordinates;
    expect(x).toBeCloseTo(114, 9);
    expect(y).toBeGreaterThan(22.5);
    expect(y).toBeLessThan(22.6);
  });
});
