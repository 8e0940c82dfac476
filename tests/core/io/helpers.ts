import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobResult } from '../../../src/core/jobs';
import type { LoadedLayer } from '../../../src/core/model';
import { readLayer } from '../../../src/core/io/read-layer';
import type { ReadOptions } from '../../../src/core/io/read-options';
import { SHARED_DATA } from '../../shared-data';

export const FIXTURES = join(__dirname, '../../fixtures/io');
export const SHARED = SHARED_DATA;
export const hasShared = existsSync(SHARED);

export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
export const sharedBytes = (path: string) => new Uint8Array(readFileSync(join(SHARED, path)));

export const loadFixture = (name: string, options: ReadOptions = {}) => readLayer({ fileName: name, bytes: fixtureBytes(name) }, options);
export const loadBytes = (fileName: string, bytes: Uint8Array, options: ReadOptions = {}) => readLayer({ fileName, bytes }, options);

export function layersOf(r: JobResult<LoadedLayer[]>): LoadedLayer[] {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}
export const layerOf = (r: JobResult<LoadedLayer[]>) => layersOf(r)[0];

export function errorOf(r: JobResult<LoadedLayer[]>) {
  if (r.ok) throw new Error('expected an error, got layers');
  return r.error;
}

export const warning = (l: LoadedLayer, code: string) => l.warnings.find((w) => w.code === code);

/** Feature counts per layer from the data folder's README tables (written by whoever made the data). */
export const README_COUNTS: Record<string, number> = {
  'monaco/roads': 860,
  'monaco/facilities_playground': 2,
  'monaco/facilities_kindergarten': 0,
  'monaco/facilities_school': 2,
  'monaco/facilities_baby_care': 0,
  'monaco/facilities': 4,
  'monaco/residential_buildings': 634,
  'monaco/landuse_residential': 2,
  'monaco/admin_boundaries': 4,
  'moscow/roads': 587,
  'moscow/facilities_playground': 2,
  'moscow/facilities_kindergarten': 5,
  'moscow/facilities_school': 6,
  'moscow/facilities': 13,
  'moscow/residential_buildings': 291,
  'moscow/landuse_residential': 18,
  'shenzhen_futian/roads': 2989,
  'shenzhen_futian/intersections': 1970,
};
