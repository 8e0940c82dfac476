/** Broken input gets a specific error code and never throws out of importOsm. */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { gzipSync } from 'fflate';
import { importOsm } from '../../../../src/core/io/osm';
import { createCancelToken } from '../../../../src/core/jobs';
import { fixtures, readBytes, sharedData } from './helpers';

const tiny = readBytes(path.join(fixtures, 'tiny.osm'));
const andorra = readBytes(path.join(sharedData, 'osm', 'andorra.osm.pbf'));
const code = async (bytes: Uint8Array) => {
  const r = await importOsm(bytes, 'x');
  return r.ok ? 'ok' : r.error.code;
};

describe('broken OSM files', () => {
  it('empty and unknown bytes', async () => {
    expect(await code(new Uint8Array(0))).toBe('osm.empty');
    expect(await code(new TextEncoder().encode('{"type":"FeatureCollection"}'))).toBe('osm.format_unknown');
  });

  it('a PBF cut in the middle of a block is truncated', async () => {
    expect(await code(andorra.subarray(0, 100_000))).toBe('osm.pbf_truncated');
  });

  it('a PBF with a damaged compressed block is corrupt', async () => {
    const bad = andorra.slice();
    // Overwrite bytes inside the second blob's zlib data (the first block is the small OSMHeader).
    for (let i = 400; i < 600; i++) bad[i] = 0xff;
    expect(await code(bad)).toBe('osm.pbf_corrupt');
  });

  it('garbage behind a gzip magic number', async () => {
    const garbage = new Uint8Array(2000).map((_, i) => (i * 7919) % 251);
    garbage[0] = 0x1f;
    garbage[1] = 0x8b;
    expect(await code(garbage)).toBe('osm.gzip_corrupt');
  });

  it('a gzip file cut short ends the XML early', async () => {
    // fflate's streaming inflate does not insist on the gzip trailer, so the XML reader sees the cut.
    const gz = gzipSync(tiny);
    expect(await code(gz.subarray(0, gz.length >> 1))).toBe('osm.xml_truncated');
  });

  it('XML cut mid-element is truncated; XML with a broken tag is malformed', async () => {
    const text = new TextDecoder().decode(tiny);
    const cut = text.slice(0, text.indexOf('<way id="10"') + 8);
    expect(await code(new TextEncoder().encode(cut))).toBe('osm.xml_truncated');
    const broken = text.replace('<nd ref="31"/>', '<nd ref="31"<');
    expect(await code(new TextEncoder().encode(broken))).toBe('osm.xml_malformed');
  });

  it('the same cut XML inside gzip is still truncated, not a gzip error', async () => {
    const text = new TextDecoder().decode(tiny);
    expect(await code(gzipSync(new TextEncoder().encode(text.slice(0, 5000))))).toBe('osm.xml_truncated');
  });

  it('a cancelled import returns the cancelled code', async () => {
    const token = createCancelToken();
    token.cancel();
    const r = await importOsm(andorra, 'a.osm.pbf', undefined, token);
    expect(r).toEqual({ ok: false, error: { code: 'cancelled' } });
  });

  it('reports progress stages in order, ending at 1', async () => {
    const stages: string[] = [];
    const fractions: number[] = [];
    const r = await importOsm(tiny, 'tiny.osm', (p) => {
      stages.push(p.stage);
      fractions.push(p.fraction ?? -1);
    });
    expect(r.ok).toBe(true);
    expect(stages).toEqual(expect.arrayContaining(['progress.osm.ways', 'progress.osm.streets', 'progress.osm.boundaries', 'progress.osm.done']));
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});
