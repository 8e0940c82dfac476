import { distance } from '@turf/turf';
import gcoord, { type CRSTypes } from 'gcoord';
import { describe, expect, it } from 'vitest';
import { convertCoordinates, swapAxes } from '../../../src/core/io/convert-coordinates';
import { fixtureBytes, hasShared, layerOf, loadBytes, loadFixture, sharedBytes, warning } from './helpers';

type Pt = [number, number];

describe.skipIf(!hasShared)('GCJ-02 / BD-09 against a WGS 84 reference (real Shenzhen OSM data)', async () => {
  const roads = hasShared ? JSON.parse(new TextDecoder().decode(sharedBytes('shenzhen_futian/roads.geojson'))) : { features: [] };
  const reference: Pt[] = roads.features.flatMap((f: GeoJSON.Feature<GeoJSON.LineString>) => f.geometry.coordinates as Pt[]);
  const intersections = hasShared ? JSON.parse(new TextDecoder().decode(sharedBytes('shenzhen_futian/intersections.geojson'))) : { features: [] };
  // Shift the real WGS 84 junctions with gcoord, as an AMap or Baidu export would be.
  const shifted = (to: CRSTypes) => {
    const fc = structuredClone(intersections);
    for (const f of fc.features) f.geometry.coordinates = gcoord.transform(f.geometry.coordinates as Pt, gcoord.WGS84, to);
    return new TextEncoder().encode(JSON.stringify(fc));
  };

  it('unshifted junctions raise nothing', async () => {
    const l = layerOf(await loadBytes('intersections.geojson', sharedBytes('shenzhen_futian/intersections.geojson'), { referenceCoordinates: reference }));
    expect(l.warnings.filter((w) => /gcj|bd09/.test(w.code))).toEqual([]);
  });

  it('GCJ-02 junctions are flagged with the suggested conversion, not converted', async () => {
    const bytes = shifted(gcoord.GCJ02);
    const l = layerOf(await loadBytes('junctions.geojson', bytes, { referenceCoordinates: reference }));
    const w = warning(l, 'warning.io.looks-gcj02')!;
    expect(w.params).toMatchObject({ from: 'gcj02', fix: 'convert-gcj02' });
    expect(Number(w.params?.medianM)).toBeGreaterThan(20);
    expect(Number(w.params?.convertedM)).toBeLessThan(Number(w.params?.medianM) / 2);
    // Not converted: the first point is still where the file put it.
    const raw = JSON.parse(new TextDecoder().decode(bytes)).features[0].geometry.coordinates;
    expect((l.data.features[0].geometry as GeoJSON.Point).coordinates).toEqual(raw);

    const fixed = convertCoordinates(l, 'gcj02', 'wgs84');
    expect(warning(fixed, 'warning.io.looks-gcj02')).toBeUndefined();
    fixed.data.features.slice(0, 50).forEach((f, i) => {
      expect(distance((f.geometry as GeoJSON.Point).coordinates, intersections.features[i].geometry.coordinates, { units: 'meters' })).toBeLessThan(5);
    });
  });

  it('BD-09 junctions are flagged as BD-09', async () => {
    const l = layerOf(await loadBytes('junctions.geojson', shifted(gcoord.BD09), { referenceCoordinates: reference }));
    expect(warning(l, 'warning.io.looks-bd09')?.params).toMatchObject({ from: 'bd09', fix: 'convert-bd09' });
    expect(warning(l, 'warning.io.looks-gcj02')).toBeUndefined();
  });
});

describe('declared GCJ-02 / BD-09 hints', () => {
  it('a file name naming AMap/GCJ-02 or Baidu gets the declared warning with the fix', async () => {
    const bytes = fixtureBytes('points.geojson');
    expect(warning(layerOf(await loadBytes('pois_gcj02.geojson', bytes)), 'warning.io.declared-gcj02')?.params).toEqual({ from: 'gcj02', fix: 'convert-gcj02' });
    expect(warning(layerOf(await loadBytes('高德POI.geojson', bytes)), 'warning.io.declared-gcj02')).toBeDefined();
    expect(warning(layerOf(await loadBytes('baidu-export.geojson', bytes)), 'warning.io.declared-bd09')).toBeDefined();
    expect(layerOf(await loadBytes('pois.geojson', bytes)).warnings).toEqual([]);
  });

  it('CSV columns named lng_gcj02/lat_gcj02 count as a declaration', async () => {
    const l = layerOf(await loadBytes('x.csv', new TextEncoder().encode('lng_gcj02,lat_gcj02\n114.05,22.54\n')));
    expect(warning(l, 'warning.io.declared-gcj02')).toBeDefined();
    expect(l.featureCount).toBe(1);
  });

  it('a GCJ-02 crs member is a warning, not a reprojection', async () => {
    const fc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'GCJ-02' } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [114.05, 22.54] } }] };
    const l = layerOf(await loadBytes('a.geojson', new TextEncoder().encode(JSON.stringify(fc))));
    expect(warning(l, 'warning.io.declared-gcj02')).toBeDefined();
    expect((l.data.features[0].geometry as GeoJSON.Point).coordinates).toEqual([114.05, 22.54]);
  });
});

describe('swapAxes', () => {
  it('swaps every coordinate and clears the warning', async () => {
    const l = layerOf(await loadFixture('swapped.csv'));
    const s = swapAxes(l);
    expect((s.data.features[0].geometry as GeoJSON.Point).coordinates).toEqual([114.05, 22.54]);
    expect(s.bbox).toEqual([114.05, 22.54, 114.06, 22.55]);
    expect(warning(s, 'warning.io.axes-swapped')).toBeUndefined();
  });
});
