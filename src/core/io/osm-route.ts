/**
 * OpenStreetMap extracts (.osm, .osm.gz, .osm.pbf) go to the OSM importer in ./osm/ (another
 * engineer's module); its result codes are passed on unchanged.
 */
import type { LoadedLayer } from '../model';
import { PassedOnFailure } from './io-error';
import { importOsm } from './osm';
import type { ReaderContext } from './reader-context';

export async function routeOsm(bytes: Uint8Array, ctx: ReaderContext): Promise<LoadedLayer[]> {
  const r = await importOsm(bytes, ctx.fileName, ctx.onProgress, ctx.cancel, ctx.options.osm);
  if (!r.ok) throw new PassedOnFailure(r.error);
  return r.value;
}
