/**
 * The composition root's side of the io → analysis channel (src/app/layer-shipping.ts), with the real
 * services in this thread behind restartable fake supervisors: tables go once per layer and spec, a
 * restarted analysis worker gets a new channel and the tables again, a restarted io worker is handed the
 * layers it lost, and layers that leave the project are dropped in both workers.
 */
import { describe, expect, it, vi } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { createAnalysisService, createLayerTableStore, type AnalysisInputs } from '../../src/core/analysis';
import { createIoService } from '../../src/core/io/io-service';
import { transferringApi } from '../../src/protocol/analysis-api';
import { withLayerHolding } from '../../src/protocol/io-layers';
import type { SupervisedWorker } from '../../src/app/supervised-worker';
import { createLayerShipping, UNCLAIMED_MS } from '../../src/app/layer-shipping';

/** A supervisor over a service made in this thread; restart() makes a new one, as a new worker would be. */
function fakeWorker<T>(make: () => T) {
  let remote = make();
  let generation = 0;
  const listeners: (() => void)[] = [];
  const sup = {
    call: (fn: (r: T) => Promise<unknown>) => fn(remote),
    running: () => false,
    restart: () => {
      remote = make();
      generation++;
      listeners.forEach((l) => l());
    },
    terminated: () => undefined,
    get generation() {
      return generation;
    },
    worker: undefined as never,
    onRestart: (l: () => void) => void listeners.push(l),
  };
  return { sup: sup as unknown as SupervisedWorker<never>, remote: () => remote };
}

function workers() {
  const ios: ReturnType<typeof withLayerHolding>[] = [];
  const stores: ReturnType<typeof createLayerTableStore>[] = [];
  const io = fakeWorker(() => {
    const w = withLayerHolding(createIoService());
    ios.push(w);
    return w.api;
  });
  const analysis = fakeWorker(() => {
    const store = createLayerTableStore();
    stores.push(store);
    return transferringApi(createAnalysisService({ layerTables: store }), (v) => v, store);
  });
  const shipping = createLayerShipping(io.sup, analysis.sup);
  return { io, analysis, shipping, held: () => ios.at(-1)!.heldKeys().sort(), tables: () => stores.at(-1)!.keys().sort() };
}

const line = (i: number) => ({ type: 'Feature' as const, properties: { highway: 'footway' }, geometry: { type: 'LineString' as const, coordinates: [[i, 0], [i + 1, 0]] } });
const point = (i: number) => ({ type: 'Feature' as const, properties: { category: 'playground' }, geometry: { type: 'Point' as const, coordinates: [i, 0] } });
const collection = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('layer shipping', () => {
  it('sends each layer once per spec, by the io worker’s own copy when it has one', async () => {
    const w = workers();
    const loaded = await w.io.remote().load('j', { fileName: 's.geojson', bytes: new TextEncoder().encode(JSON.stringify(collection([line(0)]))) }, {}, () => undefined);
    if (!loaded.ok) throw new Error(loaded.error.code);
    w.shipping.noteHeld(loaded.value);
    const streets = loaded.value[0]!.data;
    const homes = collection([point(0), point(1)]);
    const inputs: AnalysisInputs = { streets, homes, facilities: [{ fc: homes, category: 'playground' }] };
    const keys = await w.shipping.ship(inputs);
    // The streets were the io worker's own; the homes (not loaded there) were handed over once.
    const held = w.held();
    expect(held.map((k) => k.replace(/\d+$/, ''))).toEqual(['io-', 'main-']);
    expect(held[0]).toBe(loaded.value[0]!.ioKey);
    expect(w.tables()).toEqual([keys.streets[0], keys.homes, keys.facilities[0]].sort());
    expect(await w.shipping.ship(inputs)).toEqual(keys);
    expect(w.held()).toEqual(held);
  });

  it('makes a new channel and sends again after either worker restarts', async () => {
    const w = workers();
    const streets = collection([line(0)]);
    const homes = collection([point(0)]);
    const inputs: AnalysisInputs = { streets, homes, facilities: [{ fc: homes }] };
    const keys = await w.shipping.ship(inputs);
    w.analysis.sup.restart();
    expect(w.tables()).toEqual([]);
    expect(await w.shipping.ship(inputs)).toEqual(keys);
    expect(w.tables()).toEqual([...new Set([keys.streets[0], keys.homes, keys.facilities[0]])].sort());
    w.io.sup.restart();
    w.analysis.sup.restart();
    await w.shipping.ship(inputs);
    // The new io worker was handed both layers (it held none), and the analysis worker has them again.
    expect(w.held().length).toBe(2);
    expect(w.tables().length).toBe(3);
  });

  it('drops a layer that leaves the project in both workers, but not one a dataset still uses', async () => {
    const w = workers();
    const streets = collection([line(0)]);
    const homes = collection([point(0)]);
    const play = collection([point(1)]);
    const keys = await w.shipping.ship({ streets, homes, facilities: [{ fc: play }] });
    w.shipping.used('ds-1', keys);
    w.shipping.retain(new Set([streets, homes, play]));
    w.shipping.retain(new Set([streets, homes]));
    await new Promise((r) => setTimeout(r, 0));
    expect(w.held().length).toBe(2);
    // ds-1 still uses the playground table: it stays until the dataset goes.
    expect(w.tables()).toContain(keys.facilities[0]);
    w.shipping.used('ds-1', null);
    await new Promise((r) => setTimeout(r, 0));
    expect(w.tables()).toEqual([keys.streets[0], keys.homes].sort());
  });

  it('drops a loaded layer the project never shows, once it has waited long enough', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const w = workers();
      const bytes = (n: number) => new TextEncoder().encode(JSON.stringify(collection([line(n)])));
      const shown = await w.io.remote().load('a', { fileName: 'a.geojson', bytes: bytes(0) }, {}, () => undefined);
      const copied = await w.io.remote().load('b', { fileName: 'b.geojson', bytes: bytes(1) }, {}, () => undefined);
      if (!shown.ok || !copied.ok) throw new Error('load failed');
      w.shipping.noteHeld([...shown.value, ...copied.value]);
      w.shipping.retain(new Set([shown.value[0]!.data]));
      expect(w.held().length).toBe(2);
      vi.setSystemTime(Date.now() + UNCLAIMED_MS + 1);
      w.shipping.retain(new Set([shown.value[0]!.data]));
      await new Promise((r) => setTimeout(r, 0));
      expect(w.held()).toEqual([shown.value[0]!.ioKey]);
    } finally {
      vi.useRealTimers();
    }
  });
});
