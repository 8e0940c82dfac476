/**
 * OSM import: time and peak memory per extract, and a linear extrapolation to a 100 MB .osm.pbf.
 * Run: npx tsx --expose-gc tests/bench/osm-import.bench.ts (or through tests/bench/run-all.ts).
 * `-- --base DIR` also measures the importer of another checkout (e.g. a `git worktree` of the previous
 * commit) in the same run, file by file, so before and after share the machine's load.
 *
 * Every (importer, file) is measured in a fresh Node process: one untimed import first (so compiled code and
 * the module's own caches are in the baseline), then:
 * - time: one import without forced GCs; its sampled peak counts garbage V8 has not collected yet;
 * - live: one import with a full GC before each sample (every progress report; importOsm yields at least
 *   every 50 ms while reading and between the layers it builds), ArrayBuffers swept synchronously. Memory = V8 heap + ArrayBuffers (the typed
 *   node/way columns live there) minus the baseline. "after read" = live memory when the file is decoded,
 *   before any layer is built; "output" = what the returned layers hold (measured by dropping them).
 * Budget: live peak ≤ 10 × file size on every extract (≈1 GB for a 100 MB extract).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sharedData } from '../shared-data';

const DATA = sharedData('osm');
const FILES = ['monaco.osm.gz', 'moscow.osm.gz', 'andorra.osm.pbf', 'limburg_an_der_lahn.osm.pbf', 'liechtenstein-2021-10-28.osm.pbf'];
const MB = 1024 * 1024;
const BUDGET_FACTOR = 10;
const HERE = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(HERE), '../..');

export interface OsmBenchRow {
  file: string;
  /** Which importer: 'this' or the --base checkout. */
  impl: string;
  sizeMB: number;
  seconds: number;
  peakMB: number;
  livePeakMB: number;
  /** The progress report (stage@fraction) where the live peak was sampled, or 'output'. */
  liveAt: string;
  afterReadMB: number;
  outputMB: number;
  features: number;
}

type ImportOsm = typeof import('../../src/core/io/osm').importOsm;

/** The child: measures one file with the importer under `root`, prints one JSON row. */
async function child(file: string, root: string, impl: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const { importOsm } = (await import(pathToFileURL(path.join(root, 'src/core/io/osm/index.ts')).href)) as { importOsm: ImportOsm };
  const mem = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  // Freed ArrayBuffers are released after the GC that finds them: let that happen before reading a baseline.
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 20));
    }
    gc();
  };
  const bytes = new Uint8Array(readFileSync(path.join(DATA, file)));
  const ok = <T,>(r: Awaited<ReturnType<ImportOsm>>) => {
    if (!r.ok) throw new Error(`${file}: ${r.error.code}`);
    return r.value as T;
  };
  ok(await importOsm(bytes, file));
  await settle();
  let base = mem();
  let peak = base;
  const t0 = performance.now();
  // The result lives in a box so that dropping it (box.layers = []) frees it for the next measurement.
  const box = { layers: ok<{ featureCount: number }[]>(await importOsm(bytes, file, () => (peak = Math.max(peak, mem())))) };
  const seconds = (performance.now() - t0) / 1000;
  peak = Math.max(peak, mem());
  const features = box.layers.reduce((s, l) => s + l.featureCount, 0);
  const peakMB = (peak - base) / MB;
  box.layers = [];
  await settle();
  base = mem();
  let live = base;
  let afterRead = base;
  let liveAt = '';
  box.layers = ok(
    await importOsm(bytes, file, (p) => {
      gc();
      const m = mem();
      if (m > live) liveAt = `${p.stage}@${(p.fraction ?? 0).toFixed(2)}`;
      live = Math.max(live, m);
      if (p.stage === 'progress.osm.ways') afterRead = m;
    }),
  );
  await settle();
  const held = mem();
  if (held > live) liveAt = 'output';
  live = Math.max(live, held);
  box.layers = [];
  await settle();
  const outputMB = (held - mem()) / MB;
  const row: OsmBenchRow = { file, impl, sizeMB: bytes.length / MB, seconds, peakMB, livePeakMB: (live - base) / MB, liveAt, afterReadMB: (afterRead - base) / MB, outputMB, features };
  console.log(JSON.stringify(row));
}

function measure(file: string, root: string, impl: string): OsmBenchRow {
  // Synchronous ArrayBuffer sweeping: a GC then really frees the dead buffers (inflated PBF blocks) before the
  // sample; with the default concurrent sweeping, up to ~8 MB of dead blocks were counted as live.
  const flags = ['--expose-gc', '--no-concurrent-array-buffer-sweeping'];
  const out = execFileSync(process.execPath, [...process.execArgv, ...flags, HERE, '--child', file, root, impl], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as OsmBenchRow;
}

const x = (mb: number, size: number) => `${(mb / size).toFixed(1)}×`;

export async function run(base?: string): Promise<OsmBenchRow[]> {
  const rows: OsmBenchRow[] = [];
  const impls: [string, string][] = base ? [['before', path.resolve(base)], ['after', REPO]] : [['this', REPO]];
  // Alternate the order per file so neither importer always runs first under a changing load.
  FILES.forEach((f, i) => {
    for (const [impl, root] of i % 2 ? [...impls].reverse() : impls) rows.push(measure(f, root, impl));
  });
  console.log('\n## OSM import\n');
  console.log('| file | importer | size MB | time s | peak incl. garbage MB | live peak MB | live / size | live peak at | live after read MB | output MB (/ size) | features |');
  console.log('|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|');
  for (const f of FILES)
    for (const r of rows.filter((q) => q.file === f))
      console.log(
        `| ${r.file} | ${r.impl} | ${r.sizeMB.toFixed(2)} | ${r.seconds.toFixed(2)} | ${r.peakMB.toFixed(0)} | ${r.livePeakMB.toFixed(1)} | ` +
          `**${x(r.livePeakMB, r.sizeMB)}** | ${r.liveAt.replace('progress.osm.', '')} | ${r.afterReadMB.toFixed(1)} | ${r.outputMB.toFixed(1)} (${x(r.outputMB, r.sizeMB)}) | ${r.features} |`,
      );
  for (const [impl] of impls) {
    const big = rows.find((r) => r.impl === impl && r.file.startsWith('liechtenstein'))!;
    const scale = 100 / big.sizeMB;
    const live100 = big.livePeakMB * scale;
    console.log(
      `\n${impl}: extrapolated linearly from ${big.file} to a 100 MB .osm.pbf: ≈ ${(big.seconds * scale).toFixed(0)} s, ` +
        `live peak ≈ ${live100.toFixed(0)} MB, of which the output ≈ ${(big.outputMB * scale).toFixed(0)} MB; ` +
        `worst live / size over all extracts ${Math.max(...rows.filter((r) => r.impl === impl).map((r) => r.livePeakMB / r.sizeMB)).toFixed(1)}× ` +
        `(budget ${BUDGET_FACTOR}×).`,
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') void child(args[1], args[2], args[3]);
  else void run(args[0] === '--base' ? args[1] : undefined);
}
