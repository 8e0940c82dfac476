/**
 * When no boundary relation assembles, the import still says why: the boundary warnings travel with the
 * first layer instead of vanishing with the unit layers that were never made.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { importOk, readBytes, sharedData } from './helpers';

// One footway and one district relation whose only member way is not in the file.
const BROKEN_BOUNDARY = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="hand">
  <node id="1" lat="0" lon="0"/>
  <node id="2" lat="0" lon="0.01"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way>
  <relation id="5">
    <member type="way" ref="99" role="outer"/>
    <tag k="type" v="boundary"/><tag k="boundary" v="administrative"/><tag k="admin_level" v="8"/><tag k="name" v="Nowhere"/>
  </relation>
</osm>`;

describe('boundary warnings without a unit layer', () => {
  it('a relation with a missing member: no unit layer, and the streets layer carries the warning naming it', async () => {
    const layers = await importOk(new TextEncoder().encode(BROKEN_BOUNDARY), 'broken.osm', { estimateChildren: false });
    expect(layers.map((l) => l.roleGuess)).toEqual(['streets']);
    expect(layers[0].warnings.find((w) => w.code === 'osm.boundary_incomplete')).toMatchObject({ count: 1, params: { osm_ids: 'r5' } });
  });

  it('moscow.osm.gz: none of its 7 admin relations is complete in the extract, and the import says so', async () => {
    const layers = await importOk(readBytes(path.join(sharedData, 'osm', 'moscow.osm.gz')), 'moscow', { estimateChildren: false });
    expect(layers.some((l) => ['city', 'district', 'street', 'community'].includes(l.roleGuess))).toBe(false);
    const w = layers.flatMap((l) => l.warnings).find((x) => x.code === 'osm.boundary_incomplete');
    expect(w?.count).toBe(7);
  });
});
