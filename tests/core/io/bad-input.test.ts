import { booleanClockwise } from '@turf/turf';
import { geojson as fgb } from 'flatgeobuf';
import { describe, expect, it } from 'vitest';
import { readLayer } from '../../../src/core/io/read-layer';
import { errorOf, fixtureBytes, hasShared, layerOf, loadBytes, loadFixture, sharedBytes, warning } from './helpers';

describe('each bad file gets its own code naming the file', () => {
  it('empty and whitespace-only files', async () => {
    expect(errorOf(await loadFixture('empty.geojson'))).toEqual({ code: 'error.io.empty', params: { file: 'empty.geojson' } });
    expect(errorOf(await loadFixture('whitespace.geojson')).code).toBe('error.io.empty');
  });

  it('GeoJSON cut mid-way is truncated; a stray comma is a syntax error with its line', async () => {
    expect(errorOf(await loadFixture('truncated.geojson'))).toEqual({ code: 'error.io.truncated', params: { file: 'truncated.geojson', format: 'geojson' } });
    const e = errorOf(await loadFixture('syntax-error.geojson'));
    expect(e.code).toBe('error.io.json-syntax');
    expect(e.params?.line).toBe(3);
  });

  it('JSON without features, CSV without coordinate columns', async () => {
    expect(errorOf(await loadFixture('nofeatures.json'))).toEqual({ code: 'error.io.json-no-geometry', params: { file: 'nofeatures.json' } });
    expect(errorOf(await loadFixture('no-coords.csv'))).toEqual({ code: 'error.io.csv-no-coordinates', params: { file: 'no-coords.csv', columns: 'name, address, phone' } });
  });

  it('metres given as lon/lat: looks projected, with the extent', async () => {
    expect(errorOf(await loadFixture('projected.csv'))).toEqual({
      code: 'error.io.looks-projected',
      params: { file: 'projected.csv', minX: 500123.4, minY: 2493000.2, maxX: 501000, maxY: 2494500.8 },
    });
  });

  it('swapped axes are offered as a fix, never swapped silently', async () => {
    const l = layerOf(await loadFixture('swapped.csv'));
    expect(warning(l, 'warning.io.axes-swapped')?.params).toMatchObject({ fix: 'swap-axes', reason: 'range' });
    expect((l.data.features[0].geometry as GeoJSON.Point).coordinates).toEqual([22.54, 114.05]);
  });

  it('plausible degrees that only meet the project area when swapped', async () => {
    const bytes = new TextEncoder().encode('lon,lat\n43.73,7.42\n43.74,7.43\n');
    const l = layerOf(await loadBytes('monaco.csv', bytes, { referenceBbox: [7.40, 43.72, 7.44, 43.76] }));
    expect(warning(l, 'warning.io.axes-swapped')?.params).toMatchObject({ fix: 'swap-axes', reason: 'reference' });
    const same = layerOf(await loadBytes('monaco.csv', bytes));
    expect(warning(same, 'warning.io.axes-swapped')).toBeUndefined();
  });

  it('too large for a whole-file format: size and limit', async () => {
    expect(errorOf(await loadFixture('points.geojson', { maxBytes: 100 }))).toEqual({ code: 'error.io.too-large', params: { file: 'points.geojson', size: 464, limit: 100 } });
  });
});

describe('invalid geometries: counted per feature, repaired where safe, never a crash', () => {
  it('the hand-made cases', async () => {
    const l = layerOf(await loadFixture('invalid-geometries.geojson'));
    expect(l.data.features.map((f) => f.properties?.case)).toEqual(['ok', 'unclosed ring', 'clockwise outer', 'bowtie', 'line with a null vertex']);
    const w = (code: string) => warning(l, code);
    expect(w('warning.io.empty-geometry-dropped')).toMatchObject({ count: 5, examples: [1, 2, 3, 4, 9] });
    expect(w('warning.io.invalid-coordinates')).toMatchObject({ count: 2, examples: [3, 8] });
    expect(w('warning.io.too-few-points')).toMatchObject({ count: 2, examples: [2, 4] });
    expect(w('warning.io.ring-closed')).toMatchObject({ count: 1, examples: [5] });
    expect(w('warning.io.rewound')).toMatchObject({ count: 1, examples: [6] });
    expect(w('warning.io.self-intersection')).toMatchObject({ count: 1, examples: [7] });
    const [, closed, rewound, , line] = l.data.features;
    const ring = (closed.geometry as GeoJSON.Polygon).coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(booleanClockwise((rewound.geometry as GeoJSON.Polygon).coordinates[0])).toBe(false);
    expect((line.geometry as GeoJSON.LineString).coordinates).toEqual([[0, 0], [1, 1]]);
  });

  it('holes come out clockwise, outer rings counterclockwise (RFC 7946)', async () => {
    const poly = { type: 'Polygon', coordinates: [[[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]] };
    const l = layerOf(await loadBytes('p.geojson', new TextEncoder().encode(JSON.stringify(poly))));
    const [outer, hole] = (l.data.features[0].geometry as GeoJSON.Polygon).coordinates;
    expect(booleanClockwise(outer)).toBe(false);
    expect(booleanClockwise(hole)).toBe(true);
  });

  it('duplicate ids are counted', async () => {
    const l = layerOf(await loadFixture('duplicate-ids.geojson'));
    expect(l.featureCount).toBe(5);
    expect(warning(l, 'warning.io.duplicate-ids')).toMatchObject({ count: 3, examples: [2, 3, 4] });
  });
});

describe('hostile attributes stay inert', () => {
  it('markup is kept as text; __proto__/constructor keys are dropped; nothing is polluted', async () => {
    const l = layerOf(await loadFixture('hostile.geojson'));
    const p0 = l.data.features[0].properties!;
    expect(p0.name).toBe('<img src=x onerror=alert(1)>');
    expect(Object.keys(p0).sort()).toEqual(['name', 'note']);
    expect(Object.getPrototypeOf(p0)).toBe(Object.prototype);
    expect(Object.keys(l.data.features[1].properties!.nested as object)).toEqual(['ok']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(warning(l, 'warning.io.unsafe-key-dropped')?.count).toBe(3);
    expect(warning(l, 'warning.io.markup-in-text')?.count).toBe(2);
    expect(l.fieldNames).not.toContain('__proto__');
  });

  it('a huge string is cut to 10,000 characters with a warning', async () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { big: 'x'.repeat(200_000) }, geometry: { type: 'Point', coordinates: [1, 1] } }] };
    const l = layerOf(await loadBytes('big.geojson', new TextEncoder().encode(JSON.stringify(fc))));
    expect((l.data.features[0].properties!.big as string).length).toBe(10_000);
    expect(warning(l, 'warning.io.long-text-truncated')?.count).toBe(1);
  });

  it('a CSV header named __proto__ is dropped, not assigned', async () => {
    const l = layerOf(await loadBytes('x.csv', new TextEncoder().encode('lon,lat,__proto__,name\n1,2,{"polluted":1},a\n')));
    expect(l.data.features[0].properties).toEqual({ name: 'a' });
    expect(Object.getPrototypeOf(l.data.features[0].properties)).toBe(Object.prototype);
  });
});

describe('huge FlatGeobuf files stream', () => {
  // A 500 MB file that exists only as slices: one real feature repeated after a real header.
  function virtualFgb(targetBytes: number) {
    const one = fgb.serialize({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { n: 1 }, geometry: { type: 'Point', coordinates: [7.42, 43.73] } }] });
    const headerLen = new DataView(one.buffer).getUint32(8, true);
    const head = one.subarray(0, 12 + headerLen);
    const feat = one.subarray(12 + headerLen);
    const count = Math.floor((targetBytes - head.length) / feat.length);
    const size = head.length + count * feat.length;
    let largestSlice = 0;
    let wholeReads = 0;
    const byteAt = (i: number) => (i < head.length ? head[i] : feat[(i - head.length) % feat.length]);
    const blob = {
      size,
      slice(start = 0, end = size) {
        const s = Math.max(0, start);
        const e = Math.min(size, end);
        largestSlice = Math.max(largestSlice, e - s);
        const out = new Uint8Array(Math.max(0, e - s));
        for (let i = 0; i < out.length; i++) out[i] = byteAt(s + i);
        return new Blob([out]);
      },
      arrayBuffer() {
        wholeReads++;
        throw new Error('read whole');
      },
    };
    return { blob: blob as unknown as Blob, size, count, stats: () => ({ largestSlice, wholeReads }) };
  }

  it('a 500 MB .fgb is read in slices and stops at the feature cap with a warning', async () => {
    const v = virtualFgb(500 * 1024 * 1024);
    const r = await readLayer({ fileName: 'huge.fgb', blob: v.blob }, { maxFeatures: 20_000 });
    const l = layerOf(r);
    expect(l.featureCount).toBe(20_000);
    const cap = warning(l, 'warning.io.feature-cap')!;
    expect(cap.params?.read).toBe(20_000);
    expect(Number(cap.params?.total)).toBeGreaterThan(v.count * 0.99);
    expect(Number(cap.params?.total)).toBeLessThan(v.count * 1.01);
    expect(v.stats().wholeReads).toBe(0);
    expect(v.stats().largestSlice).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('FlatGeobuf ignores maxBytes (it streams)', async () => {
    if (!hasShared) return;
    const l = layerOf(await loadBytes('roads.fgb', sharedBytes('monaco/roads.fgb'), { maxBytes: 1000 }));
    expect(l.featureCount).toBe(860);
  });

  it('a GeoJSON Blob above maxBytes is refused before it is read', async () => {
    const blob = new Blob([fixtureBytes('points.geojson')]);
    expect(errorOf(await readLayer({ fileName: 'p.geojson', blob }, { maxBytes: 10 })).code).toBe('error.io.too-large');
  });
});
