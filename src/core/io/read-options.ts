/** Options every reader understands (the io protocol's LoadOptions is this type). */
import type { BBox } from '../model';
import type { OsmImportOptions } from './osm/options';

export interface ReadOptions {
  /** Only features intersecting this box (FlatGeobuf files with an index read just that part). */
  readonly bbox?: BBox;
  /** Refuse whole-file formats above this many bytes (default 300 MB). FlatGeobuf streams and ignores it. */
  readonly maxBytes?: number;
  /** Stop reading after this many features, with a warning (default 2,000,000). */
  readonly maxFeatures?: number;
  /** The project area, if known: a layer that only overlaps it with its axes swapped gets a fix warning. */
  readonly referenceBbox?: BBox;
  /**
   * WGS 84 vertices of a trusted layer (e.g. OSM streets) in the same area. Data inside China that sits
   * a GCJ-02 / BD-09 shift away from them is flagged (never converted silently).
   */
  readonly referenceCoordinates?: readonly (readonly [number, number])[];
  /** OpenStreetMap import options (admin levels, child estimate, category mapping); other formats ignore them. */
  readonly osm?: OsmImportOptions;
}

/** Environment hooks that cannot cross a worker boundary: how sql.js finds its wasm. */
export interface IoEnv {
  readonly sqlJs?: {
    readonly wasmBinary?: ArrayBuffer | Uint8Array;
    readonly locateFile?: (file: string) => string;
  };
}

export const DEFAULT_MAX_BYTES = 300 * 1024 * 1024;
export const DEFAULT_MAX_FEATURES = 2_000_000;
