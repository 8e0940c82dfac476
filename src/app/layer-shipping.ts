/**
 * Layers go from the io worker to the analysis worker, never through the main thread: this file owns the
 * MessageChannel between them (made again whenever either restarts) and, for each analysis input layer,
 * asks the io worker to build its table and send it (src/protocol/io-layers.ts, layer-channel.ts). The io
 * worker keeps the layers it parsed; a layer it does not hold (from a project, autosave, or after it
 * restarted) is handed to it once from the store's copy, in slices. A table sent stays in the analysis
 * worker until no dataset and no live layer needs it.
 */
import { transfer } from 'comlink';
import type { Feature, FeatureCollection } from 'geojson';
import type { AnalysisInputs, LayerInputKeys } from '../core/analysis';
import type { LoadedLayer, UnitLevel } from '../core/model';
import type { LayerSpec } from '../core/tables';
import type { AnalysisApi } from '../protocol/analysis-api';
import { INPUT_CHUNK_FEATURES, type ChunkedInputsApi } from '../protocol/input-chunks';
import type { IoApi } from '../protocol/io-api';
import type { JobResult } from '../protocol/jobs';
import type { SupervisedWorker } from './supervised-worker';

export interface LayerShipping {
  /** Layers the io worker returned (load, fix): it holds them under their ioKey. */
  noteHeld(layers: readonly LoadedLayer[]): void;
  /** Sends the inputs' layers to the analysis worker as tables; the keys name them there. */
  ship(inputs: AnalysisInputs): Promise<LayerInputKeys>;
  /** The tables a dataset uses (so dropping it can drop tables nobody needs). */
  used(datasetId: string, keys: LayerInputKeys | null): void;
  /** The layers the project has now: layers that were live and are no longer are dropped in both workers. */
  retain(live: ReadonlySet<FeatureCollection>): void;
  /** The channel of the current workers is connected. */
  readonly ready: Promise<void>;
}

/** How long a layer the io worker returned may wait to join the project before it is dropped there. */
export const UNCLAIMED_MS = 120_000;
const now = () => Date.now();

const codedError = (code: string, params?: Record<string, string | number>) => Object.assign(new Error(code), { code, params });

type Sup<T> = SupervisedWorker<Required<T>>;

export function createLayerShipping(io: Sup<IoApi>, analysis: Sup<AnalysisApi & ChunkedInputsApi>): LayerShipping {
  let ready: Promise<void> = Promise.resolve();
  const connect = () => {
    const { port1, port2 } = new MessageChannel();
    ready = Promise.all([
      io.call((r) => r.connectAnalysis(transfer(port1, [port1]))),
      analysis.call((r) => r.connectIo(transfer(port2, [port2]))),
    ]).then(() => undefined);
    ready.catch(() => undefined);
  };
  connect();
  io.onRestart(connect);
  analysis.onRestart(connect);

  let seq = 0;
  const fcIds = new WeakMap<FeatureCollection, number>();
  const fcId = (fc: FeatureCollection) => fcIds.get(fc) ?? (fcIds.set(fc, ++seq), seq);
  /** Layers the io worker holds: the store's copy → its key there, for the generation that holds it. */
  const held = new WeakMap<FeatureCollection, { key: string; generation: number }>();
  const heldKeys = new Map<string, FeatureCollection>();
  /** Tables the analysis worker holds, by table key. */
  const shipped = new Map<string, { fc: FeatureCollection; generation: number }>();
  const inFlight = new Map<string, Promise<string>>();
  const datasets = new Map<string, LayerInputKeys>();
  const seenLive = new Set<FeatureCollection>();
  /** Layers the io worker returned that the project has not shown yet (a load's layers join after all its files are read). */
  const unclaimed = new Map<FeatureCollection, number>();

  const hold = (fc: FeatureCollection, key: string, generation: number) => {
    held.set(fc, { key, generation });
    heldKeys.set(key, fc);
  };

  async function ensureHeld(fc: FeatureCollection): Promise<string> {
    const h = held.get(fc);
    if (h && h.generation === io.generation) return h.key;
    const key = `main-${++seq}`;
    const generation = io.generation;
    const features: readonly Feature[] = fc.features;
    for (let i = 0; i === 0 || i < features.length; i += INPUT_CHUNK_FEATURES) {
      const chunk = features.slice(i, i + INPUT_CHUNK_FEATURES);
      await io.call((r) => r.adoptChunk(key, chunk, i + INPUT_CHUNK_FEATURES >= features.length));
    }
    hold(fc, key, generation);
    return key;
  }

  async function shipOne(fc: FeatureCollection, spec: LayerSpec): Promise<string> {
    const tableKey = `t${fcId(fc)}:${JSON.stringify(spec)}`;
    const s = shipped.get(tableKey);
    if (s && s.generation === analysis.generation) return tableKey;
    const pending = inFlight.get(tableKey);
    if (pending) return pending;
    const done = (async () => {
      const generation = analysis.generation;
      const source = await ensureHeld(fc);
      await ready;
      const r: JobResult<{ readonly features: number }> = await io.call((w) => w.shipLayer(source, spec, tableKey) as Promise<JobResult<{ readonly features: number }>>);
      if (!r.ok) throw codedError(r.error.code, r.error.params as Record<string, string | number>);
      shipped.set(tableKey, { fc, generation });
      return tableKey;
    })();
    inFlight.set(tableKey, done);
    try {
      return await done;
    } finally {
      inFlight.delete(tableKey);
    }
  }

  const keysOf = (k: LayerInputKeys) => [...k.streets, k.homes, ...k.facilities, ...Object.values(k.units), ...(k.crossings ? [k.crossings] : [])];
  function dropUnused(isLive: (fc: FeatureCollection) => boolean) {
    const needed = new Set([...datasets.values()].flatMap(keysOf));
    const drop = [...shipped].filter(([k, s]) => !needed.has(k) && !isLive(s.fc)).map(([k]) => k);
    for (const k of drop) shipped.delete(k);
    if (drop.length) analysis.call((r) => r.dropLayerTables(drop)).catch(() => undefined);
  }

  return {
    noteHeld(layers) {
      for (const l of layers) {
        if (!l.ioKey) continue;
        hold(l.data, l.ioKey, io.generation);
        unclaimed.set(l.data, now());
      }
    },
    async ship(inputs) {
      // One at a time: the io worker builds one table while the analysis worker stores the previous.
      const streets = [await shipOne(inputs.streets, { kind: 'streets' })];
      const mapping = inputs.homeFieldMapping;
      const homes = await shipOne(inputs.homes, { kind: 'homes', ...(mapping ? { fieldMapping: mapping } : {}) });
      const facilities: string[] = [];
      for (const f of inputs.facilities) {
        facilities.push(await shipOne(f.fc, { kind: 'facilities', ...(f.category ? { category: f.category } : {}), ...(f.forceCategory ? { forceCategory: true } : {}) }));
      }
      const units: Partial<Record<UnitLevel, string>> = {};
      for (const [level, fc] of Object.entries(inputs.units ?? {}) as [UnitLevel, FeatureCollection][]) units[level] = await shipOne(fc, { kind: 'units' });
      const crossings = inputs.crossings ? await shipOne(inputs.crossings, { kind: 'crossings' }) : undefined;
      return { streets, homes, facilities, units, ...(crossings ? { crossings } : {}) };
    },
    used(datasetId, keys) {
      if (keys) datasets.set(datasetId, keys);
      else {
        datasets.delete(datasetId);
        dropUnused((fc) => seenLive.has(fc));
      }
    },
    retain(live) {
      // A layer the store never shows (a load withholding personal fields keeps a copy of its own) is
      // dropped once it has waited UNCLAIMED_MS: otherwise the io worker would keep it for the session.
      const t = now();
      const stale = [...unclaimed].filter(([fc, since]) => !live.has(fc) && t - since > UNCLAIMED_MS).map(([fc]) => fc);
      for (const fc of live) unclaimed.delete(fc);
      for (const fc of stale) unclaimed.delete(fc);
      const gone = [...[...seenLive].filter((fc) => !live.has(fc)), ...stale];
      for (const fc of live) seenLive.add(fc);
      if (!gone.length) return;
      const goneSet = new Set(gone);
      for (const fc of gone) seenLive.delete(fc);
      const drop = [...heldKeys].filter(([, fc]) => goneSet.has(fc)).map(([k]) => k);
      for (const k of drop) {
        held.delete(heldKeys.get(k)!);
        heldKeys.delete(k);
      }
      if (drop.length) io.call((r) => r.dropLayers(drop)).catch(() => undefined);
      dropUnused((fc) => !goneSet.has(fc));
    },
    get ready() {
      return ready;
    },
  };
}
