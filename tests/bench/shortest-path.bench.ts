/**
 * Shortest paths: one full single-source pass of the core's typed-array Dijkstra against ngraph.path and
 * graphology-shortest-path on the same graph and sources, with distances checked to agree.
 *
 * Graph: the 1M-person demo city's streets (/tmp/demo-1m/streets.fgb, `npm run generate-demo -- --people
 * 1000000 --out /tmp/demo-1m`) when present, else a synthetic ~300k-segment grid.
 * What is compared (per source, medians of RUNS runs):
 *  - core: ONE multi-source search from one source → distances to every node;
 *  - ngraph.path aStar without heuristic (plain Dijkstra) and graphology dijkstra.bidirectional answer one
 *    pair per call, so they are timed for K random targets; ratios are reported for K targets and per target.
 *    (graphology's singleSource builds every path as an array copy and ran out of a 4 GB heap on 300k edges.)
 * Run: npx tsx tests/bench/shortest-path.bench.ts (or through tests/bench/run-all.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection } from 'geojson';
import createGraph from 'ngraph.graph';
import { aStar } from 'ngraph.path';
import Graph from 'graphology';
import { dijkstra } from 'graphology-shortest-path';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { buildNetwork, type PedestrianNetwork } from '../../src/core/network';
import { multiSourceDistances } from '../../src/core/access';

const RUNS = 5;
const SOURCES = 5;
const K = 5;
const DEMO = '/tmp/demo-1m/streets.fgb';

async function loadStreets(): Promise<{ name: string; streets: FeatureCollection }> {
  if (existsSync(DEMO)) {
    const features: Feature[] = [];
    for await (const f of deserialize(new Uint8Array(readFileSync(DEMO)))) features.push(f as Feature);
    return { name: 'demo-1m streets.fgb', streets: { type: 'FeatureCollection', features } };
  }
  const n = 388; // 388 × 388 grid ≈ 300k segments
  const features: Feature[] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: n }, (_, j) => [116 + j * 1e-3, 39 + i * 1e-3 + (j % 3) * 1e-5]);
    const col = Array.from({ length: n }, (_, j) => row.length && [116 + i * 1e-3, 39 + j * 1e-3 + (i % 3) * 1e-5]);
    features.push({ type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: row } });
    features.push({ type: 'Feature', properties: { highway: 'footway' }, geometry: { type: 'LineString', coordinates: col as number[][] } });
  }
  return { name: `synthetic ${n}×${n} grid`, streets: { type: 'FeatureCollection', features } };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Deterministic pseudo-random numbers so every run benchmarks the same sources and targets. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function largestComponentNodes(net: PedestrianNetwork): number[] {
  const len = net.componentLengthM;
  let best = 0;
  for (let c = 1; c < len.length; c++) if (len[c]! > len[best]!) best = c;
  const nodes: number[] = [];
  for (let v = 0; v < net.nodeCount; v++) if (net.nodeComponent[v] === best) nodes.push(v);
  return nodes;
}

export async function run(): Promise<string> {
  const { name, streets } = await loadStreets();
  console.log(`loaded ${name}: ${streets.features.length} features`);
  const buildMs = time(() => void buildNetwork(streets));
  const net = buildNetwork(streets);
  const rand = lcg(42);
  const pool = largestComponentNodes(net);
  const sources = Array.from({ length: SOURCES }, () => pool[Math.floor(rand() * pool.length)]!);
  const sourceAt = (v: number) => {
    const e = net.offsets[v]!;
    const s = net.edgeSegment[e]!;
    return { segment: s, t: net.segA[s] === v ? 0 : 1, offsetM: 0 };
  };

  const ng = createGraph<unknown, number>();
  const gl = new Graph({ type: 'undirected', multi: false });
  for (let v = 0; v < net.nodeCount; v++) {
    ng.addNode(v);
    gl.addNode(String(v));
  }
  for (let s = 0; s < net.segmentCount; s++) {
    ng.addLink(net.segA[s]!, net.segB[s]!, net.segLengthM[s]!);
    const a = String(net.segA[s]!);
    const b = String(net.segB[s]!);
    if (!gl.hasEdge(a, b)) gl.addEdge(a, b, { weight: net.segLengthM[s]! });
  }
  const finder = aStar(ng, { distance: (_f, _t, link) => link.data });

  const core: number[] = [];
  const ngraph: number[] = [];
  const graphology: number[] = [];
  let maxDiff = 0;
  let checked = 0;
  for (const src of sources) {
    const targets = Array.from({ length: K }, () => pool[Math.floor(rand() * pool.length)]!);
    let dist: Float64Array = new Float64Array(0);
    core.push(median(Array.from({ length: RUNS }, () => time(() => void (dist = multiSourceDistances(net, [sourceAt(src)]).dist)))));
    let paths: unknown[][] = [];
    ngraph.push(median(Array.from({ length: RUNS }, () => time(() => void (paths = targets.map((t) => finder.find(src, t)))))));
    paths.forEach((p, k) => {
      // ngraph returns the path target → source; sum its link weights.
      const nodes = (p as Array<{ id: number }>).map((n) => n.id);
      let d = 0;
      for (let i = 0; i + 1 < nodes.length; i++) d += ng.getLink(nodes[i]!, nodes[i + 1]!)?.data ?? ng.getLink(nodes[i + 1]!, nodes[i]!)!.data;
      maxDiff = Math.max(maxDiff, Math.abs(d - dist[targets[k]!]!));
      checked++;
    });
    let glPaths: string[][] = [];
    graphology.push(median(Array.from({ length: RUNS }, () => time(() => void (glPaths = targets.map((t) => dijkstra.bidirectional(gl, String(src), String(t), 'weight') as string[]))))));
    glPaths.forEach((p, k) => {
      let d = 0;
      for (let i = 0; i + 1 < p.length; i++) d += gl.getEdgeAttribute(gl.edge(p[i]!, p[i + 1]!)!, 'weight') as number;
      maxDiff = Math.max(maxDiff, Math.abs(d - dist[targets[k]!]!));
      checked++;
    });
  }
  const c = median(core);
  const n = median(ngraph);
  const g = median(graphology);
  const lines = [
    `## Shortest paths (${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, Node ${process.version})`,
    '',
    `Graph: ${name}: ${net.nodeCount} nodes, ${net.segmentCount} segments; buildNetwork ${buildMs.toFixed(0)} ms.`,
    `Medians over ${SOURCES} sources (each the median of ${RUNS} runs). Distances checked on ${checked} source–target pairs: max |Δ| = ${maxDiff.toExponential(2)} m.`,
    '',
    '| method | what one timing computes | ms | core is faster by |',
    '|---|---|---:|---:|',
    `| core multiSourceDistances | distances to all ${net.nodeCount} nodes | ${c.toFixed(1)} | 1× |`,
    `| graphology dijkstra.bidirectional | ${K} source–target paths | ${g.toFixed(1)} | ${(g / c).toFixed(1)}× |`,
    `| graphology, per target | 1 path | ${(g / K).toFixed(1)} | ${(g / K / c).toFixed(1)}× |`,
    `| ngraph.path aStar (no heuristic) | ${K} source–target paths | ${n.toFixed(1)} | ${(n / c).toFixed(1)}× |`,
    `| ngraph.path aStar, per target | 1 path | ${(n / K).toFixed(1)} | ${(n / K / c).toFixed(1)}× |`,
    '',
  ];
  const table = lines.join('\n');
  console.log(table);
  return table;
}

export default run;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void run();
