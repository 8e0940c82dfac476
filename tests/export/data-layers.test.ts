// The store → export-layers path (src/export/data-layers.ts) and the zip the io worker makes of it
// (core/export/data-zip.ts), on a hand-made document whose names and counts are known.
import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildDataZip } from '../../src/core/export/data-zip';
import { createCancelToken } from '../../src/core/jobs';
import { dataExportLayers } from '../../src/export/data-layers';

const pt = (x: number, props: Record<string, unknown>) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [x, 0] }, properties: props });
const fc = (features: ReturnType<typeof pt>[]): FeatureCollection => ({ type: 'FeatureCollection', features });

// Three homes (one kept child_name, a personal field), two schools, one park, and a second schools layer.
const homes = fc([pt(0, { id: 'h1', age_0_5: 1, child_name: 'Li' }), pt(1, { id: 'h2', age_0_5: 2 }), pt(2, { id: 'h3' })]);
const schools = fc([pt(0, { id: 's1' }), pt(1, { id: 's2' })]);
const parks = fc([pt(3, { id: 'p1' })]);
const schools2 = fc([pt(4, { id: 's3' })]);
const layer = (id: string, role: string, category?: string) => ({ id, name: id, role, ...(category ? { category } : {}), visible: true, opacity: 1, source: { kind: 'file', fileName: `${id}.geojson` } });
const data = (d: FeatureCollection, fieldNames: string[], kept = false) => ({
  fileName: 'x', data: d, geometryKind: 'point', bbox: null, featureCount: d.features.length, fieldNames, warnings: [],
  ...(kept ? { withheld: { fields: ['child_name'], kept: true } } : {}),
});
const state = {
  doc: { layers: [layer('a', 'homes'), layer('b', 'facilities', 'school'), layer('c', 'facilities', 'park-garden'), layer('d', 'facilities', 'school'), layer('gone', 'street')] },
  layerData: { a: data(homes, ['id', 'age_0_5', 'child_name'], true), b: data(schools, ['id']), c: data(parks, ['id']), d: data(schools2, ['id']) },
  analysis: { result: null, inputs: null },
  safety: { result: null },
  rules: { result: null },
  runs: { records: [] },
} as unknown as Parameters<typeof dataExportLayers>[0];

describe('data export from the store', () => {
  it('names every loaded layer as the CLI does, with its features, personal fields withheld, and no results before an analysis', () => {
    const { layers, rules } = dataExportLayers(state);
    expect(layers.map((l) => [l.name, l.data.features.length])).toEqual([
      ['input_homes', 3], ['input_facilities_school', 2], ['input_facilities_park_garden', 1], ['input_facilities_school_2', 1],
    ]);
    expect(layers[0].data.features[0].properties).toEqual({ id: 'h1', age_0_5: 1 });
    expect(rules).toBeNull();
  });

  it('zips one file per layer and format plus manifest.json, whose entries match the files', async () => {
    const { layers, rules } = dataExportLayers(state);
    const steps: number[] = [];
    const z = await buildDataZip({ layers, formats: ['csv', 'geojson'], date: '2026-01-02', rules }, {}, createCancelToken(), (p) => steps.push(p.fraction ?? -1));
    const files = unzipSync(z.bytes);
    const names = ['input_homes', 'input_facilities_school', 'input_facilities_park_garden', 'input_facilities_school_2'];
    expect(Object.keys(files)).toEqual([...names.map((n) => `${n}.geojson`), ...names.map((n) => `${n}.csv`), 'manifest.json']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest).toMatchObject({ tool: 'cfc-planner', command: 'export', date: '2026-01-02', rules: null });
    expect(manifest.files.map((f: { name: string; features: number }) => [f.name, f.features])).toEqual(
      [...names.map((n, i) => [`${n}.geojson`, [3, 2, 1, 1][i]]), ...names.map((n, i) => [`${n}.csv`, [3, 2, 1, 1][i]])]);
    for (const f of manifest.files) {
      expect(f.bytes).toBe(files[f.name].byteLength);
      expect(f.sha256).toBe(createHash('sha256').update(files[f.name]).digest('hex'));
    }
    expect(JSON.parse(new TextDecoder().decode(files['input_homes.geojson'])).features).toHaveLength(3);
    expect(steps.at(-1)).toBe(1);
    // Same date, same bytes.
    const again = await buildDataZip({ layers, formats: ['csv', 'geojson'], date: '2026-01-02', rules }, {}, createCancelToken());
    expect(Buffer.from(again.bytes).equals(Buffer.from(z.bytes))).toBe(true);
  });

  it('stops between files when cancelled', async () => {
    const { layers } = dataExportLayers(state);
    const token = createCancelToken();
    const run = buildDataZip({ layers, formats: ['geojson'], date: '2026-01-02', rules: null }, {}, token, () => token.cancel());
    await expect(run).rejects.toThrow('cancelled');
  });
});
