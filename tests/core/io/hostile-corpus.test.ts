/**
 * The hostile-input corpus (issue 13): for every loader, hand-made hostile files in tests/fixtures/hostile (the
 * binary ones written by make-hostile.ts) and a few generated here (the big ones), each with its exact outcome:
 * the error code and parameters, or the layers' feature counts and warning counts. Cases marked `fixed` failed
 * before this corpus found them (see the comment on each).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LoadedLayer } from '../../../src/core/model';
import { readLayer } from '../../../src/core/io/read-layer';
import { brokenPromise } from './fuzz/classify';
import { MiB, concat, fileBlock } from './hostile/bomb-builders';
import { osmHeaderBlock } from './fuzz/pbf-encode';
import { deepJson, manyKinks, tallBuilding, zigzags } from './hostile/generated';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/hostile');
const file = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const tinyOsm = () => new Uint8Array(readFileSync(path.join(dir, '../osm/tiny.osm')));

type Layers = { features: number; warnings: Record<string, number> }[];
interface Case {
  readonly name: string;
  /** Bytes made here instead of a file of the corpus. */
  readonly bytes?: () => Uint8Array;
  readonly error?: { code: string; params?: Record<string, unknown> };
  readonly layers?: Layers;
  /** Further checks on the layers. */
  readonly check?: (layers: LoadedLayer[]) => void | Promise<void>;
  /** A time bound, for cases that used to take long. */
  readonly maxMs?: number;
}

const w = (warnings: Record<string, number>) => warnings;
const IO = (code: string) => `warning.io.${code}`;
const props = (l: LoadedLayer) => l.data.features.map((f) => f.properties);

const CASES: Record<string, Case[]> = {
  GeoJSON: [
    { name: 'bogus-geometry-types.geojson', layers: [{ features: 1, warnings: w({ [IO('empty-geometry-dropped')]: 5 }) }] },
    { name: 'non-finite-coordinates.geojson', layers: [{ features: 2, warnings: w({ [IO('invalid-coordinates')]: 4, [IO('empty-geometry-dropped')]: 3 }) }] },
    // fixed: one 1e308 and one latitude of 95 among 20 points refused the whole file as "looks projected".
    { name: 'stray-coordinates.geojson', layers: [{ features: 20, warnings: w({ [IO('off-globe-dropped')]: 2 }) }] },
    // fixed: the extent in the message read Infinity.
    { name: 'only-1e308.geojson', error: { code: 'error.io.looks-projected', params: { file: 'only-1e308.geojson', minX: 1e308, minY: -1e308, maxX: 1e308, maxY: -1e308 } } },
    { name: 'kinked-polygons.geojson', layers: [{ features: 4, warnings: w({ [IO('self-intersection')]: 3 }) }] },
    // fixed: turf's kinks listed every crossing (over a million for one of these stars): minutes and gigabytes.
    { name: 'many-kinks.geojson', bytes: () => manyKinks(40), layers: [{ features: 40, warnings: w({ [IO('self-intersection')]: 40 }) }], maxMs: 5000 },
    // fixed: no crossing to stop at, so every pair of segments was compared, per polygon, without a bound.
    { name: 'zigzags.geojson', bytes: () => zigzags(150), layers: [{ features: 150, warnings: w({}) }], maxMs: 5000 },
    { name: 'deep-properties.geojson', bytes: () => deepJson('properties', 100_000), layers: [{ features: 1, warnings: w({}) }] },
    { name: 'deep-root.geojson', bytes: () => deepJson('root', 100_000), error: { code: 'error.io.json-no-geometry', params: { file: 'deep-root.geojson' } } },
    { name: 'deep-cut.geojson', bytes: () => deepJson('cut', 100_000), error: { code: 'error.io.truncated', params: { file: 'deep-cut.geojson', format: 'geojson' } } },
  ],
  CSV: [
    {
      name: 'formulas-and-script.csv',
      layers: [{ features: 3, warnings: w({ [IO('markup-in-text')]: 1 }) }],
      // Kept as they are (text is data); exports neutralise formulas (csv-cell.ts), the UI renders text only.
      check: ([l]) =>
        expect(props(l)).toEqual([
          { name: '=HYPERLINK("http://evil.example","click")', note: "+cmd|' /C calc'!A0" },
          { name: '<script>alert(1)</script>', note: '@SUM(1+1)' },
          { name: '-2+3', note: '=1+1' },
        ]),
    },
    // fixed: the rows after an unclosed quote vanished into one cell without a word.
    { name: 'unclosed-quote.csv', layers: [{ features: 2, warnings: w({ [IO('csv-unclosed-quote')]: 1 }) }], check: ([l]) => expect(l.warnings.find((x) => x.code === IO('csv-unclosed-quote'))?.params).toEqual({ line: 3 }) },
    // fixed: '0x1A' and '0b111' were read as the longitudes 26 and 7.
    // fixed: an attribute '1e999' became the number Infinity.
    { name: 'non-finite.csv', layers: [{ features: 1, warnings: w({ [IO('csv-bad-rows')]: 7 }) }], check: ([l]) => expect(props(l)).toEqual([{ name: 'ok', size: '1e999' }]) },
    { name: 'stray-coordinates.csv', layers: [{ features: 20, warnings: w({ [IO('off-globe-dropped')]: 2 }) }] },
    {
      name: 'huge-cell.csv',
      bytes: () => new TextEncoder().encode(`lon,lat,big\n7.42,43.73,"${'x'.repeat(200_000)}"\n`),
      layers: [{ features: 1, warnings: w({ [IO('long-text-truncated')]: 1 }) }],
    },
    // Read: the point and the bowtie. Bad rows: NaN, the bogus collection, EMPTY, CIRCLE, the unclosed polygon.
    {
      name: 'hostile-wkt.csv',
      layers: [{ features: 2, warnings: w({ [IO('csv-bad-rows')]: 5, [IO('invalid-coordinates')]: 1, [IO('too-few-points')]: 1, [IO('empty-geometry-dropped')]: 2, [IO('self-intersection')]: 1 }) }],
      check: ([l]) => expect(props(l)).toEqual([{ id: 1 }, { id: 4 }]),
    },
  ],
  FlatGeobuf: [
    { name: 'truncated.fgb', error: { code: 'error.io.truncated', params: { file: 'truncated.fgb', format: 'fgb' } } },
    { name: 'wrong-magic.fgb', error: { code: 'error.io.not-geographic', params: { file: 'wrong-magic.fgb', detected: 'unknown' } } },
    { name: 'header-length-2gib.fgb', error: { code: 'error.io.corrupt', params: { file: 'header-length-2gib.fgb', format: 'fgb', detail: 'header size' } } },
    { name: 'count-lies.fgb', error: { code: 'error.io.truncated', params: { file: 'count-lies.fgb', format: 'fgb' } } },
    // The header's geometry type 99 is no type: every feature decodes to no geometry, and each is counted.
    { name: 'bogus-geometry-type.fgb', layers: [{ features: 0, warnings: w({ [IO('empty-geometry-dropped')]: 3 }) }] },
    { name: 'nan-coordinates.fgb', layers: [{ features: 2, warnings: w({ [IO('invalid-coordinates')]: 3, [IO('empty-geometry-dropped')]: 2 }) }] },
  ],
  'Zipped Shapefile': [
    { name: 'truncated.zip', error: { code: 'error.io.truncated', params: { file: 'truncated.zip', format: 'zip' } } },
    { name: 'wrong-magic.zip', error: { code: 'error.io.not-geographic', params: { file: 'wrong-magic.zip', detected: 'unknown' } } },
    // fixed: fflate allocated the stated 4 GiB before the size check ran.
    { name: 'member-claims-4gib.zip', error: { code: 'error.io.too-large', params: { file: 'member-claims-4gib.zip', size: 0xfffffff0, limit: 300 * MiB } } },
    { name: 'nan-points.zip', layers: [{ features: 1, warnings: w({ [IO('invalid-coordinates')]: 2, [IO('empty-geometry-dropped')]: 2 }) }] },
    { name: 'bogus-shape-type.zip', error: { code: 'error.io.corrupt', params: { file: 'bogus-shape-type.zip', format: 'shapefile', detail: 'bogus' } } },
    { name: 'formula-and-script.zip', layers: [{ features: 3, warnings: w({ [IO('markup-in-text')]: 1 }) }] },
  ],
  GeoPackage: [
    { name: 'truncated.gpkg', error: { code: 'error.io.truncated', params: { file: 'truncated.gpkg', format: 'gpkg' } } },
    { name: 'wrong-magic.gpkg', error: { code: 'error.io.not-geographic', params: { file: 'wrong-magic.gpkg', detected: 'unknown' } } },
    { name: 'bogus-blobs.gpkg', layers: [{ features: 1, warnings: w({ [IO('empty-geometry-dropped')]: 7, [IO('invalid-coordinates')]: 1 }) }] },
    { name: 'script-attributes.gpkg', layers: [{ features: 3, warnings: w({ [IO('markup-in-text')]: 1, [IO('long-text-truncated')]: 1 }) }] },
  ],
  '.osm': [
    { name: 'cut.osm', bytes: () => tinyOsm().slice(0, 3000), error: { code: 'osm.xml_truncated', params: {} } },
    { name: 'png-named.osm', error: { code: 'error.io.not-geographic', params: { file: 'png-named.osm', detected: 'png' } } },
    // A billion laughs: entities are never expanded, the first reference is an error.
    { name: 'entity-expansion.osm', error: { code: 'osm.xml_malformed', params: { line: 13, column: 24, detail: '13:24: undefined entity.' } } },
    // fixed: longitude 500° wrapped to 70.5° in the Int32 column; latitude 95° was kept; NaN vanished silently.
    {
      name: 'off-globe.osm',
      layers: [
        { features: 1, warnings: w({ 'osm.way_missing_nodes': 1, 'osm.node_bad_coordinates': 3 }) },
        { features: 1, warnings: w({}) },
      ],
      check: ([streets, facilities]) => {
        expect(streets.warnings.find((x) => x.code === 'osm.node_bad_coordinates')?.params).toEqual({ osm_ids: 'n3, n4, n5' });
        expect(facilities.data.features.map((f) => f.geometry)).toEqual([{ type: 'Point', coordinates: [0.005, 0.005] }]);
      },
    },
    // fixed: tag values reached the layers uncut (every other loader cuts text at 10,000 characters).
    {
      name: 'long-name.osm',
      bytes: () => new TextEncoder().encode(`<osm version="0.6"><node id="1" lat="0" lon="0"><tag k="leisure" v="playground"/><tag k="name" v="${'x'.repeat(200_000)}"/></node></osm>`),
      layers: [{ features: 1, warnings: w({ [IO('long-text-truncated')]: 1 }) }],
      check: ([l]) => expect((l.data.features[0].properties!.name as string).length).toBe(10_000),
    },
    // fixed: building:levels=1e308 gave a home Infinity people and children.
    {
      name: 'tall-building.osm',
      bytes: () => tallBuilding('1e308'),
      layers: [{ features: 1, warnings: w({}) }],
      // Read as untagged: the same estimate as a building without the tag.
      check: async ([l]) => {
        const plain = await readLayer({ fileName: 'plain.osm', bytes: tallBuilding('') });
        const pick = (p: Record<string, unknown> | null) => ({ levels: p?.levels, population: p?.population });
        expect(pick(l.data.features[0].properties)).toEqual(pick(plain.ok ? plain.value[0].data.features[0].properties : null));
        expect(Number.isFinite(l.data.features[0].properties?.population)).toBe(true);
      },
    },
  ],
  '.osm.gz': [
    { name: 'cut.osm.gz', error: { code: 'osm.xml_truncated', params: {} } },
    { name: 'garbage.osm.gz', bytes: () => concat(new Uint8Array([0x1f, 0x8b, 8, 0]), new Uint8Array(500).map((_, i) => (i * 7919) % 251)), error: { code: 'osm.gzip_corrupt', params: {} } },
  ],
  '.osm.pbf': [
    { name: 'truncated.osm.pbf', error: { code: 'osm.pbf_truncated', params: { block: 1 } } },
    { name: 'wrong-magic.osm.pbf', error: { code: 'osm.format_unknown', params: {} } },
    // fixed: a malformed varint in a BlobHeader escaped as osm.read_failed (an unexpected exception).
    { name: 'malformed-varint-header.osm.pbf', error: { code: 'osm.pbf_corrupt', params: { block: 1 } } },
    { name: 'malformed-varint-block.osm.pbf', error: { code: 'osm.pbf_corrupt', params: { block: 1 } } },
    { name: 'off-globe.osm.pbf', layers: [{ features: 1, warnings: w({ 'osm.way_missing_nodes': 1, 'osm.node_bad_coordinates': 2 }) }] },
    {
      name: 'block-33mib.osm.pbf',
      // Just under 33 MiB of raw data, so the Blob (with its few bytes of framing) states 33 MiB, rounded up.
      bytes: () => concat(osmHeaderBlock(), fileBlock('OSMData', { raw: new Uint8Array(33 * MiB - 16) })),
      error: { code: 'osm.pbf_block_too_large', params: { block: 1, sizeMiB: 33, limitMiB: 32 } },
    },
  ],
};

const summary = (layers: LoadedLayer[]): Layers =>
  layers.map((l) => ({ features: l.featureCount, warnings: Object.fromEntries(l.warnings.filter((x) => !x.code.startsWith('info.')).map((x) => [x.code, x.count])) }));

for (const [format, cases] of Object.entries(CASES)) {
  describe(`hostile ${format}`, () => {
    for (const c of cases) {
      it(c.name, async () => {
        const bytes = c.bytes ? c.bytes() : file(c.name);
        const t0 = performance.now();
        const r = await readLayer({ fileName: c.name, bytes });
        const ms = performance.now() - t0;
        if (c.error) {
          expect(r.ok ? summary(r.value) : r.error).toEqual(c.error.params ? c.error : { code: c.error.code, params: expect.anything() });
          return;
        }
        expect(r.ok ? summary(r.value) : r.error).toEqual(c.layers);
        if (!r.ok) return;
        for (const l of r.value) expect(brokenPromise(l)).toBeUndefined();
        await c.check?.(r.value);
        if (c.maxMs) expect(ms).toBeLessThan(c.maxMs);
      });
    }
  });
}
