/**
 * A Web Worker under supervision. Comlink's promises never settle when the worker behind them dies, so
 * every call runs through `call()`, which also settles when the worker dies: on an `error` event (an
 * uncaught throw in the worker's global scope; Chromium's out-of-memory too, when the renderer survives
 * it), on `messageerror`, when someone reports a terminate (`terminated()`: a terminate fires no event),
 * or when `restart()` is asked for (a cancel the worker did not hear in time). The dead worker is
 * terminated and a fresh one takes its place at once; the calls that were running reject with
 * WorkerDiedError, and the service wrappers (create-workers.ts) turn that into a coded job error, a
 * cancel, or a replay on the new worker.
 */
import { wrap, type Remote } from 'comlink';

export type WorkerName = 'io' | 'analysis';

export class WorkerDiedError extends Error {
  /** What a job that needed this worker shows (translated as error.worker.<name>-crashed). */
  readonly jobError: { readonly code: string };
  constructor(
    readonly worker: WorkerName,
    /** 'crashed': error event or terminate; 'restarted': restart() on purpose (e.g. for a cancel). */
    readonly reason: 'crashed' | 'restarted',
    /** The job whose cancel asked for the restart, if any. */
    readonly forJobId?: string,
  ) {
    super(`${worker} worker ${reason}`);
    this.name = 'WorkerDiedError';
    this.jobError = { code: `worker.${worker}-crashed` };
  }
}

export interface SupervisedWorker<T> {
  /** Runs `fn` on the current worker; rejects with WorkerDiedError if that worker dies first. */
  call<R>(fn: (remote: Remote<T>) => Promise<R>, jobId?: string): Promise<R>;
  /** True while a call for `jobId` is running. */
  running(jobId: string): boolean;
  /** Terminates the worker and starts a new one; running calls reject (reason 'restarted'). */
  restart(forJobId?: string): void;
  /** Tell the supervisor its worker was terminated from outside (tests): handled like a crash. */
  terminated(): void;
  /** Bumped on every restart: whatever the old worker held (datasets) is gone. */
  readonly generation: number;
  /** The current Worker (test faults post to it; tests terminate it). */
  readonly worker: Worker;
  /** Called after each restart with the cause. */
  onRestart(listener: (reason: WorkerDiedError['reason']) => void): void;
}

interface Running {
  readonly jobId?: string;
  readonly reject: (e: WorkerDiedError) => void;
}

export function superviseWorker<T>(name: WorkerName, create: () => Worker): SupervisedWorker<T> {
  let worker: Worker;
  let remote: Remote<T>;
  let generation = 0;
  const running = new Set<Running>();
  const listeners: ((reason: WorkerDiedError['reason']) => void)[] = [];

  function start() {
    const w = create();
    const died = (e: Event) => {
      // Handled here: the page shows the job's error instead of an uncaught one in the console.
      e.preventDefault();
      if (w === worker) replace('crashed');
    };
    w.addEventListener('error', died);
    w.addEventListener('messageerror', died);
    worker = w;
    remote = wrap<T>(w);
  }

  function replace(reason: WorkerDiedError['reason'], forJobId?: string) {
    worker.terminate();
    generation++;
    start();
    const victims = [...running];
    running.clear();
    for (const r of victims) r.reject(new WorkerDiedError(name, reason, forJobId));
    for (const l of listeners) l(reason);
  }

  start();
  return {
    call<R>(fn: (remote: Remote<T>) => Promise<R>, jobId?: string): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        const entry: Running = { jobId, reject };
        running.add(entry);
        fn(remote).then(
          (v) => {
            if (running.delete(entry)) resolve(v);
          },
          (e: unknown) => {
            if (running.delete(entry)) reject(e);
          },
        );
      });
    },
    running: (jobId) => [...running].some((r) => r.jobId === jobId),
    restart: (forJobId) => replace('restarted', forJobId),
    terminated: () => replace('crashed'),
    get generation() {
      return generation;
    },
    get worker() {
      return worker;
    },
    onRestart: (l) => void listeners.push(l),
  };
}
