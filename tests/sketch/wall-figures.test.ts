import { describe, expect, it } from 'vitest';
import { sanitizeFeature, type SketchFeature } from '../../src/core/sketch';
import { wallFigures, wallProposals } from '../../src/sketch/wall-figures';

const f = (id: string, geometry: object, properties: Record<string, unknown>): SketchFeature => sanitizeFeature(id, { type: 'Feature', id, geometry, properties }).feature!;
const pt = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });

// A workshop counted by hand: 3 wishes (two 7–12, one without age), 2 dangers (4–6, 13–18), a favourite
// (7–12), a barrier (0–3), a route (7–12) and an area wish (4–6); two proposals, one a designer's own.
const features: SketchFeature[] = [
  f('w1', pt(1, 1), { kind: 'wish', age_band: '7_12', group: 'Class 3B', note: 'swings' }),
  f('w2', pt(1, 2), { kind: 'wish', age_band: '7_12' }),
  f('w3', pt(1, 3), { kind: 'wish' }),
  f('d1', pt(2, 1), { kind: 'danger', age_band: '4_6' }),
  f('d2', pt(2, 2), { kind: 'danger', age_band: '13_18' }),
  f('v1', pt(3, 1), { kind: 'favourite', age_band: '7_12' }),
  f('b1', pt(4, 1), { kind: 'barrier', age_band: '0_3' }),
  f('r1', { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, { kind: 'route', age_band: '7_12' }),
  f('a1', { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }, { kind: 'wish', age_band: '4_6' }),
  f('p2', pt(5, 5), { kind: 'proposal', category: 'park', created: '2026-06-01T10:05:00.000Z' }),
  f('p1', { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }, { kind: 'proposal', category: 'playground', source_id: 'a1', created: '2026-06-01T10:00:00.000Z' }),
  f('p0', pt(6, 6), { kind: 'proposal', created: '2026-06-01T09:00:00.000Z' }),
];

describe('results wall figures', () => {
  it('counts the children\'s marks by kind and by age band; proposals apart', () => {
    const w = wallFigures(features);
    expect(w.byKind).toEqual({ wish: 4, danger: 2, favourite: 1, barrier: 1, route: 1 });
    expect(w.byBand).toEqual({ '0_3': 1, '4_6': 2, '7_12': 4, '13_18': 1, unknown: 1 });
    expect(w.marks).toBe(9);
  });

  it('lists proposals with a category oldest first, each at its point (a shape\'s vertex mean), with nothing of a child', () => {
    expect(wallProposals(features)).toEqual([
      { id: 'p1', category: 'playground', sourceId: 'a1', point: [1, 1] },
      { id: 'p2', category: 'park', point: [5, 5] },
    ]);
    expect(wallFigures([]).proposals).toEqual([]);
  });
});
