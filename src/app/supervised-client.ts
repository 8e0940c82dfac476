/**
 * The app's side of a worker, built from its protocol table (src/protocol/protocol-table.ts): every row
 * becomes a method that runs on the supervised worker (supervised-worker.ts) as its kind says, so jobs end
 * cleanly whatever happens to the worker. Function arguments (progress callbacks) cross as comlink proxies.
 */
import { proxy, type Remote } from 'comlink';
import { tableRows, type ProtocolTable } from '../protocol/protocol-table';
import { CANCELLED, type JobId, type JobResult } from '../protocol/jobs';
import { WorkerDiedError, type SupervisedWorker, type WorkerName } from './supervised-worker';

/** How long a cancelled job may take to stop on its own before its worker is replaced. */
export const CANCEL_GRACE_MS = 1000;

/**
 * Jobs that end cleanly whatever happens to the worker: cancelled → CANCELLED; the worker replaced for
 * another job's cancel → sent again; the worker died → `worker.<name>-crashed`.
 */
export function jobRunner<T>(sup: SupervisedWorker<T>, name: WorkerName) {
  const active = new Set<JobId>();
  const cancelled = new Set<JobId>();
  const crashed = { ok: false as const, error: { code: `worker.${name}-crashed` } };
  return {
    async run<R>(jobId: JobId | undefined, fn: (remote: Remote<T>) => Promise<unknown>, before?: () => Promise<void>): Promise<JobResult<R>> {
      if (jobId !== undefined) active.add(jobId);
      try {
        for (;;) {
          try {
            await before?.();
            if (jobId !== undefined && cancelled.has(jobId)) return { ok: false, error: CANCELLED };
            return (await sup.call(fn, jobId)) as JobResult<R>;
          } catch (e) {
            if (!(e instanceof WorkerDiedError)) throw e;
            if (jobId !== undefined && (cancelled.has(jobId) || e.forJobId === jobId)) return { ok: false, error: CANCELLED };
            if (e.reason !== 'restarted') return crashed;
          }
        }
      } finally {
        if (jobId !== undefined) {
          active.delete(jobId);
          cancelled.delete(jobId);
        }
      }
    },
    cancel(jobId: JobId, send: () => Promise<unknown>) {
      if (!active.has(jobId)) return;
      cancelled.add(jobId);
      send().catch(() => undefined);
      // A worker stuck in a loop never reads the cancel: replace it.
      setTimeout(() => {
        if (sup.running(jobId)) sup.restart(jobId);
      }, CANCEL_GRACE_MS);
    },
  };
}

/** The methods whose row is 'custom': the client's owner writes them. */
export type CustomMethods<Api, T> = {
  -readonly [K in keyof T & keyof Api as T[K] extends { readonly kind: 'custom' } ? K : never]-?: NonNullable<Api[K]>;
};

export interface ClientHooks<Api, T> {
  readonly custom: CustomMethods<Api, T>;
  /** Makes sure the worker holds a dataset before a row with `dataset` runs (called again after a restart). */
  readonly ensureDataset?: (datasetId: string) => Promise<void>;
}

type AnyFn = (...args: unknown[]) => Promise<unknown> | void;

/** The worker's API on the main thread: one method per row of `table`, each run under supervision. */
export function supervisedClient<Api extends object, T extends ProtocolTable<Api>>(
  sup: SupervisedWorker<Api>, name: WorkerName, table: T, hooks: ClientHooks<Api, T>,
): Required<Api> {
  const jobs = jobRunner(sup, name);
  const on = (method: string, args: unknown[]) => (r: Remote<Api>) =>
    (r as unknown as Record<string, AnyFn>)[method](...args.map((a) => (typeof a === 'function' ? proxy(a) : a))) as Promise<unknown>;
  const rows = tableRows(table);
  const cancelRow = rows.find(([, s]) => s.kind === 'cancel')?.[0];
  const out: Record<string, AnyFn> = {};
  for (const [method, spec] of rows) {
    const at = spec.dataset;
    const before = (args: unknown[]) => (at !== undefined && hooks.ensureDataset ? () => hooks.ensureDataset!(args[at] as string) : undefined);
    switch (spec.kind) {
      case 'job':
        if (!cancelRow) throw new Error(`${name} protocol: '${method}' is a job but the table has no cancel row`);
        out[method] = (...args) => jobs.run(args[0] as JobId, on(method, args), before(args));
        break;
      case 'task':
        out[method] = (...args) => jobs.run(undefined, on(method, args), before(args));
        break;
      case 'query':
        out[method] = async (...args) => {
          await before(args)?.();
          return sup.call(on(method, args));
        };
        break;
      case 'cancel':
        out[method] = (jobId) => jobs.cancel(jobId as JobId, () => sup.call(on(method, [jobId])));
        break;
      case 'custom': {
        const own = (hooks.custom as Record<string, AnyFn | undefined>)[method];
        if (!own) throw new Error(`${name} protocol: no client method for the custom row '${method}'`);
        out[method] = own;
        break;
      }
    }
  }
  return out as Required<Api>;
}
