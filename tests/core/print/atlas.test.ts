/** Atlas order, filter, framing and neighbours. */
import { describe, expect, it } from 'vitest';
import { framedExtent, planAtlas, type AtlasUnit } from '../../../src/core/print';

const units: AtlasUnit[] = [
  { id: 'u10', code: '10', name: 'Beta', bbox: [114.0, 22.5, 114.01, 22.51] },
  { id: 'u2', code: '2', name: 'Alpha', bbox: [114.01, 22.5, 114.02, 22.51] },
  { id: 'u1', code: '1', name: 'Gamma', bbox: [114.2, 22.7, 114.21, 22.71] },
];

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

describe('atlas plan', () => {
  it('sorted by code as numbers read: 1, 2, 10', () => {
    const r = planAtlas(units, { sortBy: 'code', aspect: 1 });
    if (!r.ok) throw new Error(r.code);
    expect(r.pages.map((p) => [p.pageNumber, p.unit.code])).toEqual([[1, '1'], [2, '2'], [3, '10']]);
  });

  it('sorted by name: Alpha, Beta, Gamma', () => {
    const r = planAtlas(units, { sortBy: 'name', aspect: 1 });
    expect(r.ok && r.pages.map((p) => p.unit.name)).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it('filtered by code or name, case-insensitive; nothing left is a coded refusal', () => {
    const r = planAtlas(units, { sortBy: 'code', aspect: 1, filter: 'MM' });
    expect(r.ok && r.pages.map((p) => p.unit.id)).toEqual(['u1']);
    expect(planAtlas(units, { sortBy: 'code', aspect: 1, filter: 'zzz' })).toMatchObject({ ok: false, code: 'print.atlas-empty' });
  });

  it('neighbours are the units reaching into the page, the far one is not', () => {
    const r = planAtlas(units, { sortBy: 'code', aspect: 1.5 });
    if (!r.ok) throw new Error(r.code);
    const byId = Object.fromEntries(r.pages.map((p) => [p.unit.id, p.neighbours]));
    expect(byId).toEqual({ u1: [], u2: ['u10'], u10: ['u2'] });
  });

  it('frames the unit: a 1° box at the equator with 10 % padding and a square frame is about [−0.1, −0.1, 1.1, 1.1]', () => {
    const e = framedExtent([0, 0, 1, 1], 1, 0.1);
    // The Mercator height of 0–1° N is 1.00005 × its width, so the padding is 0.1 × that side.
    for (const [got, want] of e.map((v, i) => [v, [-0.1, -0.1, 1.1, 1.1][i]])) expect(got).toBeCloseTo(want, 3);
  });

  it('the extent holds the unit, is centred on it and has the frame\'s shape in Mercator', () => {
    for (const aspect of [0.7, 1, 1.34, 2]) {
      const b = [114.0, 22.5, 114.03, 22.51] as const;
      const e = framedExtent(b, aspect);
      expect(e[0] < b[0] && e[1] < b[1] && e[2] > b[2] && e[3] > b[3]).toBe(true);
      const w = ((e[2] - e[0]) * Math.PI) / 180;
      const h = mercY(e[3]) - mercY(e[1]);
      expect(w / h).toBeCloseTo(aspect, 9);
      expect((e[0] + e[2]) / 2).toBeCloseTo((b[0] + b[2]) / 2, 9);
      expect((mercY(e[1]) + mercY(e[3])) / 2).toBeCloseTo((mercY(b[1]) + mercY(b[3])) / 2, 9);
    }
  });
});
