/**
 * Every loader, fuzzed (issue 13): ~255 seeded mutations of small valid files of every format readLayer reads,
 * each read in a worker thread with a 5 s bound. 0 crashes, 0 hangs; a failure prints its case seed, and
 * `npx tsx tests/core/io/fuzz/repro.ts <seed>` rebuilds that file. FUZZ_CASES=n changes the count,
 * FUZZ_SEED=n runs one case. The 10,000-case run is `npm run bench -- fuzz`.
 */
import { describe, expect, it } from 'vitest';
import { makeCase } from './cases';
import { describeFailure, runAll } from './runner';
import { loadSeeds } from './seeds';

/** The CI run's first case seed: fixed, so CI reads the same files every time. */
const CI_BASE_SEED = 1_300_000;
const seeds = loadSeeds();
const one = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const count = one !== undefined ? 1 : Number(process.env.FUZZ_CASES ?? seeds.length * 17);

function* cases() {
  for (let i = 0; i < count; i++) yield makeCase(one ?? CI_BASE_SEED + i, seeds);
}

describe('fuzz: mutated files of every format through readLayer in a worker', () => {
  it(`${count} cases: 0 crashes, 0 hangs`, async () => {
    const warmup = seeds.map((s, i) => ({ caseSeed: -1 - i, seedName: s.name, fileName: s.name, steps: 'unmutated', bytes: s.bytes, asBlob: false }));
    const summary = await runAll(cases(), warmup, { timeoutMs: 5000 });
    console.info(
      `fuzz: ${summary.cases} cases in ${Math.round(summary.ms)} ms (${summary.threads} thread${summary.threads > 1 ? 's' : ''}); ` +
        `${JSON.stringify(summary.byClass)}; refusals ${JSON.stringify(summary.byCode)}; slowest ${Math.round(summary.slowest.ms)} ms (seed ${summary.slowest.caseSeed}, ${summary.slowest.seedName})`,
    );
    // The seeds themselves are valid files: each loads.
    expect(summary.warmup.filter((o) => o.cls !== 'ok').map(describeFailure)).toEqual([]);
    expect(summary.failures.map(describeFailure)).toEqual([]);
    expect(summary.byClass.crash + summary.byClass.hang).toBe(0);
    if (one === undefined) {
      // The mutations reach the parsers: a good share of cases still load, a good share are refused.
      expect(summary.byClass.ok).toBeGreaterThan(count / 10);
      expect(summary.byClass.refused).toBeGreaterThan(count / 10);
    }
  }, 240_000);
});
