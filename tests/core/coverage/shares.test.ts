import { describe, expect, it } from 'vitest';
import type { CategoryAccess, HomeTable, UnitTable } from '../../../src/core/model';
import { computeLevelCoverage, coverageRows, levelUnitShares } from '../../../src/core/coverage';

// Five homes: three in unit A, one in unit B, one outside every unit.
const homes: HomeTable = {
  ids: ['h0', 'h1', 'h2', 'h3', 'h4'],
  lng: new Float64Array(5),
  lat: new Float64Array(5),
  children: {
    '0-3': Float64Array.from([1, 2, 0, 4, 7]),
    '4-6': Float64Array.from([0, 1, 3, 0, 0]),
    '7-12': Float64Array.from([2, 0, 0, 5, 1]),
    '13-18': Float64Array.from([0, 0, 0, 0, 0]),
  },
  estimated: Uint8Array.from([0, 1, 0, 0, 0]),
};
const units: UnitTable = {
  level: 'community', ids: ['A', 'B'], names: ['Alpha', 'Beta'], namesZh: [undefined, undefined],
  parentIdx: Int32Array.from([-1, -1]), homeUnit: Int32Array.from([0, 0, 0, 1, -1]), facilityUnit: new Int32Array(0),
};
const acc = (category: string, walk: number[]): CategoryAccess => ({
  category, walkingM: Float64Array.from(walk), networkM: Float64Array.from(walk), homeSnapM: new Float64Array(5), nearestFacility: new Int32Array(5),
});

describe('computeLevelCoverage', () => {
  // playground: h0 at 250 m, h1 at 400 m, h2 unreachable, h3 at 500 m (exactly on the threshold), h4 outside.
  const cov = computeLevelCoverage(homes, units, [acc('playground', [250, 400, Infinity, 500, 10])], [500, 300]);
  const rows = coverageRows(cov, units);
  const row = (unit: string, band: string, t: number) => rows.find((r) => r.unitId === unit && r.ageBand === band && r.thresholdM === t)!;

  it('sorts thresholds and emits unit × category × band × threshold rows', () => {
    expect([...cov.thresholdsM]).toEqual([300, 500]);
    expect(rows).toHaveLength(2 * 1 * 4 * 2);
  });
  it('counts children within each threshold, unreachable homes in the denominator', () => {
    // A, 0-3: h0 (1, 250 m) + h1 (2, 400 m) + h2 (0) → total 3; ≤300: 1; ≤500: 3
    expect(row('A', '0-3', 300)).toMatchObject({ childrenTotal: 3, childrenWithin: 1, share: 1 / 3, homesUnreachable: 1 });
    expect(row('A', '0-3', 500)).toMatchObject({ childrenTotal: 3, childrenWithin: 3, share: 1 });
    // A, 4-6: h1 (1, 400 m) + h2 (3, unreachable) → total 4; ≤300: 0; ≤500: 1
    expect(row('A', '4-6', 300)).toMatchObject({ childrenTotal: 4, childrenWithin: 0, share: 0 });
    expect(row('A', '4-6', 500)).toMatchObject({ childrenTotal: 4, childrenWithin: 1, share: 0.25 });
    // B, 7-12: h3 at exactly 500 m counts within 500 (≤), not within 300.
    expect(row('B', '7-12', 300)).toMatchObject({ childrenTotal: 5, childrenWithin: 0, homesUnreachable: 0 });
    expect(row('B', '7-12', 500)).toMatchObject({ childrenTotal: 5, childrenWithin: 5, share: 1 });
  });
  it('gives no share where a unit has no children of the band', () => {
    expect(row('B', '13-18', 500).share).toBeNaN();
  });
  it('flags estimated counts only where an estimated home contributes', () => {
    expect(row('A', '0-3', 300).estimated).toBe(true); // h1 is estimated and has 0-3 children
    expect(row('A', '7-12', 300).estimated).toBe(false); // h1 has no 7-12 children
    expect(row('B', '0-3', 300).estimated).toBe(false);
  });
  it('counts homes outside every unit apart', () => {
    expect(cov.outsideHomes).toBe(1);
    expect([...cov.outsideChildren]).toEqual([7, 0, 1, 0]);
    expect([...cov.homes]).toEqual([3, 1]);
  });
});

describe('levelUnitShares', () => {
  // Two categories: playground as above; school reaches h0 (1 0-3, 2 7-12) at 100 m and h3 (4 0-3, 5 7-12) at 900 m.
  const cov = computeLevelCoverage(homes, units, [
    acc('playground', [250, 400, Infinity, 500, 10]),
    acc('school', [100, Infinity, Infinity, 900, 10]),
  ], [300, 500]);

  it('sums every band for "all" before dividing', () => {
    // A: children 1+2+0 (0-3) + 0+1+3 (4-6) + 2+0+0 (7-12) = 9; playground ≤500: h0 (3) + h1 (3) = 6.
    const a = levelUnitShares(cov, units, 'playground', 1, 'all')![0]!;
    expect(a).toMatchObject({ id: 'A', name: 'Alpha', homes: 3, childrenTotal: 9, childrenWithin: 6, share: 6 / 9, homesUnreachable: 1, estimated: true });
    // B: h3 (4 + 5 = 9) at exactly 500 m.
    expect(levelUnitShares(cov, units, 'playground', 1, 'all')![1]).toMatchObject({ childrenTotal: 9, childrenWithin: 9, share: 1, estimated: false });
  });

  it('reads the second category and a single band at its own place', () => {
    // school ≤300, 7-12: A has h0's 2 of 2; B has h3's 5, none within.
    const [a, b] = levelUnitShares(cov, units, 'school', 0, '7-12')!;
    expect([a!.childrenWithin, a!.childrenTotal, a!.homesUnreachable]).toEqual([2, 2, 2]);
    expect([b!.childrenWithin, b!.childrenTotal, b!.homesUnreachable]).toEqual([0, 5, 0]);
  });

  it('equals the coverage.csv rows of the same band', () => {
    const rows = coverageRows(cov, units);
    for (const share of levelUnitShares(cov, units, 'school', 1, '0-3')!) {
      const row = rows.find((r) => r.unitId === share.id && r.category === 'school' && r.ageBand === '0-3' && r.thresholdM === 500)!;
      expect([share.childrenTotal, share.childrenWithin, share.homesUnreachable]).toEqual([row.childrenTotal, row.childrenWithin, row.homesUnreachable]);
    }
  });

  it('is null for a category or threshold the coverage lacks', () => {
    expect(levelUnitShares(cov, units, 'library', 0, 'all')).toBeNull();
    expect(levelUnitShares(cov, units, 'school', 2, 'all')).toBeNull();
  });
});
