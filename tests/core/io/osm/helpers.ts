/** Shared paths and a small importer wrapper for the OSM tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature } from 'geojson';
import { importOsm, type OsmImportOptions } from '../../../../src/core/io/osm';
import type { LoadedLayer } from '../../../../src/core/model';
import { SHARED_DATA } from '../../../shared-data';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const sharedData = SHARED_DATA;
export const fixtures = path.resolve(repoRoot, 'tests/fixtures/osm');

export const readBytes = (p: string) => new Uint8Array(readFileSync(p));

export async function importOk(bytes: Uint8Array, name: string, options?: OsmImportOptions): Promise<LoadedLayer[]> {
  const r = await importOsm(bytes, name, undefined, undefined, options);
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

export function layer(layers: readonly LoadedLayer[], role: string): LoadedLayer | undefined {
  return layers.find((l) => l.roleGuess === role);
}

export function byOsmId(l: LoadedLayer | undefined): Map<string, Feature[]> {
  const m = new Map<string, Feature[]>();
  for (const f of l?.data.features ?? []) {
    const id = String(f.properties?.osm_id);
    m.set(id, [...(m.get(id) ?? []), f]);
  }
  return m;
}
