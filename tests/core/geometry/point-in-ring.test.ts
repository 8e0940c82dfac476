/** pointInRing on rings worked by hand: inside, outside, on an edge and a vertex, a concave notch, open or closed. */
import { describe, expect, it } from 'vitest';
import { pointInRing } from '../../../src/core/geometry';

// An L: the unit square (0,0)–(2,2) without its upper-right quarter (1,1)–(2,2).
const L = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]];

describe('pointInRing', () => {
  it('answers inside and outside, the notch included', () => {
    expect(pointInRing([0.5, 0.5], L)).toBe(true);
    expect(pointInRing([1.5, 0.5], L)).toBe(true);
    expect(pointInRing([0.5, 1.5], L)).toBe(true);
    expect(pointInRing([1.5, 1.5], L)).toBe(false);
    expect(pointInRing([3, 0.5], L)).toBe(false);
    expect(pointInRing([-0.1, 1], L)).toBe(false);
  });

  it('counts points on an edge or a vertex as inside', () => {
    expect(pointInRing([1, 0], L)).toBe(true);
    expect(pointInRing([1.5, 1], L)).toBe(true);
    expect(pointInRing([1, 1], L)).toBe(true);
    expect(pointInRing([0, 2], L)).toBe(true);
  });

  it('gives the same answers for the ring closed and in either direction', () => {
    const closed = [...L, L[0]!];
    const reversed = [...L].reverse();
    for (const p of [[0.5, 0.5], [1.5, 1.5], [1.5, 1], [3, 3]]) {
      expect(pointInRing(p, closed)).toBe(pointInRing(p, L));
      expect(pointInRing(p, reversed)).toBe(pointInRing(p, L));
    }
  });
});
