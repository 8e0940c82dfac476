/** The import slice with the real io service in-process: OSM options step, swap-axes fix and revert, field mapping. */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createIoService } from '../../src/core/io/io-service';
import type { IoApi, LoadOptions } from '../../src/protocol/io-api';
import { createAppStore, fieldMappingActions } from '../../src/state';

const swapped = readFileSync('tests/e2e/fixtures/swapped-homes.geojson');
const bytes = () => new Uint8Array(swapped);

describe('import flow', () => {
  it('OSM files wait for the options step, then load with those options', async () => {
    const seen: LoadOptions[] = [];
    const io: IoApi = { load: async (_j, _s, o) => (seen.push(o), { ok: false, error: { code: 'cancelled' } }), cancel: () => {} };
    const store = createAppStore({ io });
    await store.getState().importFiles([{ fileName: 'city.osm.pbf', bytes: new Uint8Array(1) }]);
    expect(seen).toHaveLength(0);
    expect(store.getState().pendingOsm?.map((f) => f.fileName)).toEqual(['city.osm.pbf']);
    store.getState().setOsmOptions({ ...store.getState().osmOptions, adminLevels: { '8': 'community' }, estimateChildren: false });
    await store.getState().confirmOsm();
    expect(store.getState().pendingOsm).toBeNull();
    expect(seen[0]?.osm).toEqual({ adminLevels: { '8': 'community' }, estimateChildren: false });
  });

  it('a swapped-axes layer offers the swap; applying it puts features at their true positions; revert undoes it', async () => {
    const store = createAppStore({ io: createIoService() });
    const [id] = await store.getState().importFiles([{ fileName: 'swapped-homes.geojson', bytes: bytes() }]);
    const before = store.getState().layerData[id!]!;
    expect(before.warnings.find((w) => w.code === 'warning.io.axes-swapped')?.params?.fix).toBe('swap-axes');
    expect(store.getState().mappingQueue).toEqual([id]);
    expect(await store.getState().applyFix(id!, 'swap-axes')).toBe(true);
    const after = store.getState().layerData[id!]!;
    for (const f of after.data.features) {
      expect((f.geometry as Point).coordinates).toEqual([f.properties!.true_lng, f.properties!.true_lat]);
    }
    expect(after.warnings.some((w) => w.code === 'warning.io.axes-swapped')).toBe(false);
    store.getState().revertFix(id!);
    expect(store.getState().layerData[id!]).toBe(before);
  });

  it('the field mapping is one undoable step, stored with every age band', async () => {
    const store = createAppStore({ io: createIoService() });
    const [id] = await store.getState().importFiles([{ fileName: 'swapped-homes.geojson', bytes: bytes() }]);
    store.getState().commit(fieldMappingActions.setLayerMapping, { id: id!, role: 'homes', fieldMapping: { name: 'name', children: { '0-3': 'kids_small' } } });
    const layer = store.getState().doc.layers.find((l) => l.id === id)!;
    expect(layer.role).toBe('homes');
    expect(layer.fieldMapping).toEqual({ name: 'name', children: { '0-3': 'kids_small', '4-6': '', '7-12': '', '13-18': '' } });
    store.getState().undo();
    expect(store.getState().doc.layers.find((l) => l.id === id)!.fieldMapping).toBeUndefined();
  });

  it('estimate from footprint marks the counts as estimates', async () => {
    const store = createAppStore({ io: createIoService() });
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [114, 22.5] }, properties: { name: 'x' } }] };
    const [id] = await store.getState().importFiles([{ fileName: 'homes.geojson', bytes: new TextEncoder().encode(JSON.stringify(fc)) }]);
    await store.getState().applyFix(id!, 'estimate-children');
    const p = store.getState().layerData[id!]!.data.features[0]!.properties!;
    expect(p.children_estimated).toBe(true);
    // 100 m² point footprint × 3 storeys / 36.5 m² per person × 4.79 % (the documented defaults).
    expect(p.children_0_3).toBeCloseTo((100 * 3 / 36.5) * 0.0479, 1);
  });
});
