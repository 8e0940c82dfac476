/** One test per cell of the crossing base table and per control adjustment. */
import { describe, expect, it } from 'vitest';
import { CHILD_V1 } from '../../../src/core/safety/profile';
import { adjustForControl, baseCrossingPlts } from '../../../src/core/safety/crossing-plts';

const P = CHILD_V1;

describe('local roads', () => {
  it.each(['unclassified', 'residential', 'living_street', 'service', 'road'])('%s: ≤ 40 → 1, ≤ 56 → 2, else 3', (c) => {
    expect([baseCrossingPlts(c, 40, 2, P), baseCrossingPlts(c, 41, 2, P), baseCrossingPlts(c, 56, 6, P), baseCrossingPlts(c, 57, 1, P)]).toEqual([1, 2, 2, 3]);
  });
  it('footways and other non-roads are not crossed', () => expect(baseCrossingPlts('footway', 90, 4, P)).toBeUndefined());
});

// [speed, lanes, class (volume), expected] for each cell of the arterial table.
const ROWS: [string, number][] = [['≤ 40', 40], ['≤ 48', 48], ['≤ 56', 56], ['> 56', 57]];
const TABLE = [
  [2, 3, 3, 3, 3, 4],
  [2, 3, 3, 3, 3, 4],
  [3, 3, 4, 3, 4, 4],
  [3, 4, 4, 4, 4, 4],
];
const COLUMNS: [string, number, string][] = [
  ['≤ 2 lanes low', 2, 'tertiary'], ['≤ 2 lanes medium', 2, 'secondary'], ['≤ 2 lanes high', 1, 'primary'],
  ['≥ 3 lanes low', 3, 'tertiary_link'], ['≥ 3 lanes medium', 4, 'secondary'], ['≥ 3 lanes high', 3, 'trunk'],
];
const cells = ROWS.flatMap(([rowName, kmh], r) => COLUMNS.map(([colName, lanes, cls], c) => [`${rowName}, ${colName}`, kmh, lanes, cls, TABLE[r]![c]!] as const));

describe('arterial table', () => {
  it.each(cells)('%s', (_name, kmh, lanes, cls, expected) => expect(baseCrossingPlts(cls, kmh, lanes, P)).toBe(expected));
  it('primary and motorway are high volume like trunk', () => {
    expect(baseCrossingPlts('primary', 50, 2, P)).toBe(4);
    expect(baseCrossingPlts('motorway', 40, 3, P)).toBe(4);
  });
});

describe('control adjustments', () => {
  it.each([[1, 1], [2, 1], [3, 2], [4, 2]])('signals %i → %i', (b, p) => expect(adjustForControl(b as 1, 'signals', P)).toBe(p));
  it.each([[1, 1], [2, 1], [3, 3], [4, 4]])('marked %i → %i', (b, p) => expect(adjustForControl(b as 1, 'marked', P)).toBe(p));
  it.each([1, 2, 3, 4])('unmarked keeps %i', (b) => expect(adjustForControl(b as 1, 'unmarked', P)).toBe(b));
  it.each([1, 2, 3, 4])('grade_separated makes %i 1', (b) => expect(adjustForControl(b as 1, 'grade_separated', P)).toBe(1));
});
