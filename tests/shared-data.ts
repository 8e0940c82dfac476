/**
 * Where the shared real-data extracts are: `../shared/data` beside the repository (as CI places them),
 * or CFC_SHARED_DATA. Every test and benchmark that reads them resolves paths here, never on its own.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DATA = process.env.CFC_SHARED_DATA ?? path.resolve(REPO_ROOT, '../shared/data');

/** A path below the shared data folder, e.g. sharedData('osm', 'monaco.osm.gz'). */
export const sharedData = (...parts: string[]): string => path.join(SHARED_DATA, ...parts);
