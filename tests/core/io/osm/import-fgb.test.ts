/**
 * What `npm run import` writes: imported OSM layers (features with different attribute sets) through the
 * core FlatGeobuf writer keep every attribute, and carry the spatial index that "only the current map
 * view" and GDAL use.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { writeFlatGeobuf } from '../../../../src/core/io/fgb-write';
import { fixtures, importOk, layer, readBytes } from './helpers';

describe('imported layers as FlatGeobuf', () => {
  it('round-trip the tiny fixture facilities attribute by attribute, with an index', async () => {
    const layers = await importOk(readBytes(path.join(fixtures, 'tiny.osm')), 'tiny.osm');
    const fc = layer(layers, 'facilities')!.data;
    const back: { properties?: Record<string, unknown> | null; geometry: { type: string } }[] = [];
    let indexNodeSize = -1;
    const bytes = writeFlatGeobuf(fc, { name: 'facilities' });
    for await (const f of deserialize(bytes, { headerMetaFn: (h: { indexNodeSize: number }) => (indexNodeSize = h.indexNodeSize) } as never)) back.push(f as never);
    expect(indexNodeSize).toBe(16);
    expect(back).toHaveLength(fc.features.length);
    // The index orders features along its Hilbert curve: match them by OSM id and category (a school of
    // unknown level is one feature per level it counts as).
    const key = (p: Record<string, unknown> | null | undefined) => `${String(p?.osm_id)}|${String(p?.category)}`;
    const byId = new Map(back.map((f) => [key(f.properties), f]));
    expect(byId.size).toBe(back.length);
    for (const want of fc.features) {
      const got = byId.get(key(want.properties));
      expect(got, String(want.properties!.osm_id)).toBeDefined();
      for (const [k, v] of Object.entries(want.properties!)) expect(got!.properties?.[k], `${want.properties!.osm_id}.${k}`).toEqual(v);
      expect(got!.geometry.type).toBe(want.geometry.type);
    }
    // a column that the first feature lacks still has its own type
    expect(back.find((f) => f.properties?.osm_id === 'w20')?.properties?.area_m2).toBeTypeOf('number');
  });
});
