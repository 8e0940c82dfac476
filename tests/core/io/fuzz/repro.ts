/**
 * Reproduces one fuzz case in this process, with stack traces: `npx tsx tests/core/io/fuzz/repro.ts <case seed>`.
 * Writes the mutated file to the system's temp folder so it can be opened in the app or the CLI too.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readLayer } from '../../../../src/core/io/read-layer';
import { makeCase } from './cases';
import { classify } from './classify';
import { loadSeeds } from './seeds';

const caseSeed = Number(process.argv[2]);
if (!Number.isInteger(caseSeed)) {
  console.error('usage: npx tsx tests/core/io/fuzz/repro.ts <case seed>');
  process.exit(2);
}
const c = makeCase(caseSeed, loadSeeds());
const file = path.join(tmpdir(), `fuzz-${caseSeed}-${c.fileName}`);
writeFileSync(file, c.bytes);
console.log(`case ${caseSeed}: ${c.seedName}, ${c.steps}, ${c.bytes.length} bytes${c.asBlob ? ' as a Blob' : ''}${c.bbox ? `, bbox ${c.bbox.join(',')}` : ''} → ${file}`);
const t0 = performance.now();
const source = c.asBlob ? { fileName: c.fileName, blob: new Blob([c.bytes as Uint8Array<ArrayBuffer>]) } : { fileName: c.fileName, bytes: c.bytes };
const r = await readLayer(source, c.bbox ? { bbox: [...c.bbox] as [number, number, number, number] } : {});
console.log(`${Math.round(performance.now() - t0)} ms`, JSON.stringify(classify(r)));
console.log(JSON.stringify(r.ok ? r.value.map((l) => ({ name: l.name, featureCount: l.featureCount, warnings: l.warnings })) : r.error, null, 1));
