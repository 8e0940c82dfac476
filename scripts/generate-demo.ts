/**
 * Writes the synthetic demo city: `npm run generate-demo -- [--seed N] [--people N] [--out DIR]`.
 * Default: seed DEFAULT_SEED, 300,000 people, into data/demo (committed). Larger runs are for benchmarks:
 * write them elsewhere (e.g. --out /tmp/demo-1m) and never commit them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_PEOPLE, DEFAULT_SEED, SHENZHEN, encodeFgb, generateDemoCity } from '../src/core/demo';
import { writeFlatGeobuf } from '../src/core/io/fgb-write';
import { demoReadme } from './demo-readme';

const USAGE = `Usage: npm run generate-demo -- [--seed N] [--people N] [--profile demo|shenzhen] [--out DIR]

Writes the synthetic demo city (streets, homes, facilities, units as FlatGeobuf, manifest.json, README.md).

Options:
  --seed N      random seed. Default: ${DEFAULT_SEED}.
  --people N    population, at least 20000. Default: ${DEFAULT_PEOPLE}.
  --profile P   demo (default) or shenzhen: Shenzhen's shape at its size (${SHENZHEN.people.toLocaleString('en')} people
                unless --people, 10 districts, 74 streets, 660 communities, homes as points), written as
                FlatGeobuf with a spatial index. For benchmarks: never commit it.
  --out DIR     output directory (created). Default: data/demo (committed: regenerate it only on purpose).
  --help, -h    show this help.

Examples (benchmark cities, never committed):
  npm run generate-demo -- --people 1000000 --out /tmp/demo-1m
  npm run generate-demo -- --profile shenzhen --out /tmp/shenzhen

Exit codes: 0 done, 2 bad arguments.`;

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
function fail(msg: string): never {
  console.error(`generate-demo: ${msg}\nRun \`npm run generate-demo -- --help\` for the options.`);
  process.exit(2);
}
const given = new Map<string, string>();
for (let i = 0; i < argv.length; i += 2) {
  const flag = argv[i];
  if (!['--seed', '--people', '--out', '--profile'].includes(flag)) fail(`unknown option ${flag}`);
  if (argv[i + 1] === undefined) fail(`${flag} needs a value`);
  given.set(flag.slice(2), argv[i + 1]);
}
const arg = (name: string, fallback: string): string => given.get(name) ?? fallback;

const profile = arg('profile', 'demo');
if (profile !== 'demo' && profile !== 'shenzhen') fail(`--profile must be demo or shenzhen, not ${profile}`);
const shenzhen = profile === 'shenzhen';
const seed = Number.parseInt(arg('seed', String(DEFAULT_SEED)), 10);
const people = Number.parseInt(arg('people', String(shenzhen ? SHENZHEN.people : DEFAULT_PEOPLE)), 10);
const out = arg('out', 'data/demo');
if (!Number.isFinite(seed) || !Number.isFinite(people) || people < 20_000) {
  fail('--seed must be an integer and --people an integer of at least 20000');
}
if (shenzhen && !given.has('out')) fail('--profile shenzhen needs --out DIR outside the repository');

const t0 = performance.now();
const city = generateDemoCity({ seed, people, profile });
const t1 = performance.now();
mkdirSync(out, { recursive: true });
let bytes = 0;
for (const layer of city.layers) {
  // The committed demo keeps its bytes; the Shenzhen-scale files carry a spatial index (view-only loads).
  const buf = shenzhen ? writeFlatGeobuf(layer.data, { name: layer.file.replace(/\.fgb$/, '') }) : encodeFgb(layer.data);
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
