import { describe, expect, it } from 'vitest';
import { sanitizeFeature, type SketchFeature } from '../../src/core/sketch';
import { summaryCsv, summaryGeoJson, workshopSummary } from '../../src/sketch/workshop-summary';

const mark = (id: string, kind: string, emoji: string | undefined, band: string | undefined, lng = 114.1, lat = 22.5, extra: Record<string, unknown> = {}): SketchFeature =>
  sanitizeFeature(id, {
    type: 'Feature', id, geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: { kind, ...(emoji ? { emoji } : {}), ...(band ? { age_band: band } : {}), group: 'Class 3B', note: 'Tom said so', created: '2026-06-01T10:00:00Z', ...extra },
  }).feature!;

// Hand-counted: playground wishes 7–12 ×2 and 4–6 ×1, bench 7–12 ×1, danger 7–12 ×1 and no band ×1;
// a route and a proposal are not children's marks to count.
const marks: SketchFeature[] = [
  mark('a', 'wish', '🛝', '7_12', 114.123456789, 22.5),
  mark('b', 'wish', '🛝', '7_12'),
  mark('c', 'wish', '🛝', '4_6'),
  mark('d', 'wish', '🪑', '7_12'),
  mark('e', 'danger', '⚠️', '7_12'),
  mark('f', 'danger', '⚠️', undefined),
  sanitizeFeature('r', { type: 'Feature', id: 'r', geometry: { type: 'LineString', coordinates: [[114, 22], [114.01, 22.01]] }, properties: { kind: 'route', age_band: '7_12' } }).feature!,
  mark('p', 'proposal', '🏗️', undefined, 114.2, 22.6, { category: 'playground' }),
];

describe('workshop summary', () => {
  it('counts children’s marks by kind, sticker and age band', () => {
    const rows = workshopSummary(marks);
    expect(rows.map((r) => [r.kind, r.sticker, r.total, r.counts['4_6'], r.counts['7_12'], r.counts.unknown])).toEqual([
      ['wish', 'playground', 3, 1, 2, 0],
      ['wish', 'bench', 1, 0, 1, 0],
      ['danger', 'danger', 2, 0, 1, 1],
    ]);
  });

  it('CSV: one line per kind, sticker and band, nothing that identifies a child', () => {
    expect(summaryCsv('=room', marks).split('\r\n')).toEqual([
      'workshop,kind,sticker,age_band,count',
      "'=room,wish,playground,4_6,1",
      "'=room,wish,playground,7_12,2",
      "'=room,wish,bench,7_12,1",
      "'=room,danger,danger,7_12,1",
      "'=room,danger,danger,unknown,1",
      '',
    ]);
  });

  it('GeoJSON: points rounded to 1e-5°, only workshop, kind, sticker and age band; no route, no group, no note, no id', () => {
    const fc = JSON.parse(summaryGeoJson('w1', marks)) as { features: { id?: unknown; geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] };
    expect(fc.features).toHaveLength(6);
    for (const f of fc.features) {
      expect(Object.keys(f.properties).sort()).toEqual(['age_band', 'kind', 'sticker', 'workshop']);
      expect(f).not.toHaveProperty('id');
    }
    expect(fc.features.map((f) => f.properties.kind)).not.toContain('route');
    expect(fc.features.find((f) => f.geometry.coordinates[0] === 114.12346)?.properties).toEqual({ workshop: 'w1', kind: 'wish', sticker: 'playground', age_band: '7_12' });
    expect(JSON.stringify(fc)).not.toMatch(/Class 3B|Tom|2026-06-01/);
  });
});
