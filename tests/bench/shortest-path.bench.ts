/**
 * Shortest paths (issue 11: "Shortest-path core ≥ 2× igraph's C Dijkstra … on the same graph and sources,
 * distances equal, in one run"): the core's multiSourceDistances against igraph (Debian's python3-igraph,
 * run by /usr/bin/python3 through tests/bench/igraph-peer.py), ngraph.path and graphology, per facility
 * category, on
 *  - a synthetic 500 × 500 street grid (250,000 nodes) with 4 categories of facility nodes (deterministic), and
 *  - the 1M-person demo city's streets with its facilities of the same 4 categories (each at the network node nearest to where it
 *    snaps), when the city exists (bench-util's ensureCity folder; not generated here).
 *
 * Like for like: every peer answers the same question, the distance of every node from the nearest facility
 * node of a category, as one search from a super source joined by 0-weight edges to every facility node.
 *  - core: multiSourceDistances with one source at each facility node (offset 0): the same search, seeded;
 *  - igraph: Graph.distances(source=super, weights, mode="all") on an undirected copy of the graph per category
 *    (graph building is reported apart and not timed; the call includes turning the result into a Python list,
 *    whose cost is estimated separately); the distances come back in a file and are compared on every node;
 *  - ngraph.path aStar without heuristic (plain Dijkstra) from the super source to an isolated node: it finds
 *    no path, so it settles every reachable node: the same full pass (ngraph has no all-distances call);
 *    distances are checked on K targets by separate (untimed) path queries;
 *  - graphology has no full pass that fits in memory (dijkstra.singleSource copies every path), so it is timed
 *    on K super-source → target paths of one category (dijkstra.bidirectional), per target.
 * Pairs: PAIRS rounds of (core, igraph, ngraph, graphology), each figure the median of RUNS calls; the ratio of
 * a round is Σ peer / Σ core over the categories, and the reported ratio is the median over the rounds.
 *
 *   npm run bench -- shortest        (IGRAPH_PYTHON: another Python with igraph and numpy)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Feature, FeatureCollection } from 'geojson';
import createGraph from 'ngraph.graph';
import { aStar } from 'ngraph.path';
import Graph from 'graphology';
import { dijkstra } from 'graphology-shortest-path';
import { buildNetwork, locationOf, snapPoints, type PedestrianNetwork } from '../../src/core/network';
import { multiSourceDistances, type NetworkSource } from '../../src/core/access';
import { readLayerFile } from '../../src/cli/read-layer-file';
import { CITY_1M, fmt, median } from './bench-util';
import type { BenchReport } from './run-all';

const PAIRS = 3;
const RUNS = 5;
const NGRAPH_RUNS = 1;
const K = 3;
const GRID = 500;
/** The four categories of the access benchmarks (pipeline.bench.ts). */
const FOUR = ['playground', 'kindergarten', 'primary_school', 'middle_school'];
const PYTHON = process.env.IGRAPH_PYTHON ?? '/usr/bin/python3';
const PEER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'igraph-peer.py');
export const IGRAPH_MISSING = `igraph peer not available: install Debian's python3-igraph (apt-get install python3-igraph python3-numpy); it runs under ${PYTHON} (IGRAPH_PYTHON overrides)`;

interface Category { readonly name: string; readonly nodes: Int32Array }
interface Case { readonly name: string; readonly net: PedestrianNetwork; readonly buildMs: number; readonly categories: readonly Category[] }

function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Wall time and this process's CPU time (all its threads: V8's helpers count against the core), ms. */
function timeBoth(f: () => void): [number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [wall, (c.user + c.system) / 1000];
}

/** Deterministic pseudo-random numbers so every run benchmarks the same sources and targets. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function withNetwork(name: string, streets: FeatureCollection, categories: (net: PedestrianNetwork) => Category[]): Case {
  const t0 = performance.now();
  const net = buildNetwork(streets);
  return { name, net, buildMs: performance.now() - t0, categories: categories(net) };
}

/** GRID × GRID nodes: rows and columns of a street grid, slightly uneven so edge lengths differ. */
function gridCase(): Case {
  const features: Feature[] = [];
  const at = (i: number, j: number) => [116 + j * 1e-3, 39 + i * 1e-3 + (j % 3) * 1e-5];
  for (let i = 0; i < GRID; i++) {
    features.push({ type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: Array.from({ length: GRID }, (_, j) => at(i, j)) } });
    features.push({ type: 'Feature', properties: { highway: 'footway' }, geometry: { type: 'LineString', coordinates: Array.from({ length: GRID }, (_, j) => at(j, i)) } });
  }
  return withNetwork(`synthetic ${GRID}×${GRID} grid`, { type: 'FeatureCollection', features }, (net) => {
    const rand = lcg(42);
    // About the demo city's density of facilities (1762 on 317k nodes).
    return FOUR.map((name, i) => {
      const count = [700, 450, 250, 120][i]!;
      const nodes = new Set<number>();
      while (nodes.size < count) nodes.add(Math.floor(rand() * net.nodeCount));
      return { name, nodes: Int32Array.from([...nodes].sort((a, b) => a - b)) };
    });
  });
}

/** The 1M demo city's streets and facilities (each facility at the nearer end of the segment it snaps to). */
async function demoCase(): Promise<Case | null> {
  if (!existsSync(path.join(CITY_1M, 'streets.fgb'))) return null;
  const streets = await readLayerFile(path.join(CITY_1M, 'streets.fgb'));
  const facilities = await readLayerFile(path.join(CITY_1M, 'facilities.fgb'));
  return withNetwork('demo-1m streets.fgb and facilities.fgb', streets, (net) => {
    const located = facilities.features.map((f) => ({ category: String(f.properties?.category), at: locationOf(f.geometry) })).filter((f) => f.at);
    const snap = snapPoints(net, Float64Array.from(located, (f) => f.at![0]), Float64Array.from(located, (f) => f.at![1]));
    const byCategory = new Map<string, Set<number>>(FOUR.map((k) => [k, new Set()]));
    located.forEach((f, i) => {
      if (!byCategory.has(f.category)) return;
      const s = snap.segment[i]!;
      if (s < 0) return;
      const node = snap.t[i]! < 0.5 ? net.segA[s]! : net.segB[s]!;
      byCategory.set(f.category, (byCategory.get(f.category) ?? new Set()).add(node));
    });
    return [...byCategory].map(([name, nodes]) => ({ name, nodes: Int32Array.from([...nodes].sort((a, b) => a - b)) }));
  });
}

/** The core's sources for facility nodes: position 0 or 1 on an incident segment, no snap leg. */
function nodeSources(net: PedestrianNetwork, nodes: Int32Array): NetworkSource[] {
  return Array.from(nodes, (v) => {
    const s = net.edgeSegment[net.offsets[v]!]!;
    return { segment: s, t: net.segA[s] === v ? 0 : 1, offsetM: 0 };
  });
}

/** GRAPH.bin for igraph-peer.py (format in its docstring). */
function writeGraphFile(file: string, c: Case): void {
  const { net } = c;
  const m = net.segmentCount;
  const size = 32 + 16 * m + c.categories.reduce((s, k) => s + 4 + 4 * k.nodes.length, 0);
  const buf = Buffer.alloc(size);
  buf.write('CFCG', 0, 'latin1');
  buf.writeUInt32LE(1, 4);
  buf.writeUInt32LE(net.nodeCount, 8);
  buf.writeUInt32LE(m, 12);
  buf.writeUInt32LE(c.categories.length, 16);
  let off = 32;
  new Float64Array(buf.buffer, buf.byteOffset + off, m).set(net.segLengthM);
  off += 8 * m;
  for (const ends of [net.segA, net.segB]) {
    for (let s = 0; s < m; s++) buf.writeInt32LE(ends[s]!, off + 4 * s);
    off += 4 * m;
  }
  for (const k of c.categories) {
    buf.writeUInt32LE(k.nodes.length, off);
    off += 4;
    for (const v of k.nodes) {
      buf.writeInt32LE(v, off);
      off += 4;
    }
  }
  writeFileSync(file, buf);
}

interface Peer { readonly ask: (cmd: string) => Promise<Record<string, unknown>>; readonly hello: Record<string, unknown>; readonly close: () => void }

async function startIgraph(file: string, outDir: string): Promise<Peer> {
  const child = spawn(PYTHON, [PEER, file, outDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const r = await lines.next();
    if (r.done) throw new Error(`igraph-peer.py ended without answering (${IGRAPH_MISSING})`);
    const msg = JSON.parse(r.value) as Record<string, unknown>;
    if (msg.error) throw new Error(`igraph-peer.py: ${String(msg.error)}`);
    return msg;
  };
  const hello = await next();
  return {
    hello,
    ask: (cmd) => (child.stdin.write(`${cmd}\n`), next()),
    close: () => (child.stdin.end('quit\n'), void child.kill()),
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

interface CaseResult { readonly lines: string[]; readonly igraphRatio: number }

async function runCase(c: Case, workDir: string): Promise<CaseResult> {
  const { net, categories } = c;
  const sources = categories.map((k) => nodeSources(net, k.nodes));
  console.log(`${c.name}: ${net.nodeCount} nodes, ${net.segmentCount} segments; ${categories.map((k) => `${k.name} ${k.nodes.length}`).join(', ')}`);

  const file = path.join(workDir, 'graph.bin');
  writeGraphFile(file, c);
  const igraph = await startIgraph(file, workDir);
  console.log('igraph ready', igraph.hello);

  const t0 = performance.now();
  const ng = createGraph<unknown, number>();
  for (let v = 0; v < net.nodeCount; v++) ng.addNode(v);
  for (let s = 0; s < net.segmentCount; s++) ng.addLink(net.segA[s]!, net.segB[s]!, net.segLengthM[s]!);
  ng.addNode('X'); // isolated: a search towards it settles every node it can reach
  const ngBuildMs = performance.now() - t0;
  const finder = aStar(ng, { distance: (_f, _t, link) => link.data });
  const t1 = performance.now();
  const gl = new Graph({ type: 'undirected', multi: false });
  for (let v = 0; v < net.nodeCount; v++) gl.addNode(String(v));
  for (let s = 0; s < net.segmentCount; s++) {
    const a = String(net.segA[s]!);
    const b = String(net.segB[s]!);
    const w = net.segLengthM[s]!;
    if (a === b) continue;
    const e = gl.edge(a, b);
    if (e === undefined) gl.addEdge(a, b, { weight: w });
    else if (w < (gl.getEdgeAttribute(e, 'weight') as number)) gl.setEdgeAttribute(e, 'weight', w); // parallel segments: the shorter
  }
  const glBuildMs = performance.now() - t1;
  const withSuper = <T>(k: Category, f: () => T): T => {
    for (const v of k.nodes) ng.addLink('S', v, 0);
    gl.addNode('S');
    for (const v of k.nodes) gl.addEdge('S', String(v), { weight: 0 });
    try {
      return f();
    } finally {
      ng.removeNode('S');
      gl.dropNode('S');
    }
  };

  const rand = lcg(7);
  const targets = categories.map(() => Array.from({ length: K }, () => Math.floor(rand() * net.nodeCount)));
  const glCategory = categories.length - 1; // the fewest facilities: the longest paths
  const rounds: { core: number[]; coreCpu: number[]; igraph: number[]; igraphCpu: number[]; listMs: number; ngraph: number[]; graphology: number }[] = [];
  const coreDist: Float64Array[] = [];
  for (let r = 0; r < PAIRS; r++) {
    const coreBoth = sources.map((src, i) => Array.from({ length: RUNS }, () => timeBoth(() => void (coreDist[i] = multiSourceDistances(net, src).dist))));
    const core = coreBoth.map((xs) => median(xs.map((x) => x[0])));
    const coreCpu = coreBoth.map((xs) => median(xs.map((x) => x[1])));
    const ig = await igraph.ask(`time ${RUNS}`);
    const ngraph = categories.map((k) => withSuper(k, () => median(Array.from({ length: NGRAPH_RUNS }, () => time(() => void finder.find('S', 'X'))))));
    const graphology = withSuper(categories[glCategory]!, () => time(() => targets[glCategory]!.forEach((t) => dijkstra.bidirectional(gl, 'S', String(t), 'weight'))) / K);
    rounds.push({ core, coreCpu, igraph: ig.ms as number[], igraphCpu: ig.cpuMs as number[], listMs: ig.listMs as number, ngraph, graphology });
    console.log(`round ${r + 1}: core ${core.map((x) => fmt(x, 1)).join(' ')} (CPU ${coreCpu.map((x) => fmt(x, 1)).join(' ')}) | igraph ${(ig.ms as number[]).map((x) => fmt(x, 1)).join(' ')} (CPU ${(ig.cpuMs as number[]).map((x) => fmt(x, 1)).join(' ')}) | ngraph ${ngraph.map((x) => fmt(x)).join(' ')} | graphology/target ${fmt(graphology)} ms`);
  }

  // Distances: igraph on every node; ngraph and graphology on K targets per category (path sums).
  await igraph.ask('dump');
  igraph.close();
  let igMax = 0;
  let igFiniteMismatch = 0;
  let igCompared = 0;
  categories.forEach((_, i) => {
    const theirs = new Float64Array(new Uint8Array(readFileSync(path.join(workDir, `dist-${i}.f64`))).buffer);
    const ours = coreDist[i]!;
    if (theirs.length !== ours.length) throw new Error(`igraph returned ${theirs.length} distances for ${ours.length} nodes`);
    for (let v = 0; v < ours.length; v++) {
      const a = ours[v]!;
      const b = theirs[v]!;
      if (Number.isFinite(a) !== Number.isFinite(b)) igFiniteMismatch++;
      else if (Number.isFinite(a)) {
        igMax = Math.max(igMax, Math.abs(a - b));
        igCompared++;
      }
    }
  });
  let pathMax = 0;
  let pathChecked = 0;
  const linkWeight = (a: unknown, b: unknown) => (ng.getLink(a as number, b as number) ?? ng.getLink(b as number, a as number))!.data;
  categories.forEach((k, i) => withSuper(k, () => {
    for (const t of targets[i]!) {
      const want = coreDist[i]![t]!;
      const nodes = finder.find('S', t).map((n) => n.id);
      let d = nodes.length ? 0 : Number.POSITIVE_INFINITY;
      for (let j = 0; j + 1 < nodes.length; j++) d += linkWeight(nodes[j], nodes[j + 1]);
      const p = (dijkstra.bidirectional(gl, 'S', String(t), 'weight') ?? []) as string[];
      let g = p.length ? 0 : Number.POSITIVE_INFINITY;
      for (let j = 0; j + 1 < p.length; j++) g += gl.getEdgeAttribute(gl.edge(p[j]!, p[j + 1]!)!, 'weight') as number;
      for (const x of [d, g]) pathMax = Math.max(pathMax, x === want ? 0 : Math.abs(x - want));
      pathChecked += 2;
    }
  }));

  const ratio = (peer: (r: (typeof rounds)[number]) => number) => median(rounds.map((r) => peer(r) / sum(r.core)));
  const igRatio = ratio((r) => sum(r.igraph));
  const igNoList = ratio((r) => sum(r.igraph) - categories.length * r.listMs);
  const igCpu = median(rounds.map((r) => sum(r.igraphCpu) / sum(r.coreCpu)));
  const ngRatio = ratio((r) => sum(r.ngraph));
  const glRatio = median(rounds.map((r) => r.graphology / r.core[glCategory]!));
  const perCategory = categories.map((k, i) => {
    const m = (f: (r: (typeof rounds)[number]) => number) => median(rounds.map(f));
    return `| ${k.name} | ${k.nodes.length} | ${fmt(m((r) => r.core[i]!), 1)} | ${fmt(m((r) => r.igraph[i]!), 1)} | ${fmt(m((r) => r.igraph[i]! / r.core[i]!), 2)}× | ${fmt(m((r) => r.coreCpu[i]!), 1)} | ${fmt(m((r) => r.igraphCpu[i]!), 1)} | ${fmt(m((r) => r.igraphCpu[i]! / r.coreCpu[i]!), 2)}× | ${fmt(m((r) => r.ngraph[i]!))} | ${fmt(m((r) => r.ngraph[i]! / r.core[i]!), 1)}× |`;
  });
  const lines = [
    `**${c.name}**: ${net.nodeCount} nodes, ${net.segmentCount} segments. Build (not timed below): core buildNetwork ${fmt(c.buildMs)} ms (from GeoJSON), igraph ${fmt(igraph.hello.buildMs as number)} ms (${categories.length} graphs with their super source), ngraph ${fmt(ngBuildMs)} ms, graphology ${fmt(glBuildMs)} ms.`,
    `Distances: igraph equal on all ${igCompared} reached (node, category) pairs to max |Δ| = ${igMax.toExponential(1)} m, ${igFiniteMismatch} disagreements on reachability; ngraph and graphology paths to ${K} targets per category: max |Δ| = ${pathMax.toExponential(1)} m (${pathChecked} paths).`,
    '',
    '| category | facility nodes | core ms | igraph ms | igraph / core | core CPU ms | igraph CPU ms | igraph / core, CPU | ngraph ms | ngraph / core |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...perCategory,
    '',
    `Ratios, Σ over the categories per round, median of ${PAIRS} rounds (igraph per round: wall ${rounds.map((r) => `${fmt(sum(r.igraph) / sum(r.core), 2)}×`).join(', ')}; CPU ${rounds.map((r) => `${fmt(sum(r.igraphCpu) / sum(r.coreCpu), 2)}×`).join(', ')}):`,
    `- **core vs igraph distances(): ${fmt(igRatio, 2)}× wall, ${fmt(igCpu, 2)}× CPU time** (target ≥ 2×: ${igRatio >= 2 ? 'met' : 'missed'} on wall time, ${igCpu >= 2 ? 'met' : 'missed'} on CPU time); igraph's call includes building a Python list of ${net.nodeCount + 1} floats, ~${fmt(median(rounds.map((r) => r.listMs)), 1)} ms by numpy's tolist() of the same size: without it ${fmt(igNoList, 2)}×.`,
    `- core vs ngraph.path full pass: ${fmt(ngRatio, 1)}×.`,
    `- core vs graphology dijkstra.bidirectional, one super-source path (${categories[glCategory]!.name}) against the core's whole pass: ${fmt(glRatio, 1)}×.`,
  ];
  return { lines, igraphRatio: igRatio };
}

export async function run(): Promise<BenchReport> {
  const load0 = loadavg()[0]!;
  const head = [
    `\`npm run bench -- shortest\` (${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, Node ${process.version}; load average ${fmt(load0, 1)} at the start, LOAD_END at the end).`,
    `Every peer computes the distance of every node from the nearest facility node of a category (a super source joined by 0-weight edges to every facility node); each figure is the median of ${RUNS} calls (ngraph ${NGRAPH_RUNS}), timed as wall time and as the process's CPU time (on a shared machine the CPU time is the steadier of the two); ${PAIRS} rounds of (core, igraph, ngraph, graphology) in one run. See the file's comment for how each peer is called.`,
    '',
  ];
  const probe = spawnSync(PYTHON, ['-c', 'import igraph, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.error(`\n*** ${IGRAPH_MISSING}\n${probe.stderr ?? probe.error?.message ?? ''}`);
    process.exitCode = 1;
    return { section: 'Shortest paths', markdown: [...head, `**NOT MEASURED**: ${IGRAPH_MISSING}.`].join('\n') };
  }
  const body: string[] = [];
  const workDir = mkdtempSync(path.join(tmpdir(), 'cfc-igraph-'));
  try {
    for (const make of [async () => gridCase(), demoCase]) {
      const c = await make();
      if (!c) {
        body.push(`(The 1M demo city is not in ${CITY_1M}: \`npm run generate-demo -- --people 1000000 --out ${CITY_1M}\` adds its streets.)`, '');
        continue;
      }
      body.push(...(await runCase(c, workDir)).lines, '');
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const md = [...head, ...body].join('\n').replace('LOAD_END', fmt(loadavg()[0]!, 1));
  console.log(md);
  return { section: 'Shortest paths', markdown: md };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await run();
