/**
 * OSM import: time and peak memory per extract, and a linear extrapolation to a 100 MB .osm.pbf.
 * Run: npx tsx --expose-gc tests/bench/osm-import.bench.ts (or through tests/bench/run-all.ts).
 * Memory = V8 heap + ArrayBuffers (the typed node/way columns live there), sampled at every progress report
 * (importOsm yields to the event loop at least every 50 ms), minus the baseline before the import.
 * A second pass forces a GC before each sample ("live"): that is the memory the import really holds, while the
 * first pass's peak also counts garbage V8 has not collected yet. "after read" = live memory when the file is
 * decoded into the typed-array store, before the GeoJSON layers are built.
 * Budget: live peak ≤ 10 × file size for a 100 MB extract (≈1 GB, what a browser tab can afford).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { importOsm } from '../../src/core/io/osm';
import { sharedData } from '../shared-data';

const DATA = sharedData('osm');
const FILES = ['monaco.osm.gz', 'moscow.osm.gz', 'andorra.osm.pbf', 'limburg_an_der_lahn.osm.pbf', 'liechtenstein-2021-10-28.osm.pbf'];
const MB = 1024 * 1024;
const BUDGET_FACTOR = 10;

const mem = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const gc = (globalThis as { gc?: () => void }).gc;

export interface OsmBenchRow {
  file: string;
  sizeMB: number;
  seconds: number;
  peakMB: number;
  livePeakMB: number;
  afterReadMB: number;
  features: number;
}

async function measure(file: string): Promise<OsmBenchRow> {
  const bytes = new Uint8Array(readFileSync(path.join(DATA, file)));
  gc?.();
  const base = mem();
  let peak = base;
  const t0 = performance.now();
  const r = await importOsm(bytes, file, () => (peak = Math.max(peak, mem())));
  const seconds = (performance.now() - t0) / 1000;
  peak = Math.max(peak, mem());
  if (!r.ok) throw new Error(`${file}: ${r.error.code}`);
  const features = r.value.reduce((s, l) => s + l.featureCount, 0);
  // Live pass: GC before each sample.
  gc?.();
  const base2 = mem();
  let live = base2;
  let afterRead = base2;
  const r2 = await importOsm(bytes, file, (p) => {
    gc?.();
    const m = mem();
    live = Math.max(live, m);
    if (p.stage === 'progress.osm.streets') afterRead = m;
  });
  gc?.();
  live = Math.max(live, mem());
  if (!r2.ok) throw new Error(`${file}: ${r2.error.code}`);
  return { file, sizeMB: bytes.length / MB, seconds, peakMB: (peak - base) / MB, livePeakMB: (live - base2) / MB, afterReadMB: (afterRead - base2) / MB, features };
}

export async function run(): Promise<OsmBenchRow[]> {
  const rows: OsmBenchRow[] = [];
  for (const f of FILES) rows.push(await measure(f));
  console.log('\n## OSM import\n');
  console.log(`gc exposed: ${gc ? 'yes' : 'no (peaks include garbage; run with --expose-gc)'}\n`);
  console.log('| file | size MB | time s | peak heap+buffers MB (incl. garbage) | live peak MB | live / size | live after read MB | features |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.file} | ${r.sizeMB.toFixed(2)} | ${r.seconds.toFixed(2)} | ${r.peakMB.toFixed(0)} | ${r.livePeakMB.toFixed(0)} | ${(r.livePeakMB / r.sizeMB).toFixed(1)}× | ${r.afterReadMB.toFixed(1)} | ${r.features} |`,
    );
  const big = rows.find((r) => r.file.startsWith('liechtenstein'))!;
  const scale = 100 / big.sizeMB;
  const live100 = big.livePeakMB * scale;
  console.log(
    `\nExtrapolated linearly from ${big.file} to a 100 MB .osm.pbf: ≈ ${(big.seconds * scale).toFixed(0)} s, ` +
      `live peak ≈ ${live100.toFixed(0)} MB, of which the decoded store ≈ ${(big.afterReadMB * scale).toFixed(0)} MB; ` +
      `sampled peak incl. garbage ≈ ${(big.peakMB * scale).toFixed(0)} MB ` +
      `(budget: live ≤ ${BUDGET_FACTOR} × size = ${100 * BUDGET_FACTOR} MB: ${live100 <= 100 * BUDGET_FACTOR ? 'within' : 'OVER'}).`,
  );
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) void run();
