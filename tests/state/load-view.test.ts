/** Loading for the map view only: the session keeps the choice and the visible bounds; only .fgb files get the box. */
import { existsSync, readFileSync } from 'node:fs';
import { geojson as fgb } from 'flatgeobuf';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createIoService } from '../../src/core/io/io-service';
import type { BBox } from '../../src/core/model';
import type { IoApi, LoadOptions } from '../../src/protocol/io-api';
import { createAppStore } from '../../src/state';
import { isFgbName, loadOptionsFor } from '../../src/state/import-slice';
import { lonLatBox } from '../../src/state/session-slice';
import { sharedData } from '../shared-data';
import { bytesOf, fc, layerFrom } from './fake-io';

const VIEW = { zoom: 16, lat: 43.73, lng: 7.42 };
const BOX: BBox = [7.415, 43.725, 7.425, 43.735];

/** An io service that records the options of every load and answers one small layer. */
function recordingIo(seen: { file: string; options: LoadOptions }[]): IoApi {
  return {
    async load(_job, source, options) {
      seen.push({ file: source.fileName, options });
      return { ok: true, value: [layerFrom(source.fileName, fc(2))] };
    },
    cancel() {},
  };
}

describe('load for the map view only', () => {
  it('is off by default; the map reports its bounds, clamped to lon/lat', () => {
    const store = createAppStore({ io: recordingIo([]) });
    expect(store.getState().loadViewOnly).toBe(false);
    expect(store.getState().viewBounds).toBeNull();
    store.getState().setView(VIEW, BOX);
    expect(store.getState().viewBounds).toEqual(BOX);
    expect(store.getState().view).toEqual(VIEW);
    // A camera without bounds keeps the last bounds known.
    store.getState().setView({ ...VIEW, zoom: 15 });
    expect(store.getState().viewBounds).toEqual(BOX);
    store.getState().setViewBounds([-200, -95, -170, 10]);
    expect(store.getState().viewBounds).toEqual([-180, -90, -170, 10]);
    expect(lonLatBox([-300, -10, 300, 10])).toEqual([-180, -10, 180, 10]);
    expect(lonLatBox([170, 0, 190, 5])).toEqual([170, 0, 180, 5]);
  });

  it('the choice is session state: it is not in the document and no undo step', () => {
    const store = createAppStore({ io: recordingIo([]) });
    const doc = store.getState().doc;
    store.getState().setLoadViewOnly(true);
    expect(store.getState().loadViewOnly).toBe(true);
    expect(store.getState().doc).toBe(doc);
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('only .fgb files get the view box, and only while the choice is on', async () => {
    const seen: { file: string; options: LoadOptions }[] = [];
    const store = createAppStore({ io: recordingIo(seen) });
    store.getState().setView(VIEW, BOX);
    const files = () => [
      { fileName: 'roads.fgb', bytes: bytesOf('x') },
      { fileName: 'Parks.FGB', bytes: bytesOf('x') },
      { fileName: 'homes.geojson', bytes: bytesOf('x') },
      { fileName: 'schools.gpkg', bytes: bytesOf('x') },
    ];
    const offIds = await store.getState().importFiles(files());
    expect(seen.every((s) => s.options.bbox === undefined)).toBe(true);
    expect(offIds.map((id) => store.getState().layerData[id]!.extractBbox)).toEqual([undefined, undefined, undefined, undefined]);

    seen.length = 0;
    store.getState().setLoadViewOnly(true);
    const onIds = await store.getState().importFiles(files());
    expect(seen.map((s) => [s.file, s.options.bbox])).toEqual([['roads.fgb', BOX], ['Parks.FGB', BOX], ['homes.geojson', undefined], ['schools.gpkg', undefined]]);
    expect(onIds.map((id) => store.getState().layerData[id]!.extractBbox)).toEqual([BOX, BOX, undefined, undefined]);
  });

  it('with the choice on but no bounds reported yet, files load whole', async () => {
    const seen: { file: string; options: LoadOptions }[] = [];
    const store = createAppStore({ io: recordingIo(seen) });
    store.getState().setLoadViewOnly(true);
    await store.getState().importFiles([{ fileName: 'roads.fgb', bytes: bytesOf('x') }]);
    expect(seen[0]!.options.bbox).toBeUndefined();
  });

  it('loadOptionsFor keeps the reference area for every format', () => {
    const ref: BBox = [7, 43, 8, 44];
    expect(loadOptionsFor('a.fgb', ref, BOX)).toEqual({ referenceBbox: ref, bbox: BOX });
    expect(loadOptionsFor('a.csv', ref, BOX)).toEqual({ referenceBbox: ref });
    expect(loadOptionsFor('a.fgb', undefined, null)).toEqual({});
    expect(isFgbName(' roads.fgb ')).toBe(true);
    expect(isFgbName('roads.fgb.zip')).toBe(false);
  });

  it('a FlatGeobuf without an index is read whole, cut to the view, and says so', async () => {
    const points: FeatureCollection = {
      type: 'FeatureCollection',
      features: [[7.41, 43.72], [7.42, 43.73], [7.43, 43.74], [7.421, 43.731]].map(([x, y], i) => ({
        type: 'Feature', geometry: { type: 'Point', coordinates: [x!, y!] }, properties: { n: i },
      })),
    };
    const store = createAppStore({ io: createIoService() });
    store.getState().setView(VIEW, BOX);
    store.getState().setLoadViewOnly(true);
    const [id] = await store.getState().importFiles([{ fileName: 'points.fgb', bytes: fgb.serialize(points) }]);
    const d = store.getState().layerData[id!]!;
    expect(d.data.features.map((f) => f.properties?.n)).toEqual([1, 3]);
    expect(d.extractBbox).toEqual(BOX);
    expect(d.warnings.find((w) => w.code === 'warning.io.no-index-for-bbox')?.params).toEqual({ file: 'points.fgb' });
  });

  const roads = sharedData('monaco', 'roads.fgb');
  it.skipIf(!existsSync(roads))('an indexed FlatGeobuf reads only the features that meet the view, without the warning', async () => {
    const bytes = () => new Uint8Array(readFileSync(roads));
    const store = createAppStore({ io: createIoService() });
    store.getState().setView(VIEW, BOX);
    const [whole] = await store.getState().importFiles([{ fileName: 'roads.fgb', bytes: bytes() }]);
    store.getState().setLoadViewOnly(true);
    const [part] = await store.getState().importFiles([{ fileName: 'roads.fgb', bytes: bytes() }]);
    const all = store.getState().layerData[whole!]!;
    const cut = store.getState().layerData[part!]!;
    expect(all.featureCount).toBe(860);
    expect(cut.featureCount).toBeGreaterThan(0);
    expect(cut.featureCount).toBeLessThan(860);
    expect(cut.warnings.some((w) => w.code === 'warning.io.no-index-for-bbox')).toBe(false);
  });
});
