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
import type { JobId, JobResult, ProgressFn } from './jobs';
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
}

/** The io worker's table (protocol-table.ts): one row per IoApi method. */
export const ioProtocol = {
  load: { kind: 'job' },
  cancel: { kind: 'cancel' },
  fix: { kind: 'task' },
  readProject: { kind: 'job' },
} as const satisfies ProtocolTable<IoApi>;
