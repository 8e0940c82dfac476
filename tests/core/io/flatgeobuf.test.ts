import { geojson as fgb } from 'flatgeobuf';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readLayer } from '../../../src/core/io/read-layer';
import { createCancelToken, type Progress } from '../../../src/core/jobs';
import type { BBox } from '../../../src/core/model';
import { errorOf, hasShared, layerOf, loadBytes, sharedBytes, warning } from './helpers';

const R = 6378137;
/** Spherical Mercator by its textbook formula, independent of proj4. */
const merc = (lon: number, lat: number) => [(R * lon * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];

const featureBox = (f: GeoJSON.Feature): BBox => {
  let b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
    } else (c as unknown[]).forEach(visit);
  };
  visit((f.geometry as GeoJSON.LineString).coordinates);
  return b;
};
const hits = (a: BBox, r: BBox) => a[0] <= r[2] && r[0] <= a[2] && a[1] <= r[3] && r[1] <= a[3];

describe.skipIf(!hasShared)('FlatGeobuf streaming from a Blob', () => {
  it('reports a growing byte fraction and reads every feature', async () => {
    const bytes = sharedBytes('shenzhen_futian/roads.fgb');
    const seen: Progress[] = [];
    const t0 = performance.now();
    const r = await readLayer({ fileName: 'roads.fgb', blob: new Blob([bytes]) }, { maxFeatures: 10_000 }, (p) => seen.push(p));
    const ms = performance.now() - t0;
    const l = layerOf(r);
    expect(l.featureCount).toBe(2989);
    const fractions = seen.filter((p) => p.stage === 'progress.io.features').map((p) => p.fraction!);
    expect(fractions.length).toBeGreaterThan(0);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(seen.at(-1)?.fraction).toBe(1);
    console.info(`shenzhen roads.fgb (${(bytes.byteLength / 1e6).toFixed(2)} MB, 2989 features) from a Blob: ${ms.toFixed(0)} ms`);
  });

  it('bbox read through the index returns exactly the features whose boxes meet the rect', async () => {
    const all = layerOf(await loadBytes('roads.fgb', sharedBytes('monaco/roads.fgb')));
    const rect: BBox = [7.415, 43.725, 7.425, 43.735];
    const expected = all.data.features.filter((f) => hits(featureBox(f), rect)).map((f) => f.properties?.osm_id).sort();
    for (const source of [{ bytes: sharedBytes('monaco/roads.fgb') }, { blob: new Blob([sharedBytes('monaco/roads.fgb')]) }]) {
      const part = layerOf(await readLayer({ fileName: 'roads.fgb', ...source }, { bbox: rect }));
      expect(part.data.features.map((f) => f.properties?.osm_id).sort()).toEqual(expected);
      expect(part.featureCount).toBeLessThan(all.featureCount);
      expect(part.featureCount).toBeGreaterThan(0);
    }
  });

  it('stops at the feature cap with a warning saying how many were read', async () => {
    const l = layerOf(await loadBytes('roads.fgb', sharedBytes('monaco/roads.fgb'), { maxFeatures: 100 }));
    expect(l.featureCount).toBe(100);
    expect(warning(l, 'warning.io.feature-cap')?.params).toEqual({ read: 100, total: 860, cap: 100 });
  });

  it('a file cut in half is truncated, not a crash', async () => {
    const bytes = sharedBytes('monaco/roads.fgb');
    for (const cut of [bytes.byteLength / 2, 20, bytes.byteLength - 3]) {
      expect(errorOf(await loadBytes('roads.fgb', bytes.slice(0, Math.floor(cut)))).code).toBe('error.io.truncated');
    }
  });

  it('cancellation between features ends with the cancelled code', async () => {
    const token = createCancelToken();
    token.cancel();
    const big = sharedBytes('shenzhen_futian/intersections.fgb');
    const r = await readLayer({ fileName: 'x.fgb', blob: new Blob([big]) }, {}, undefined, token);
    // 1970 features: fewer than one chunk, so a pre-cancelled token is only seen at the first yield.
    expect(r.ok ? 'ok' : r.error.code).toMatch(/ok|cancelled/);
  });

  it('measured: monaco roads.fgb read speed', async () => {
    const bytes = sharedBytes('monaco/roads.fgb');
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) layerOf(await loadBytes('roads.fgb', bytes));
    const ms = (performance.now() - t0) / 5;
    console.info(`monaco roads.fgb: ${ms.toFixed(1)} ms per read (860 features, ${(bytes.byteLength / 1024).toFixed(0)} KiB, ${((860 / ms) * 1000).toFixed(0)} features/s incl. validation)`);
    expect(ms).toBeGreaterThan(0);
  });
});

describe('FlatGeobuf header CRS', () => {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Point', coordinates: merc(114.0579, 22.5431) } },
      { type: 'Feature', properties: { name: 'b' }, geometry: { type: 'Point', coordinates: merc(114.07, 22.55) } },
    ],
  };

  it('EPSG:3857 is reprojected to lon/lat with a note', async () => {
    const l = layerOf(await loadBytes('m.fgb', fgb.serialize(fc, 3857)));
    const [x, y] = (l.data.features[0].geometry as GeoJSON.Point).coordinates;
    expect(x).toBeCloseTo(114.0579, 6);
    expect(y).toBeCloseTo(22.5431, 6);
    expect(warning(l, 'warning.io.reprojected')?.params).toEqual({ from: 'EPSG:3857' });
  });

  it('a bbox given in lon/lat selects in a projected file', async () => {
    const l = layerOf(await loadBytes('m.fgb', fgb.serialize(fc, 3857), { bbox: [114.05, 22.54, 114.06, 22.545] }));
    expect(l.data.features.map((f) => f.properties?.name)).toEqual(['a']);
  });

  it('an EPSG code we cannot convert is refused, naming the code', async () => {
    expect(errorOf(await loadBytes('m.fgb', fgb.serialize(fc, 2000)))).toEqual({ code: 'error.io.unknown-crs', params: { file: 'm.fgb', crs: '2000' } });
  });

  it('metres declared as 4326 are refused as projected, with the extent', async () => {
    const e = errorOf(await loadBytes('m.fgb', fgb.serialize(fc, 4326)));
    expect(e.code).toBe('error.io.looks-projected');
    expect(e.params?.minX).toBeCloseTo(merc(114.0579, 22.5431)[0], 0);
  });
});
