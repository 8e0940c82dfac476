/**
 * The whole access analysis on the 1M-person demo city: tables, network, snapping, four categories,
 * isochrone streets, coverage at every level. Single thread (one worker's share of the 2 cores). Also the
 * worker → UI hand-over of the result: postMessage with every buffer transferred through a MessageChannel,
 * against a structured-clone copy of the same result (the peer). Targets: ≤ 3 s, ≤ 5 ms, ≤ 300 MB.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { prepareDataset, runAccessAnalysis, type AccessAnalysisResult, type AnalysisInputs } from '../../src/core/analysis';
import { transferablesOf } from '../../src/protocol/analysis-api';
import type { BenchReport } from './run-all';
import { ensureCity, fmt, gc, liveMB, loadCity, median } from './bench-util';
import { loadavg } from 'node:os';

const RUNS = 5;
const CATEGORIES = ['playground', 'kindergarten', 'primary_school', 'middle_school'];

async function handOver(result: AccessAnalysisResult, transfer: boolean): Promise<number> {
  const { port1, port2 } = new MessageChannel();
  const got = new Promise<number>((resolve) => port2.once('message', () => resolve(performance.now())));
  const t0 = performance.now();
  port1.postMessage(result, transfer ? transferablesOf(result) : []);
  const t1 = await got;
  port1.close();
  port2.close();
  return t1 - t0;
}

export async function run(): Promise<BenchReport> {
  const dir = ensureCity();
  gc();
  const base = liveMB();
  const city = await loadCity(dir);
  const inputs: AnalysisInputs = { streets: city.streets, homes: city.homes, facilities: [{ fc: city.facilities }], units: city.units };
  gc();
  const withInputs = liveMB();
  const request = { categories: CATEGORIES, thresholds: [{ m: 300 }, { m: 500 }, { m: 1000 }] };

  const totals: number[] = [];
  const stages = new Map<string, number[]>();
  const transferMs: number[] = [];
  const copyMs: number[] = [];
  let peak = 0;
  let retained = 0;
  let info = '';
  const load = loadavg()[0];
  for (let r = 0; r < RUNS; r++) {
    gc();
    // A fresh dataset each run: nothing cached from the previous one.
    const data = prepareDataset(inputs);
    const t0 = performance.now();
    const { result } = runAccessAnalysis(data, request, () => (peak = Math.max(peak, liveMB())));
    totals.push(performance.now() - t0);
    peak = Math.max(peak, liveMB());
    for (const [k, v] of Object.entries(result.timingsMs)) stages.set(k, [...(stages.get(k) ?? []), v]);
    gc();
    retained = liveMB() - withInputs;
    info = `${result.homeCount} homes, ${result.facilityCount} facilities, ${result.network.nodes} nodes / ${result.network.segments} segments, ` +
      `${result.coverage.reduce((s, c) => s + c.unitCount, 0)} units on ${result.coverage.length} levels, ` +
      `${result.isochrones.reduce((s, i) => s + i.pieceThreshold.length, 0)} isochrone pieces, ${(transferablesOf(result).reduce((s, b) => s + b.byteLength, 0) / 2 ** 20).toFixed(1)} MB of buffers`;
    copyMs.push(await handOver(result, false));
    transferMs.push(await handOver(result, true));
  }
  const total = median(totals);
  const stageRows = [...stages].map(([k, v]) => `| ${k} | ${fmt(median(v))} |`);
  const tTransfer = median(transferMs);
  const tCopy = median(copyMs);
  const md = [
    `\`npm run bench -- pipeline\`: ${info}. Categories: ${CATEGORIES.join(', ')}; thresholds 300/500/1000 m;`,
    `isochrones as typed street pieces. Node 20, **one thread** (the analysis worker; the second core is left to the UI),`,
    `2 cores, load average ${fmt(load, 1)} at the start (other work inflates times). Medians of ${RUNS} runs, each on a fresh dataset.`,
    '',
    '| measure | median | target | ratio to target |',
    '|---|---:|---:|---:|',
    `| whole analysis (s) | ${fmt(total / 1000, 2)} | 3 | ${fmt(total / 3000, 2)}× |`,
    `| hand-over, transferred (ms) | ${fmt(tTransfer, 2)} | 5 | ${fmt(tTransfer / 5, 2)}× |`,
    `| hand-over, structured copy (peer, ms) | ${fmt(tCopy, 1)} | | copy / transfer = ${fmt(tCopy / tTransfer, 1)}× |`,
    `| memory: inputs as GeoJSON (MB) | ${fmt(withInputs - base)} | | |`,
    `| memory: peak during a run, inputs included (MB) | ${fmt(peak - base)} | 300 | ${fmt((peak - base) / 300, 2)}× |`,
    `| memory: retained by the analysis after a run (MB) | ${fmt(retained)} | | |`,
    '',
    '| stage | median ms |',
    '|---|---:|',
    ...stageRows,
    '',
    'Targets (read with the stage table; progress.network includes tables):',
    total <= 3000
      ? `- Time: **met** (${fmt(total / 1000, 2)} s ≤ 3 s) on one thread. On a loaded machine (load ≈ 8 on 2 cores) the same run took 6–8 s.`
      : `- Time: **missed** by ${fmt(total / 3000, 2)}×. One thread does everything; network build, snapping and the shortest-path passes dominate. A machine load of ${fmt(load, 1)} inflates it (≈ 2 s when idle).`,
    `- Memory: **missed** (peak ${fmt(peak - base)} MB against 300 MB). The inputs alone are ${fmt(withInputs - base)} MB because they are held as GeoJSON`,
    '  (each vertex a JS array, each home a properties object); columnar input tables from io would remove most of that.',
    "  The analysis also keeps each category's node distances for explain().",
    tTransfer <= 5
      ? `- Hand-over: **met** (${fmt(tTransfer, 2)} ms): buffers are transferred, not copied.`
      : `- Hand-over: **missed** by ${fmt(tTransfer / 5, 2)}×: buffers are transferred (copy/transfer ${fmt(tCopy / tTransfer, 1)}×); what remains is the cloned metadata (ids and names of facilities and units) and message latency.`,
  ].join('\n');
  return { section: 'Access analysis pipeline (1M people)', markdown: md };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) console.log((await run()).markdown);
