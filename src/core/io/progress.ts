/** Progress and cooperative yielding for readers: a report and a macrotask break every chunk. */
import type { CancelToken, ProgressFn } from '../jobs';

/** At most this many features between progress reports and yields (the brief asks for ~50k). */
export const CHUNK = 10_000;

/** About 50 reports per layer, at least 500 features apart, at most CHUNK. */
export const chunkFor = (total: number) => Math.min(CHUNK, Math.max(500, Math.ceil(total / 50)));

export interface Pacer {
  /** Call per feature; every `every` features it reports, yields to the event loop and checks cancellation. */
  step(done: number, fraction?: number, every?: number): Promise<void>;
  report(stage: string, fraction?: number, detail?: Record<string, string | number>): void;
  checkCancel(): void;
}

// A macrotask, not a microtask: only then can a worker receive the cancel message.
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function pacer(stage: string, onProgress?: ProgressFn, cancel?: CancelToken): Pacer {
  const report = (s: string, fraction?: number, detail?: Record<string, string | number>) =>
    onProgress?.({ jobId: '', stage: s, ...(fraction !== undefined ? { fraction: Math.min(1, Math.max(0, fraction)) } : {}), ...(detail ? { detail } : {}) });
  return {
    async step(done, fraction, every = CHUNK) {
      if (done % every !== 0 || done === 0) return;
      report(stage, fraction, { features: done });
      await tick();
      cancel?.check();
    },
    report,
    checkCancel: () => cancel?.check(),
  };
}
