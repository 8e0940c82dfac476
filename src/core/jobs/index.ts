/**
 * What every long computation shares: progress reports, cooperative cancellation and errors as codes
 * (the UI turns codes into words in the user's language; the core never formats user-facing text).
 * Lives in the core so analysis loops can use it; src/protocol re-exports it for the worker boundary.
 */
export type JobId = string;

export interface Progress {
  readonly jobId: JobId;
  /** i18n key of the current stage, e.g. 'progress.network'. */
  readonly stage: string;
  /** 0..1 within the whole job; undefined when unknown (indeterminate bar). */
  readonly fraction?: number;
  readonly detail?: Readonly<Record<string, string | number>>;
}

export type ProgressFn = (p: Progress) => void;

/** A stage's own 0..1 progress placed on its job's bar at [from, from + share] (an unknown fraction stays unknown). */
export function stageProgress(onProgress: ProgressFn | undefined, from: number, share: number): ProgressFn | undefined {
  return onProgress && ((p) => onProgress({ ...p, fraction: p.fraction === undefined ? undefined : from + p.fraction * share }));
}

/** A failure the user can act on: a stable code (an i18n key under `error.`) plus its parameters. */
export interface JobError {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type JobResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: JobError };

export const CANCELLED: JobError = { code: 'cancelled' };

/** Thrown inside core loops when their job was cancelled; caught at the worker boundary. */
export class JobCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelledError';
  }
}

/** Cooperative cancellation: core loops call `check()` between chunks. */
export interface CancelToken {
  readonly cancelled: boolean;
  check(): void;
}

export function createCancelToken(): CancelToken & { cancel(): void } {
  let cancelled = false;
  return {
    get cancelled() {
      return cancelled;
    },
    check() {
      if (cancelled) throw new JobCancelledError();
    },
    cancel() {
      cancelled = true;
    },
  };
}

/** A turn of the event loop, then the cancel check: a worker hears cancel(jobId) only between turns. */
export async function nextTurn(cancel: CancelToken): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  cancel.check();
}
