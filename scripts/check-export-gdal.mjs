#!/usr/bin/env node
/**
 * GDAL's view of an `npm run export` folder: runs `ogrinfo -ro -so -al` on every file manifest.json lists
 * and checks that GDAL opens it and counts, per layer, the features the manifest states.
 * Usage: node scripts/check-export-gdal.mjs DIR   (exit 0: all match; 1: a mismatch or an unreadable
 * file; 2: ogrinfo is not installed — install GDAL, e.g. `apt-get install gdal-bin`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/check-export-gdal.mjs DIR');
  process.exit(2);
}
try {
  execFileSync('ogrinfo', ['--version'], { stdio: 'pipe' });
} catch {
  console.error('check-export-gdal: ogrinfo was not found. Install GDAL (Debian/Ubuntu: apt-get install gdal-bin) and run again.');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const byFile = new Map();
for (const e of manifest.files) byFile.set(e.name, [...(byFile.get(e.name) ?? []), e]);
let failures = 0;
for (const [name, entries] of byFile) {
  let out;
  try {
    out = execFileSync('ogrinfo', ['-ro', '-so', '-al', join(dir, name)], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    console.error(`FAIL ${name}: ogrinfo could not open it: ${String(e.stderr ?? e.message).trim().split('\n')[0]}`);
    failures++;
    continue;
  }
  // Layer name: X … Feature Count: N, one block per layer.
  const counts = new Map([...out.matchAll(/^Layer name: (.+)$[\s\S]*?^Feature Count: (\d+)$/gm)].map((m) => [m[1].trim(), Number(m[2])]));
  for (const e of entries) {
    const got = counts.get(e.layer);
    if (got === e.features) console.log(`ok   ${name} ${e.layer}: ${got} features`);
    else {
      console.error(`FAIL ${name} ${e.layer}: GDAL counts ${got ?? 'no such layer'}, the manifest ${e.features}`);
      failures++;
    }
  }
}
console.log(`${byFile.size} files, ${manifest.files.length} layers, ${failures} failures`);
process.exit(failures ? 1 : 0);
