/**
 * The io worker keeps every layer it parsed (by `ioKey`, returned with the layer) so the analysis can get
 * its tables straight from here: `shipLayer` builds a layer's table (src/core/tables) and posts it to the
 * analysis worker over the channel (layer-channel.ts), buffers transferred. Layers the io worker did not
 * parse (a project, autosave, or any layer after this worker restarted) are handed over once with
 * `adoptChunk`.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { IoService } from '../core/io/io-service';
import type { JobResult } from '../core/jobs';
import type { LoadedLayer } from '../core/model';
import { buildLayerTable } from '../core/tables';
import type { IoApi } from './io-api';
import { createLayerSender } from './layer-channel';

export const IO_LAYER_ERRORS = { notHeld: 'io.layer-not-held', shipFailed: 'io.ship-failed' } as const;

export function withLayerHolding(service: IoService): { readonly api: Required<IoApi>; readonly heldKeys: () => string[] } {
  const held = new Map<string, FeatureCollection>();
  const adopting = new Map<string, Feature[]>();
  const sender = createLayerSender();
  let seq = 0;
  const hold = (l: LoadedLayer): LoadedLayer => {
    const ioKey = `io-${++seq}`;
    held.set(ioKey, l.data);
    return { ...l, ioKey };
  };
  const api: Required<IoApi> = {
    ...service,
    async load(jobId, source, options, onProgress) {
      const r = await service.load(jobId, source, options, onProgress);
      return r.ok ? { ok: true, value: r.value.map(hold) } : r;
    },
    async fix(layer, fix, estimate) {
      const r = await service.fix(layer, fix, estimate);
      return r.ok ? { ok: true, value: hold(r.value) } : r;
    },
    async connectAnalysis(port) {
      sender.connect(port);
    },
    async adoptChunk(key, features, last) {
      const list = adopting.get(key) ?? [];
      for (const f of features) list.push(f);
      if (!last) adopting.set(key, list);
      else {
        adopting.delete(key);
        held.set(key, { type: 'FeatureCollection', features: list });
      }
    },
    async shipLayer(key, spec, tableKey): Promise<JobResult<{ readonly features: number }>> {
      const fc = held.get(key);
      if (!fc) return { ok: false, error: { code: IO_LAYER_ERRORS.notHeld, params: { key } } };
      try {
        await sender.send(tableKey, buildLayerTable(fc, spec));
        return { ok: true, value: { features: fc.features.length } };
      } catch (e) {
        const code = (e as { code?: unknown })?.code;
        return { ok: false, error: { code: IO_LAYER_ERRORS.shipFailed, params: { detail: typeof code === 'string' ? code : String((e as Error)?.message ?? e).slice(0, 200) } } };
      }
    },
    async dropLayers(keys) {
      for (const k of keys) {
        held.delete(k);
        adopting.delete(k);
      }
    },
  };
  return { api, heldKeys: () => [...held.keys()] };
}
