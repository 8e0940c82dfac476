/**
 * `npm run bench -- fuzz`: 10,000 seeded mutations of every loader's seed files through readLayer in a worker
 * thread (tests/core/io/fuzz), 5 s a case. Records cases, outcomes per class, per seed and per refusal code, and
 * the time, in RESULTS.md under "Fuzz". FUZZ_CASES=n runs another count.
 */
import { loadavg } from 'node:os';
import { makeCase } from '../core/io/fuzz/cases';
import { describeFailure, runAll } from '../core/io/fuzz/runner';
import { loadSeeds } from '../core/io/fuzz/seeds';
import type { BenchReport } from './run-all';

/** Far from the CI test's seeds (1,300,000…), so the benchmark reads other files. */
const BENCH_BASE_SEED = 7_000_000;

export async function run(): Promise<BenchReport> {
  const seeds = loadSeeds();
  const count = Number(process.env.FUZZ_CASES ?? 10_000);
  function* cases() {
    for (let i = 0; i < count; i++) yield makeCase(BENCH_BASE_SEED + i, seeds);
  }
  const warmup = seeds.map((s, i) => ({ caseSeed: -1 - i, seedName: s.name, fileName: s.name, steps: 'unmutated', bytes: s.bytes, asBlob: false }));
  const s = await runAll(cases(), warmup, {
    timeoutMs: 5000,
    onOutcome: (o, done) => {
      if (o.cls === 'crash' || o.cls === 'hang') console.log(describeFailure(o));
      if (done % 1000 === 0) console.log(`fuzz: ${done} / ${count}`);
    },
  });
  const pct = (n: number) => `${((100 * n) / s.cases).toFixed(1)} %`;
  const rows = Object.entries(s.bySeed).map(([name, c]) => `| ${name} | ${c.ok + c.refused + c.crash + c.hang} | ${c.ok} | ${c.refused} | ${c.crash} | ${c.hang} |`);
  const codes = Object.entries(s.byCode).sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ');
  const markdown = `\`npm run bench -- fuzz\` (Node ${process.versions.node}, one worker thread, 2 cores shared with other engineers' runs): ${s.cases} cases from seed ${BENCH_BASE_SEED}, each a seed file of one format mutated 1–3 times (bit flips, truncation, insertion, deletion, splicing, number replacement; for GeoJSON half the mutations replace a value of the parsed document with a hostile one; for .osm.gz, zipped Shapefiles and .osm.pbf blocks half the cases mutate the content and wrap it again), read by \`readLayer\` with a 5 s bound. Load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the end.

| cases | ok | refused (coded) | crash | hang | time | per case | slowest |
|---:|---:|---:|---:|---:|---:|---:|---:|
| ${s.cases} | ${s.byClass.ok} (${pct(s.byClass.ok)}) | ${s.byClass.refused} (${pct(s.byClass.refused)}) | **${s.byClass.crash}** | **${s.byClass.hang}** | ${(s.ms / 1000).toFixed(0)} s | ${(s.ms / s.cases).toFixed(1)} ms | ${Math.round(s.slowest.ms)} ms (${s.slowest.seedName}, seed ${s.slowest.caseSeed}) |

| seed file | cases | ok | refused | crash | hang |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}

Refusals by code: ${codes}.
${s.failures.length ? `\nFailures:\n${s.failures.map((f) => `- ${describeFailure(f)}`).join('\n')}\n` : ''}
Worker threads started: ${s.threads} (a hang or a dead thread starts a new one).

Before the loader fixes of issue 13 (commit 2318fe4), 3,000 cases of the CI test's seeds found 3 crashes: a .osm.pbf
BlobHeader with an 11-byte varint escaping as \`osm.read_failed\`, and two Shapefiles whose .dbf numbers became NaN
attributes. The hostile corpus (tests/core/io/hostile-corpus.test.ts) found the slow ones: 40 star polygons with over a
million self-crossings each took 94 s (now 0.15 s), 150 zigzag polygons without a crossing 15 s (now ≈ 0.8 s).`;
  return { section: 'Fuzz', markdown };
}

