/**
 * Decompression bombs (issue 13): a PBF block may unpack to at most 32 MiB (the format's limit), a whole
 * OSM file to OSM_MAX_INFLATED_BYTES, a .gz layer to maxBytes, each refused with a code naming the block
 * and the sizes. The bombs are built here; inflating them whole would take gigabytes.
 */
import { describe, expect, it } from 'vitest';
import { importOsm } from '../../../../src/core/io/osm';
import { readOsmPbf } from '../../../../src/core/io/osm/pbf-stream';
import { readOsmXml } from '../../../../src/core/io/osm/xml-reader';
import { OsmStore } from '../../../../src/core/io/osm/osm-store';
import { interestFor } from '../../../../src/core/io/osm/interest';
import { DEFAULT_OSM_CATEGORY_MAPPING } from '../../../../src/core/io/osm/category-mapping';
import { readLayer } from '../../../../src/core/io/read-layer';
import { MiB, concat, fileBlock, gzipOf, headerBlock, zlibOfZeros } from './bomb-builders';

const errorOf = async (bytes: Uint8Array) => {
  const r = await importOsm(bytes, 'bomb.osm.pbf');
  return r.ok ? null : r.error;
};
const drain = (g: Generator<number>) => {
  for (const _ of g) void _;
};
const store = () => new OsmStore(interestFor(DEFAULT_OSM_CATEGORY_MAPPING));

describe('PBF decompression bombs', () => {
  it('a block whose raw_size states 4 GiB is refused before inflating, naming the block', async () => {
    const small = await zlibOfZeros(1000);
    const bomb = concat(headerBlock(), fileBlock('OSMData', { zlib: small, rawSize: 4 * 1024 * MiB }));
    expect(await errorOf(bomb)).toEqual({ code: 'osm.pbf_block_too_large', params: { block: 1, sizeMiB: 4096, limitMiB: 32 } });
  });

  it('a block that lies about its raw_size stops inflating just past 32 MiB', async () => {
    // 256 MiB of zeros in ~250 kB; the stated raw_size is a harmless 1 kB.
    const zlib = await zlibOfZeros(256 * MiB);
    const bomb = concat(headerBlock(), fileBlock('OSMData', { zlib, rawSize: 1024 }));
    const before = process.memoryUsage().arrayBuffers;
    const error = await errorOf(bomb);
    expect(error?.code).toBe('osm.pbf_block_too_large');
    expect(error?.params?.block).toBe(1);
    expect(error?.params?.limitMiB).toBe(32);
    // What was inflated before stopping: over the limit, far under the 256 MiB the block holds.
    expect(error?.params?.sizeMiB).toBeGreaterThan(32);
    expect(error?.params?.sizeMiB).toBeLessThanOrEqual(32 + 17);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(128 * MiB);
  });

  it('a blob whose datasize is over 32 MiB is refused from its header alone', async () => {
    const block = fileBlock('OSMData', { raw: new Uint8Array(16) });
    // Rewrite the BlobHeader's datasize varint to 40 MiB without writing 40 MiB.
    const h = new (await import('pbf')).PbfWriter();
    h.writeStringField(1, 'OSMData');
    h.writeVarintField(3, 40 * MiB);
    const header = h.finish();
    const forged = new Uint8Array(4 + header.length + 100);
    new DataView(forged.buffer).setUint32(0, header.length);
    forged.set(header, 4);
    expect(block.length).toBeGreaterThan(0);
    expect(await errorOf(concat(headerBlock(), forged))).toEqual({ code: 'osm.pbf_block_too_large', params: { block: 1, sizeMiB: 40, limitMiB: 32 } });
  });

  it('blocks each under 32 MiB stop at the total limit, naming the block that passed it', async () => {
    const zlib = await zlibOfZeros(3 * MiB);
    const blocks = Array.from({ length: 6 }, () => fileBlock('OSMData', { zlib, rawSize: 3 * MiB }));
    const bytes = concat(headerBlock(), ...blocks);
    // 10 MiB allowed: blocks 1–3 fit (9 MiB and a few header bytes), block 4 passes it.
    expect(() => drain(readOsmPbf(bytes, store(), 10 * MiB))).toThrow(expect.objectContaining({ code: 'osm.inflated_too_large', params: { block: 4, sizeMiB: 13, limitMiB: 10 } }));
  });

  it('a damaged zlib stream is still reported as a corrupt block', async () => {
    const zlib = await zlibOfZeros(100_000);
    const bad = zlib.slice();
    for (let i = 2; i < bad.length; i++) bad[i] = 0xff;
    expect((await errorOf(concat(headerBlock(), fileBlock('OSMData', { zlib: bad, rawSize: 100_000 }))))?.code).toBe('osm.pbf_corrupt');
  });
});

describe('gzip bombs', () => {
  it('.osm.gz that unpacks past the limit is refused with the sizes', () => {
    // Valid XML: an <osm> root holding 40 MiB of spaces, in ~40 kB of gzip.
    const gz = gzipOf('<?xml version="1.0"?><osm version="0.6">', ' ', 40 * MiB, '</osm>');
    expect(gz.length).toBeLessThan(100_000);
    expect(() => drain(readOsmXml(gz, true, store(), 8 * MiB))).toThrow(
      expect.objectContaining({ code: 'osm.inflated_too_large', params: { sizeMiB: expect.any(Number), limitMiB: 8 } }),
    );
    // The same file under a limit it fits in parses (to an empty store): the limit is what refused it.
    expect(() => drain(readOsmXml(gz, true, store(), 64 * MiB))).not.toThrow();
  });

  it('a .geojson.gz whose trailer lies stops inflating at maxBytes', async () => {
    const gz = gzipOf('{"type":"FeatureCollection","features":[', ' ', 64 * MiB, ']}');
    // The trailer's ISIZE says 100 bytes: the pre-check passes, the bounded inflate must not.
    new DataView(gz.buffer, gz.byteOffset).setUint32(gz.length - 4, 100, true);
    const r = await readLayer({ fileName: 'bomb.geojson.gz', bytes: gz }, { maxBytes: 4 * MiB });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('error.io.too-large');
    // It reports what it had inflated when it stopped, not the 64 MiB a full inflate would have produced.
    expect(Number(r.error.params?.size)).toBeLessThan(4 * MiB + 17 * MiB);
  });
});
