/**
 * The io → analysis channel in Node (MessageChannel from node:worker_threads): the io worker's service
 * keeps what it loads and ships a layer's table by key; the analysis side stores it and a dataset made
 * from the keys runs; layers the io worker does not hold are adopted; a replaced channel fails what was
 * waiting on the old one instead of hanging.
 */
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { createAnalysisService, createLayerTableStore } from '../../src/core/analysis';
import { createIoService } from '../../src/core/io/io-service';
import { transferringApi } from '../../src/protocol/analysis-api';
import { withLayerHolding } from '../../src/protocol/io-layers';
import { CHANNEL_ERRORS, createLayerSender, type LayerPort } from '../../src/protocol/layer-channel';
import { buildStreetTable } from '../../src/core/tables';
import type { Transfer } from '../../src/protocol/protocol-table';

const noTransfer: Transfer = (v) => v;
const asPort = (p: unknown) => p as LayerPort;
const bytes = (fc: FeatureCollection) => new TextEncoder().encode(JSON.stringify(fc));
const streets: FeatureCollection = {
  type: 'FeatureCollection',
  features: [0, 1, 2].map((i) => ({ type: 'Feature', properties: { highway: 'residential', id: `s${i}` }, geometry: { type: 'LineString', coordinates: [[10 + i * 0.005, 45], [10 + (i + 1) * 0.005, 45]] } })),
};
const points = (n: number, props: (i: number) => Record<string, unknown>): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: props(i), geometry: { type: 'Point', coordinates: [10 + (i + 0.5) * 0.015 / n, 45.0002] } })),
});

function connected() {
  const { api: io } = withLayerHolding(createIoService());
  const store = createLayerTableStore();
  const service = createAnalysisService({ layerTables: store });
  const analysis = transferringApi(service, noTransfer, store);
  const { port1, port2 } = new MessageChannel();
  return { io, store, analysis, ports: [port1, port2] as const, connect: () => Promise.all([io.connectAnalysis(asPort(port1)), analysis.connectIo!(asPort(port2))]) };
}

async function load(io: ReturnType<typeof withLayerHolding>['api'], fileName: string, fc: FeatureCollection) {
  const r = await io.load('job', { fileName, bytes: bytes(fc) }, {}, () => undefined);
  if (!r.ok) throw new Error(r.error.code);
  return r.value[0]!;
}

describe('layers from the io worker to the analysis worker', () => {
  it('go by key, and a dataset made from the keys runs', async () => {
    const c = connected();
    await c.connect();
    const s = await load(c.io, 'streets.geojson', streets);
    const h = await load(c.io, 'homes.geojson', points(4, (i) => ({ id: `h${i}`, children_0_2: i })));
    const f = await load(c.io, 'play.geojson', points(1, () => ({ category: 'playground' })));
    expect([s.ioKey, h.ioKey, f.ioKey].every((k) => typeof k === 'string')).toBe(true);
    expect(await c.io.shipLayer(s.ioKey!, { kind: 'streets' }, 'S')).toEqual({ ok: true, value: { features: 3 } });
    expect(await c.io.shipLayer(h.ioKey!, { kind: 'homes' }, 'H')).toEqual({ ok: true, value: { features: 4 } });
    expect(await c.io.shipLayer(f.ioKey!, { kind: 'facilities' }, 'F')).toEqual({ ok: true, value: { features: 1 } });
    // Shipping resolves once the analysis side holds the table.
    expect(c.store.keys().sort()).toEqual(['F', 'H', 'S']);
    await c.analysis.setLayerInputs!('ds', { streets: ['S'], homes: 'H', facilities: ['F'], units: {} });
    expect(await c.analysis.homeIds('ds')).toEqual(['h0', 'h1', 'h2', 'h3']);
    const r = await c.analysis.run('run', 'ds', { categories: ['playground'], thresholds: [{ m: 1000 }] });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.homeCount).toBe(4);
    expect(r.value.categories[0]!.unreachableHomes).toBe(0);
    c.ports.forEach((p) => p.close());
  });

  it('adopts a layer it did not load, refuses one it does not hold, and forgets dropped ones', async () => {
    const c = connected();
    await c.connect();
    const homes = points(1200, (i) => ({ id: `h${i}` }));
    for (let i = 0; i < homes.features.length; i += 500) await c.io.adoptChunk('main-1', homes.features.slice(i, i + 500), i + 500 >= homes.features.length);
    expect(await c.io.shipLayer('main-1', { kind: 'homes' }, 'H')).toEqual({ ok: true, value: { features: 1200 } });
    expect(await c.io.shipLayer('nope', { kind: 'homes' }, 'X')).toEqual({ ok: false, error: { code: 'io.layer-not-held', params: { key: 'nope' } } });
    await c.io.dropLayers(['main-1']);
    expect((await c.io.shipLayer('main-1', { kind: 'homes' }, 'H2')).ok).toBe(false);
    await c.analysis.dropLayerTables!(['H']);
    await expect(c.analysis.setLayerInputs!('ds', { streets: [], homes: 'H', facilities: [], units: {} })).rejects.toMatchObject({ code: 'analysis.missing-layer-table' });
    c.ports.forEach((p) => p.close());
  });

  it('ships nothing before it is connected, and a new channel fails sends left waiting on the old one', async () => {
    const { api: io } = withLayerHolding(createIoService());
    const s = await load(io, 'streets.geojson', streets);
    const early = await io.shipLayer(s.ioKey!, { kind: 'streets' }, 'S');
    expect(early).toMatchObject({ ok: false, error: { code: 'io.ship-failed', params: { detail: CHANNEL_ERRORS.notConnected } } });

    const sender = createLayerSender();
    const dead = new MessageChannel(); // nobody answers on port2 (its worker died)
    sender.connect(asPort(dead.port1));
    const table = buildStreetTable(streets);
    const waiting = sender.send('S', table);
    // The coordinates were transferred, not copied.
    expect(table.geometry.coords.byteLength).toBe(0);
    sender.connect(asPort(new MessageChannel().port1));
    await expect(waiting).rejects.toMatchObject({ code: CHANNEL_ERRORS.replaced });
    dead.port2.close();
  });
});
