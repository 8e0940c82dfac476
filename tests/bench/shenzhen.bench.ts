/**
 * The Shenzhen-scale city (17.7 M people, 10 districts, 74 streets, 660 communities; `npm run generate-demo
 * -- --profile shenzhen`) through the core in Node: read the FlatGeobuf files, then the full access analysis
 * (four categories, three thresholds, all four levels) once. The baseline for issue 11's columnar rebuild,
 * whose targets are for the browser tab (≤ 2.5 GB, load + analysis ≤ 30 s). The peer is the 1M-person
 * demo city measured in the same run, so the ratios say how the cost grows with the city (17.7× the people).
 */
import { loadavg } from 'node:os';
import { prepareDataset, runAccessAnalysis, type AnalysisInputs } from '../../src/core/analysis';
import type { BenchReport } from './run-all';
import { ensureCity, ensureShenzhen, fmt, gc, liveMB, loadCity } from './bench-util';

const CATEGORIES = ['playground', 'kindergarten', 'primary_school', 'middle_school'];

interface Figures { loadS: number; analysisS: number; inputsMB: number; peakMB: number; info: string }

async function measure(dir: string): Promise<Figures> {
  gc();
  const base = liveMB();
  const t0 = performance.now();
  const city = await loadCity(dir);
  const loadS = (performance.now() - t0) / 1000;
  gc();
  const inputsMB = liveMB() - base;
  const inputs: AnalysisInputs = { streets: city.streets, homes: city.homes, facilities: [{ fc: city.facilities }], units: city.units };
  let peak = 0;
  const t1 = performance.now();
  const data = prepareDataset(inputs);
  const { result } = runAccessAnalysis(data, { categories: CATEGORIES, thresholds: [{ m: 300 }, { m: 500 }, { m: 1000 }] }, () => (peak = Math.max(peak, liveMB())));
  const analysisS = (performance.now() - t1) / 1000;
  peak = Math.max(peak, liveMB());
  const info = `${result.homeCount} homes, ${result.network.nodes} nodes, ${result.coverage.map((c) => `${c.unitCount} ${c.level}`).join(' / ')}`;
  return { loadS, analysisS, inputsMB, peakMB: peak - base, info };
}

export async function run(): Promise<BenchReport> {
  const load = loadavg()[0];
  const peer = await measure(ensureCity());
  const big = await measure(ensureShenzhen());
  const row = (name: string, a: number, b: number, digits: number) => `| ${name} | ${fmt(a, digits)} | ${fmt(b, digits)} | ${fmt(b / a, 1)}× |`;
  const md = [
    `\`npm run bench -- shenzhen\`: the Shenzhen-scale city (${big.info}) against the 1M-person demo (${peer.info}),`,
    `read from FlatGeobuf as GeoJSON (today's data path) and analysed once in Node 20, one thread. Load average ${fmt(load, 1)} at the start.`,
    '',
    '| measure | 1M demo (peer) | Shenzhen 17.7 M | ratio |',
    '|---|---:|---:|---:|',
    row('read the files (s)', peer.loadS, big.loadS, 1),
    row('full access analysis (s)', peer.analysisS, big.analysisS, 1),
    row('memory: inputs as GeoJSON (MB)', peer.inputsMB, big.inputsMB, 0),
    row('memory: peak, inputs included (MB)', peer.peakMB, big.peakMB, 0),
  ].join('\n');
  console.log(md);
  return { section: 'Shenzhen-scale city (issue 11 baseline)', markdown: md };
}
