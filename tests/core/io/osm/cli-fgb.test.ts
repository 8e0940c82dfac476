/** The CLI's FlatGeobuf writer keeps every attribute of features whose attribute sets differ. */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { geojson } from 'flatgeobuf';
import { toFlatGeobuf } from '../../../../src/cli/import';
import { fixtures, importOk, layer, readBytes } from './helpers';

describe('toFlatGeobuf', () => {
  it('round-trips the tiny fixture facilities, attribute by attribute', async () => {
    const layers = await importOk(readBytes(path.join(fixtures, 'tiny.osm')), 'tiny.osm');
    const fc = layer(layers, 'facilities')!.data;
    const back = [];
    for await (const f of geojson.deserialize(toFlatGeobuf(fc))) back.push(f);
    expect(back).toHaveLength(fc.features.length);
    back.forEach((f, i) => {
      const want = fc.features[i].properties!;
      for (const [k, v] of Object.entries(want)) expect(f.properties?.[k], `${i}.${k}`).toEqual(v);
      expect(f.geometry.type).toBe(fc.features[i].geometry.type);
    });
    // a column that the first feature lacks still has its own type
    expect(back.find((f) => f.properties?.osm_id === 'w20')?.properties?.area_m2).toBeTypeOf('number');
  });
});
