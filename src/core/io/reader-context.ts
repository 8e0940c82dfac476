/** What the dispatcher hands every reader. */
import type { CancelToken, ProgressFn } from '../jobs';
import type { Pacer } from './progress';
import type { IoEnv, ReadOptions } from './read-options';

export interface ReaderContext {
  readonly fileName: string;
  readonly options: ReadOptions;
  readonly pacer: Pacer;
  readonly env: IoEnv;
  /** The raw hooks, for readers that pace themselves (the OSM importer). */
  readonly onProgress?: ProgressFn;
  readonly cancel?: CancelToken;
}
