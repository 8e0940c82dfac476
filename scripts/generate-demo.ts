/**
 * Writes the synthetic demo city: `npm run generate-demo -- [--seed N] [--people N] [--out DIR]`.
 * Default: seed DEFAULT_SEED, 300,000 people, into data/demo (committed). Larger runs are for benchmarks:
 * write them elsewhere (e.g. --out /tmp/demo-1m) and never commit them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_PEOPLE, DEFAULT_SEED, encodeFgb, generateDemoCity } from '../src/core/demo';
import { demoReadme } from './demo-readme';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const seed = Number.parseInt(arg('seed', String(DEFAULT_SEED)), 10);
const people = Number.parseInt(arg('people', String(DEFAULT_PEOPLE)), 10);
const out = arg('out', 'data/demo');
if (!Number.isFinite(seed) || !Number.isFinite(people) || people < 20_000) {
  console.error('usage: generate-demo [--seed N] [--people N>=20000] [--out DIR]');
  process.exit(2);
}

const t0 = performance.now();
const city = generateDemoCity({ seed, people });
const t1 = performance.now();
mkdirSync(out, { recursive: true });
let bytes = 0;
for (const layer of city.layers) {
  const buf = encodeFgb(layer.data);
  bytes += buf.length;
  writeFileSync(join(out, layer.file), buf);
}
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(city.manifest, null, 2)}\n`);
writeFileSync(join(out, 'README.md'), demoReadme(city));
const t2 = performance.now();

for (const l of city.manifest.layers) console.log(`${l.file.padEnd(22)} ${String(l.featureCount).padStart(8)}`);
const s = city.stats;
console.log(`people ${s.population}, children ${s.children} (${((100 * s.children) / s.population).toFixed(1)} %), homes ${s.homes}, street segments ${s.segments}`);
console.log(`generate ${((t1 - t0) / 1000).toFixed(1)} s, encode+write ${((t2 - t1) / 1000).toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB → ${out}`);
