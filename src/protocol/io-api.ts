/**
 * The io worker's contract (workers/io.worker.ts): parse files off the main thread into layers. The
 * method signatures (IoApi) and, below them, the table every other list derives from (ioProtocol).
 * Everything here is plain data; results come back as structured clones (GeoJSON) plus metadata.
 * Error codes are `error.io.*`, warning codes `warning.io.*` (texts in src/i18n/locales/{en,zh}/io.json).
 */
import type { LoadedLayer } from '../core/model';
import type { ReadOptions } from '../core/io/read-options';
import type { LayerFix } from '../core/io/layer-fix';
import type { ChildEstimateConfig } from '../core/io/osm/estimate-children';
import type { ProjectRead, ProjectReadOptions } from '../core/io/project-read';
import type { Feature } from 'geojson';
import type { LayerSpec } from '../core/tables';
import type { DataZip, DataZipRequest } from '../core/export/manifest';
import type { JobId, JobResult, ProgressFn } from './jobs';
import type { LayerPort } from './layer-channel';
import type { ProtocolTable } from './protocol-table';

export type { GeometryKind, LoadWarning, LoadedLayer } from '../core/model';
export type { LayerFix } from '../core/io/layer-fix';
export type { LayerInfo, ProjectRead, ProjectReadOptions } from '../core/io/project-read';

/**
 * bbox (FlatGeobuf index reads), maxBytes (default 300 MB for whole-file formats), maxFeatures
 * (default 2,000,000), referenceBbox (swapped-axes check), referenceCoordinates (GCJ-02/BD-09 check).
 */
export type LoadOptions = ReadOptions;

export interface LoadSource {
  readonly fileName: string;
  /** A File/Blob streams (FlatGeobuf with progress); bytes are read at once. */
  readonly blob?: Blob;
  readonly bytes?: Uint8Array;
}

export interface IoApi {
  load(jobId: JobId, source: LoadSource, options: LoadOptions, onProgress: ProgressFn): Promise<JobResult<LoadedLayer[]>>;
  cancel(jobId: JobId): void;
  /** Applies a fix the user accepted (a warning's `params.fix`, or a child estimate) to a copy of the layer. */
  fix?(layer: LoadedLayer, fix: LayerFix, estimate?: Partial<ChildEstimateConfig>): Promise<JobResult<LoadedLayer>>;
  /**
   * Reads, parses and validates a project file with progress and cancel (`cancel(jobId)`): size limit
   * (PROJECT_MAX_BYTES unless `options.maxBytes`), migrations, every inline feature checked like a loaded
   * file's, saved rule sets validated; refusal codes `project.*`.
   */
  readProject?(jobId: JobId, source: LoadSource, onProgress?: ProgressFn, options?: ProjectReadOptions): Promise<JobResult<ProjectRead>>;
  /** The io worker's end of the channel to the analysis worker (layer-channel.ts); made again after a restart. */
  connectAnalysis?(port: LayerPort): Promise<void>;
  /**
   * Hands the io worker a layer it does not hold (from a project, autosave, or a restarted worker): features
   * in slices, the last with `last` set; then it is held under `key` like a loaded layer.
   */
  adoptChunk?(key: string, features: readonly Feature[], last: boolean): Promise<void>;
  /**
   * Builds held layer `key`'s table as `spec` says and sends it to the analysis worker as `tableKey`
   * (transferred); resolves once the analysis worker holds it. Error 'io.layer-not-held'.
   */
  shipLayer?(key: string, spec: LayerSpec, tableKey: string): Promise<JobResult<{ readonly features: number }>>;
  /**
   * The data export (core/export/data-zip.ts): every layer in each format asked for and manifest.json, as
   * one zip; progress 'progress.export-data', cancel between files. Errors 'export.data.*'.
   */
  exportData?(jobId: JobId, request: DataZipRequest, onProgress?: ProgressFn): Promise<JobResult<DataZip>>;
  /** Forgets held layers (the project no longer has them). */
  dropLayers?(keys: readonly string[]): Promise<void>;
}

/** The io worker's table (protocol-table.ts): one row per IoApi method. */
export const ioProtocol = {
  load: { kind: 'job' },
  cancel: { kind: 'cancel' },
  fix: { kind: 'task' },
  readProject: { kind: 'job' },
  // The port must be transferred: the app's client posts it itself (src/app/layer-shipping.ts).
  connectAnalysis: { kind: 'custom' },
  adoptChunk: { kind: 'query' },
  shipLayer: { kind: 'task' },
  dropLayers: { kind: 'query' },
  exportData: { kind: 'job', transfer: (v) => [v.bytes.buffer as ArrayBuffer] },
} as const satisfies ProtocolTable<IoApi>;
