/** A layer as a loader produces it: features plus what the app needs to show and place it. */
import type { FeatureCollection } from 'geojson';
import type { BBox } from './units';
import type { LayerRole } from './layer-roles';

export type GeometryKind = 'point' | 'line' | 'polygon' | 'mixed' | 'none';

/** A problem found while reading that did not stop the load (per feature, with counts). */
export interface LoadWarning {
  readonly code: string;
  readonly count: number;
  readonly params?: Readonly<Record<string, string | number>>;
  /** Up to a few example feature indexes, for the report. */
  readonly examples?: readonly number[];
}

export interface LoadedLayer {
  /** Display name: the file name, or file name + sub-layer for multi-layer formats. */
  readonly name: string;
  readonly fileName: string;
  readonly data: FeatureCollection;
  readonly geometryKind: GeometryKind;
  readonly bbox: BBox | null;
  readonly featureCount: number;
  readonly fieldNames: readonly string[];
  /** Guessed from the name and attributes; the user may change it. */
  readonly roleGuess: LayerRole;
  /** For a single-category facility layer, the guessed category. */
  readonly categoryGuess?: string;
  readonly warnings: readonly LoadWarning[];
  /** The io worker keeps the layer under this key, to send its tables to the analysis worker (io-layers.ts). */
  readonly ioKey?: string;
}
