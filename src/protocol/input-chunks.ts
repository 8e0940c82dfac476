/**
 * Layers go to the analysis worker in slices. postMessage clones its whole payload in one task on the
 * sending thread; the demo city's homes alone took 60–90 ms to clone, a long task on the main thread.
 * Sending every FeatureCollection of the inputs as chunks of at most INPUT_CHUNK_FEATURES features, one
 * awaited message each, keeps each task short; the worker puts the collections back together.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { AnalysisInputs } from '../core/analysis';

export const INPUT_CHUNK_FEATURES = 500;

/** Features of the collection at `path` (keys from the inputs' root), in order. */
export interface InputChunk {
  readonly path: readonly (string | number)[];
  readonly features: readonly Feature[];
}

/** What the worker side offers for chunked inputs (workers/analysis.worker.ts). */
export interface ChunkedInputsApi {
  /** Appends features to a collection of the inputs being sent under `datasetId`. */
  addInputChunk(datasetId: string, chunk: InputChunk): Promise<void>;
  /** The inputs with every collection emptied: filled from the chunks sent before, then set as setInputs does. */
  setChunkedInputs(datasetId: string, skeleton: AnalysisInputs): Promise<void>;
}

const isCollection = (v: unknown): v is FeatureCollection =>
  typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'FeatureCollection' && Array.isArray((v as FeatureCollection).features);

/** A copy of `value` with every FeatureCollection's features moved out into `out`, keyed by path. */
function strip(value: unknown, path: (string | number)[], out: Map<string, { path: (string | number)[]; features: Feature[] }>): unknown {
  if (isCollection(value)) {
    out.set(JSON.stringify(path), { path, features: value.features });
    return { ...value, features: [] };
  }
  if (Array.isArray(value)) return value.map((v, i) => strip(v, [...path, i], out));
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v, [...path, k], out)]));
  }
  return value;
}

/** The inputs as a skeleton (collections emptied) plus chunks that refill it. */
export function splitInputs(inputs: AnalysisInputs, size = INPUT_CHUNK_FEATURES): { skeleton: AnalysisInputs; chunks: InputChunk[] } {
  if (!(size >= 1)) throw new RangeError('chunk size must be at least 1');
  const found = new Map<string, { path: (string | number)[]; features: Feature[] }>();
  const skeleton = strip(inputs, [], found) as AnalysisInputs;
  const chunks: InputChunk[] = [];
  for (const { path, features } of found.values()) {
    for (let i = 0; i < features.length; i += size) chunks.push({ path, features: features.slice(i, i + size) });
  }
  return { skeleton, chunks };
}

/** Sends inputs chunk by chunk (each awaited, so the sending thread is free between them), then the skeleton. */
export async function sendInputsInChunks(remote: ChunkedInputsApi, datasetId: string, inputs: AnalysisInputs, size?: number): Promise<void> {
  const { skeleton, chunks } = splitInputs(inputs, size);
  for (const chunk of chunks) await remote.addInputChunk(datasetId, chunk);
  await remote.setChunkedInputs(datasetId, skeleton);
}

/** The worker's side: collects chunks per dataset and puts them back into the skeleton's collections. */
export function createChunkAssembler() {
  const pending = new Map<string, Map<string, Feature[]>>();
  return {
    add(datasetId: string, chunk: InputChunk): void {
      const byPath = pending.get(datasetId) ?? new Map<string, Feature[]>();
      pending.set(datasetId, byPath);
      const key = JSON.stringify(chunk.path);
      const list = byPath.get(key) ?? [];
      for (const f of chunk.features) list.push(f);
      byPath.set(key, list);
    },
    /** The full inputs; chunks whose path is not a collection of the skeleton are an error, not dropped silently. */
    assemble(datasetId: string, skeleton: AnalysisInputs): AnalysisInputs {
      const byPath = pending.get(datasetId) ?? new Map<string, Feature[]>();
      pending.delete(datasetId);
      const used = new Set<string>();
      const fill = (value: unknown, path: (string | number)[]): unknown => {
        if (isCollection(value)) {
          const key = JSON.stringify(path);
          used.add(key);
          return { ...value, features: byPath.get(key) ?? [] };
        }
        if (Array.isArray(value)) return value.map((v, i) => fill(v, [...path, i]));
        if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
          return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, [...path, k])]));
        }
        return value;
      };
      const full = fill(skeleton, []) as AnalysisInputs;
      const stray = [...byPath.keys()].filter((k) => !used.has(k));
      if (stray.length) throw new Error(`input chunks for no collection of the inputs: ${stray.join(', ')}`);
      return full;
    },
    drop(datasetId: string): void {
      pending.delete(datasetId);
    },
  };
}
