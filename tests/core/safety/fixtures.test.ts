/**
 * Turf-style fixtures: tests/fixtures/safety/<name>/in/<name>.geojson holds streets, crossings, homes and
 * schools; out/<name>.geojson adds each street's PLTS and each home's safe route (REGEN=1 rewrites it; review
 * the diff by hand). The expected numbers below are computed by hand: the fixtures lie on the equator and
 * meridians, where 0.001° is exactly U metres; snap legs are 0.01 U.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFixture } from './run-fixture';

const U = (6_371_008.8 * Math.PI / 180) * 0.001;

interface Expect {
  status: 'ok' | 'beyond' | 'unreachable';
  walking?: number;
  safe?: number;
  cost?: number;
  seg?: number;
  cross?: number;
  n3?: number;
  unsafe?: 0 | 1;
  long?: 0 | 1;
}
const ok = (walking: number, safe: number, cost: number, seg: number, cross: number, n3: number, unsafe: 0 | 1, long: 0 | 1): Expect =>
  ({ status: 'ok', walking, safe, cost, seg, cross, n3, unsafe, long });

const EXPECTED: Record<string, Record<string, Expect>> = {
  // Detour: 0.2 + 0.5 + 0.2 across the signals (PLTS 2, 15 m) + 0.2 + 0.5 + 0.2 on footways = 1.8 U + 15 m, below the direct
  // 0.8 U + 300 m and below walking along Big Road (no sidewalk, PLTS 4 × 4). Detour ratio 1.82 / 0.82.
  'detour-taken': { h1: ok(0.82 * U, 1.82 * U, 1.82 * U + 15, 1, 2, 0, 0, 1) },
  // The signals 1.5 U away: 3.82 U + 15 m > 0.82 U + 300 m, so the route crosses Big Road unsignalised (PLTS 4).
  'detour-not-taken': { h1: ok(0.82 * U, 0.82 * U, 0.82 * U + 300, 1, 4, 1, 1, 0) },
  'signals-and-zebra': {
    h0: ok(0.62 * U, 0.62 * U, 0.62 * U + 15, 1, 2, 0, 0, 0),
    h20: ok(0.62 * U, 0.62 * U, 0.62 * U, 1, 1, 0, 0, 0),
    h40: ok(0.62 * U, 0.62 * U, 0.62 * U + 15, 1, 2, 0, 0, 0),
    h60: ok(0.62 * U, 0.62 * U, 0.62 * U + 300, 1, 4, 1, 1, 0),
  },
  // Residential at 50 with sidewalks: segment PLTS 3 (× 2). h1 walks 1 U along Main past Side (crossing PLTS 2, 15 m);
  // h2 walks 0.5 U down Side and turns into Main for 0.5 U, crossing nothing.
  'past-vs-turn': {
    h1: ok(1.02 * U, 1.02 * U, 0.02 * U + 2 * U + 15, 3, 2, 0, 1, 0),
    h2: ok(1.02 * U, 1.02 * U, 0.02 * U + 2 * U, 3, 0, 0, 1, 0),
  },
  // 0.8 U of footway, then 0.5 U of Main (PLTS 3, × 2). h2's junction also has West Street: crossed (PLTS 2, 15 m).
  'split-same-name': {
    h1: ok(1.32 * U, 1.32 * U, 0.82 * U + 1.0 * U, 3, 0, 0, 1, 0),
    h2: ok(1.32 * U, 1.32 * U, 0.82 * U + 1.0 * U + 15, 3, 2, 0, 1, 0),
  },
  // The trunk at 90 km/h with 4 lanes assumed: PLTS 4, 300 m. The bridge shares no vertex: nothing crossed.
  'footway-meets-trunk': {
    h1: ok(0.62 * U, 0.62 * U, 0.62 * U + 300, 1, 4, 1, 1, 0),
    h2: ok(0.62 * U, 0.62 * U, 0.62 * U, 1, 0, 0, 0, 0),
  },
  // Walk to s1: 0.01 + 0.3 + 0.3 + 0.01; to s2: 0.01 + 0.1 + 1.2 + 0.01 = 1.32 U (cost 1.32 U < 0.62 U + 300 m).
  'nearest-school-across-road': { h1: ok(0.62 * U, 0.62 * U, 0.62 * U + 300, 1, 4, 1, 1, 0) },
  'beyond-and-unreachable': {
    h1: ok(1.52 * U, 1.52 * U, 1.52 * U, 1, 0, 0, 0, 0),
    h2: { status: 'beyond', walking: 2.52 * U },
    h3: { status: 'unreachable' },
    h4: { status: 'unreachable' },
  },
};

const ROOT = path.resolve(__dirname, '../../fixtures/safety');

describe.each(readdirSync(ROOT))('fixture %s', (name) => {
  const input = JSON.parse(readFileSync(path.join(ROOT, name, 'in', `${name}.geojson`), 'utf8'));
  const { homes, routes, out } = runFixture(input);

  it('matches the hand-computed routes', () => {
    const expected = EXPECTED[name]!;
    expect(Object.keys(expected).sort()).toEqual(homes.map((f) => String(f.properties!['id'])).sort());
    homes.forEach((home, h) => {
      const e = expected[String(home.properties!['id'])]!;
      const close = (actual: number, want: number | undefined) => expect(Math.abs(actual - want!)).toBeLessThan(1e-6);
      expect(['ok', 'beyond', 'unreachable'][routes.status[h]!]).toBe(e.status);
      if (e.walking !== undefined) close(routes.walkingM[h]!, e.walking);
      if (e.status !== 'ok') {
        expect(routes.safeM[h]).toBeNaN();
        return;
      }
      close(routes.safeM[h]!, e.safe);
      close(routes.safeCostM[h]!, e.cost);
      close(routes.detourRatio[h]!, e.safe! / e.walking!);
      expect([routes.maxSegmentPlts[h], routes.maxCrossingPlts[h], routes.crossingsPlts3[h], routes.unsafe[h], routes.longDetour[h]])
        .toEqual([e.seg, e.cross, e.n3, e.unsafe, e.long]);
    });
  });

  it('matches out/ (REGEN=1 rewrites it)', () => {
    const file = path.join(ROOT, name, 'out', `${name}.geojson`);
    if (process.env['REGEN']) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(out, null, 1) + '\n');
    }
    expect(out).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
