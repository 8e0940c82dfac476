import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { interiorPoint, locationOf } from '../../../src/core/tables';

const box = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('locationOf (area-weighted centroid)', () => {
  it('is the point itself for a point', () => {
    expect(locationOf({ type: 'Point', coordinates: [7.42, 43.73] })).toEqual([7.42, 43.73]);
  });
  it('is the centre of a square, whatever the winding', () => {
    const [x, y] = locationOf({ type: 'Polygon', coordinates: [box(2, 4, 4, 8)] })!;
    expect(x).toBeCloseTo(3, 12);
    expect(y).toBeCloseTo(6, 12);
    const [x2, y2] = locationOf({ type: 'Polygon', coordinates: [box(2, 4, 4, 8).reverse()] })!;
    expect([x2, y2]).toEqual([x, y]);
  });
  it('weights an L-shape by area, not by vertices', () => {
    // L = [0,2]x[0,1] (area 2, centre (1, .5)) + [0,1]x[1,2] (area 1, centre (.5, 1.5)) → (2.5/3, 2.5/3)
    const L = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]];
    const [x, y] = locationOf({ type: 'Polygon', coordinates: [L] })!;
    expect(x).toBeCloseTo(2.5 / 3, 12);
    expect(y).toBeCloseTo(2.5 / 3, 12);
  });
  it('subtracts holes', () => {
    // [0,4]x[0,4] (16, centre (2,2)) minus [0,2]x[0,2] hole (4, centre (1,1)) → (32-4)/12 = 7/3
    const [x, y] = locationOf({ type: 'Polygon', coordinates: [box(0, 0, 4, 4), box(0, 0, 2, 2)] })!;
    expect(x).toBeCloseTo(7 / 3, 12);
    expect(y).toBeCloseTo(7 / 3, 12);
  });
  it('weights multipolygon parts by their areas', () => {
    // unit square at (0.5, 0.5) and a 2x2 square at (11, 1): (0.5 + 4*11)/5, (0.5 + 4*1)/5
    const [x, y] = locationOf({ type: 'MultiPolygon', coordinates: [[box(0, 0, 1, 1)], [box(10, 0, 12, 2)]] })!;
    expect(x).toBeCloseTo(44.5 / 5, 12);
    expect(y).toBeCloseTo(4.5 / 5, 12);
  });
  it('keeps precision at real-world coordinates', () => {
    const [x, y] = locationOf({ type: 'Polygon', coordinates: [box(116.3901, 39.9001, 116.3903, 39.9005)] })!;
    expect(Math.abs(x - 116.3902)).toBeLessThan(1e-10);
    expect(Math.abs(y - 39.9003)).toBeLessThan(1e-10);
  });
  it('is null without geometry', () => {
    expect(locationOf(null)).toBeNull();
  });
});

describe('interiorPoint', () => {
  it('lies inside a U shape whose centroid does not', () => {
    const U: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const c = locationOf(U)!;
    expect(booleanPointInPolygon([...c], U)).toBe(false);
    expect(booleanPointInPolygon([...interiorPoint(U)!], U, { ignoreBoundary: true })).toBe(true);
  });
  it('avoids a hole around the middle', () => {
    const P: Polygon = { type: 'Polygon', coordinates: [box(0, 0, 10, 10), box(2, 2, 8, 8)] };
    expect(booleanPointInPolygon([...interiorPoint(P)!], P, { ignoreBoundary: true })).toBe(true);
  });
});
