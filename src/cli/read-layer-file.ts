/** The CLI reads files through the io core's readLayer, exactly as the app's io worker does. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { LoadedLayer } from '../core/model';
import { readLayer } from '../core/io/read-layer';

export class LayerReadError extends Error {
  constructor(readonly code: string, readonly params: Readonly<Record<string, string | number>> | undefined) {
    super(`${code} ${JSON.stringify(params ?? {})}`);
  }
}

/** The first layer of the file with its warnings (multi-layer formats: the caller names the one it wants as its own file). */
export async function loadLayerFile(path: string): Promise<LoadedLayer> {
  const bytes = new Uint8Array(await readFile(path));
  const r = await readLayer({ fileName: basename(path), bytes }, { maxFeatures: 5_000_000 });
  if (!r.ok) throw new LayerReadError(r.error.code, { file: path, ...r.error.params });
  if (r.value.length === 0) throw new LayerReadError('error.io.no-layers', { file: path });
  return r.value[0];
}

/** The first layer's features only (tests and benchmarks that need no warnings). */
export async function readLayerFile(path: string): Promise<FeatureCollection> {
  return (await loadLayerFile(path)).data;
}
