/**
 * Workers for the app, wrapped with comlink so they look like the in-process services tests inject, and
 * supervised (supervised-worker.ts): a worker that dies ends its running jobs with a coded error
 * (`worker.io-crashed`, `worker.analysis-crashed`) and is replaced at once; a cancel the worker has not
 * honoured within CANCEL_GRACE_MS terminates it, so Cancel always ends the job and a stuck load never
 * blocks the others (they are sent again to the new worker). Each client is built from its worker's
 * protocol table (supervised-client.ts); only the analysis inputs are written here by hand: their layers
 * go from the io worker to the analysis worker over a channel this root makes (layer-shipping.ts).
 */
import { analysisProtocol, type AnalysisApi, type AnalysisInputs } from '../protocol/analysis-api';
import type { FeatureCollection } from 'geojson';
import type { LayerInputKeys } from '../core/analysis';
import type { ChunkedInputsApi } from '../protocol/input-chunks';
import { ioProtocol, type IoApi } from '../protocol/io-api';
import { TEST_FAULT, type TestFault } from '../protocol/test-faults';
import type { Services } from '../state';
import { supervisedClient } from './supervised-client';
import { superviseWorker, type SupervisedWorker, type WorkerName } from './supervised-worker';
import { createLayerShipping, type LayerShipping } from './layer-shipping';

/** Test-only controls over the workers (the `?e2e=1` hook exposes them). */
export interface WorkerFaults {
  /** worker.terminate(), then tells the supervisor (a terminate fires no event). */
  terminate(name: WorkerName): void;
  /** A throw in the worker's global scope: a real `error` event. */
  crash(name: WorkerName): void;
  /** Keeps the worker busy without yielding for `ms`. */
  hang(name: WorkerName, ms: number): void;
  /** Holds the worker's running job at its next turn until the worker is killed (test-faults.ts). */
  park(name: WorkerName): void;
  generation(name: WorkerName): number;
}

/** What the composition root tells the workers about the project's layers. */
export interface WorkerLayers {
  /** The layers the project has now (their data): removed ones are dropped in both workers. */
  retain(live: ReadonlySet<FeatureCollection>): void;
}

export function createWorkers(): Services & { readonly faults: WorkerFaults; readonly layers: WorkerLayers } {
  const ioSup = superviseWorker<IoApi>('io', () => new Worker(new URL('../../workers/io.worker.ts', import.meta.url), { type: 'module', name: 'io' }));
  const analysisSup = superviseWorker<AnalysisApi & ChunkedInputsApi>(
    'analysis', () => new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
  );
  const sups: Record<WorkerName, SupervisedWorker<unknown>> = { io: ioSup, analysis: analysisSup };
  const post = (name: WorkerName, fault: TestFault) => sups[name].worker.postMessage(fault);
  // The layer methods are always there in the workers (their tables list them); optional only for in-process services.
  const shipping = createLayerShipping(ioSup as SupervisedWorker<Required<IoApi>>, analysisSup as SupervisedWorker<Required<AnalysisApi & ChunkedInputsApi>>);
  const io = supervisedClient<IoApi, typeof ioProtocol>(ioSup, 'io', ioProtocol, {
    custom: { connectAnalysis: () => Promise.reject(new Error('the channel is the composition root\'s (layer-shipping.ts)')) },
  });
  // Layers the io worker returns stay there too: their tables go from it to the analysis worker.
  const { load, fix } = io;
  io.load = async (...args) => {
    const r = await load(...args);
    if (r.ok) shipping.noteHeld(r.value);
    return r;
  };
  io.fix = async (...args) => {
    const r = await fix(...args);
    if (r.ok) shipping.noteHeld([r.value]);
    return r;
  };
  return {
    io,
    analysis: createAnalysis(analysisSup, shipping),
    layers: { retain: (live) => shipping.retain(live) },
    faults: {
      terminate(name) {
        sups[name].worker.terminate();
        sups[name].terminated();
      },
      crash: (name) => post(name, { [TEST_FAULT]: 'crash' }),
      hang: (name, ms) => post(name, { [TEST_FAULT]: 'hang', ms }),
      park: (name) => post(name, { [TEST_FAULT]: 'park' }),
      generation: (name) => sups[name].generation,
    },
  };
}

/**
 * Datasets live in the worker; a new worker has none. The inputs of each live dataset id are kept here
 * (the same objects the store's layer data holds, no copy), and any call naming a dataset the current
 * worker has not been sent sends it first, so the store's cached dataset id stays valid across restarts.
 * Sending a dataset = its layers' tables from the io worker (layer-shipping.ts), then setLayerInputs.
 */
function createAnalysis(sup: SupervisedWorker<AnalysisApi & ChunkedInputsApi>, shipping: LayerShipping): AnalysisApi {
  const inputsById = new Map<string, AnalysisInputs>();
  const sent = new Map<string, { generation: number; done: Promise<void> }>();

  async function shipAndSet(id: string, inputs: AnalysisInputs): Promise<void> {
    // A restart of the analysis worker between shipping and setting loses the tables: ship again once.
    for (let attempt = 0; ; attempt++) {
      const generation = sup.generation;
      const keys: LayerInputKeys = await shipping.ship(inputs);
      if (generation !== sup.generation && attempt === 0) continue;
      shipping.used(id, keys);
      await sup.call((r) => (r as unknown as { setLayerInputs(id: string, k: LayerInputKeys): Promise<void> }).setLayerInputs(id, keys));
      return;
    }
  }
  function send(id: string, inputs: AnalysisInputs): Promise<void> {
    const done = shipAndSet(id, inputs);
    sent.set(id, { generation: sup.generation, done });
    done.catch(() => sent.get(id)?.done === done && sent.delete(id));
    return done;
  }
  async function ensureDataset(id: string): Promise<void> {
    const inputs = inputsById.get(id);
    const s = sent.get(id);
    if (inputs && (!s || s.generation !== sup.generation)) await send(id, inputs);
    else if (s) await s.done;
  }
  const notHere = (name: string) => () => Promise.reject(new Error(`${name} is called by the composition root only (layer-shipping.ts)`));

  return supervisedClient<AnalysisApi, typeof analysisProtocol>(sup, 'analysis', analysisProtocol, {
    ensureDataset,
    custom: {
      setInputs(id, inputs) {
        inputsById.set(id, inputs);
        return send(id, inputs);
      },
      dropInputs(id) {
        inputsById.delete(id);
        const wasSent = sent.get(id)?.generation === sup.generation;
        sent.delete(id);
        shipping.used(id, null);
        return wasSent ? sup.call((r) => r.dropInputs(id)) : Promise.resolve();
      },
      connectIo: notHere('connectIo'),
      setLayerInputs: notHere('setLayerInputs'),
      dropLayerTables: notHere('dropLayerTables'),
    },
  });
}
