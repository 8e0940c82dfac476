/**
 * The memory work on the importer (compacted store, layers built largest first with the store shrinking
 * between them, homes estimated in place, chunked columns; tests/bench/RESULTS.md "OSM import") must not
 * change what an import produces. Oracle: the importer as it was at commit 98fa6fb, before that work. Its
 * result for each extract, `JSON.stringify(await importOsm(bytes, file, undefined, undefined, options))`, was
 * hashed with SHA-256; the hash covers every layer, feature, coordinate, attribute (and their order) and
 * warning. To re-derive one: `git worktree add /tmp/base 98fa6fb`, then run the same import from
 * /tmp/base/src/core/io/osm and hash its JSON. A deliberate change to the output must update these hashes
 * in the same commit, saying what changed and why.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOsm, type OsmImportOptions } from '../../../../src/core/io/osm';
import { readBytes, sharedData } from './helpers';

const BEFORE: readonly { file: string; options: OsmImportOptions; sha256: string }[] = [
  { file: 'monaco.osm.gz', options: {}, sha256: '5b615d417eb6b7ce254e7d500a35d66175e70ecd10219f7a010b7ab6de3b72bd' },
  { file: 'moscow.osm.gz', options: {}, sha256: 'a067bfdd12270a63478e361a294951ac13d755fc83f5a2c2289883e169497d6a' },
  { file: 'andorra.osm.pbf', options: {}, sha256: '95f961f40ce15dd1e6e9a4b596cf15e6fa206219e7c76a1664cea2f56cbd9d82' },
  { file: 'limburg_an_der_lahn.osm.pbf', options: {}, sha256: '39857c7f3276f1ebd9f25fcdc3b60a6499b7f15d765437f178bd5fcd1d22cb2b' },
  // A known population for the whole import: the other scaling path (scaleToPopulation, in place).
  { file: 'limburg_an_der_lahn.osm.pbf', options: { estimateChildren: { knownPopulation: 50000 } }, sha256: '22043b8f9cad931ec315dea471a962f1eed8d8e6a1bb262c3d18cfe37ed3a82c' },
  { file: 'liechtenstein-2021-10-28.osm.pbf', options: {}, sha256: '000d27424ad2a12956ce7e84754969968a3519d0af343bf7a23ba59c47829ced' },
];

describe('OSM import output is the same as before the memory work (commit 98fa6fb)', () => {
  it.each(BEFORE)('$file $options', async ({ file, options, sha256 }) => {
    const r = await importOsm(readBytes(path.join(sharedData, 'osm', file)), file, undefined, undefined, options);
    expect(r.ok).toBe(true);
    expect(createHash('sha256').update(JSON.stringify(r)).digest('hex')).toBe(sha256);
  });
});
