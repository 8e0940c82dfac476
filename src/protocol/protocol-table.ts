/**
 * One table per worker says how each of its methods crosses: the worker side (exposedService) wraps the
 * service with the table's transfer lists, the app side (src/app/supervised-client.ts) builds its
 * supervised client from the table's kinds. Adding a method is one signature in the worker's API
 * interface and one row in its table; the type ProtocolTable refuses a table that misses a method of
 * the interface or names one it lacks, and exposedService refuses a service that differs from the table.
 */
import type { JobResult } from './jobs';

/**
 * - 'job': the first argument is a JobId and the answer a JobResult; the table's 'cancel' method stops it,
 *   and a worker that dies ends it with a coded error (or sends it again after a restart for another job).
 * - 'task': answers a JobResult without a job id: not cancellable; a worker that dies ends it with a code.
 * - 'query': a plain answer; a worker that dies rejects it.
 * - 'cancel': asks the job named by its first argument to stop.
 * - 'custom': passed through on the worker side; the app's client supplies its own (the analysis inputs).
 */
export type CallKind = 'job' | 'task' | 'query' | 'cancel' | 'custom';

type Params<F> = F extends (...args: infer P) => unknown ? P : never;
type Answer<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;
type JobValue<F> = Answer<F> extends JobResult<infer V> ? V : never;
/** Positions of F's string arguments, where a dataset id can be. */
type StringArg<F> = StringAt<Params<F>>;
type StringAt<P extends readonly unknown[]> = { [I in keyof P]: P[I] extends string ? (I extends `${infer N extends number}` ? N : never) : never }[number];

/** One row: how a method of type F crosses. */
export type MethodSpec<F> = [Answer<F>] extends [JobResult<unknown>]
  ? {
      readonly kind: 'job' | 'task' | 'custom';
      /** The buffers of a successful answer's value, each once, to transfer instead of copy. */
      readonly transfer?: (value: JobValue<F>) => Transferable[];
      /** The argument that names a dataset the worker must hold before the call (analysis worker). */
      readonly dataset?: StringArg<F>;
    }
  : { readonly kind: 'query' | 'cancel' | 'custom'; readonly dataset?: StringArg<F> };

/** Every method of Api, and nothing else, with its row. */
export type ProtocolTable<Api> = { readonly [K in keyof Api]-?: MethodSpec<NonNullable<Api[K]>> };

/** The row as the generic code reads it. */
export interface AnyMethodSpec {
  readonly kind: CallKind;
  readonly transfer?: (value: never) => Transferable[];
  readonly dataset?: number;
}

/** The transport's transfer marker (Comlink.transfer in a worker), injected: src/protocol does not import comlink. */
export type Transfer = <T>(value: T, transferables: Transferable[]) => T;

type AnyFn = (...args: unknown[]) => unknown;

export const tableRows = (table: object): [string, AnyMethodSpec][] => Object.entries(table) as [string, AnyMethodSpec][];

/** The service's methods the table lacks, and the table's rows the service lacks. */
export function tableMismatch(service: object, table: object): { readonly notInTable: string[]; readonly notInService: string[] } {
  const methods = Object.keys(service).filter((k) => typeof (service as Record<string, unknown>)[k] === 'function');
  const rows = Object.keys(table);
  return { notInTable: methods.filter((m) => !rows.includes(m)).sort(), notInService: rows.filter((r) => !methods.includes(r)).sort() };
}

/** Each buffer once (a buffer listed twice makes postMessage throw); empty ones are left out. */
export function uniqueBuffers(views: Iterable<ArrayBufferView>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const v of views) if (v.buffer instanceof ArrayBuffer && v.buffer.byteLength > 0) buffers.add(v.buffer);
  return [...buffers];
}

/**
 * The service as its worker exposes it: exactly the table's methods, successful answers of rows with a
 * `transfer` list handed to `transfer` with those buffers. Throws when service and table differ.
 */
export function exposedService<Api extends object>(service: Api, table: ProtocolTable<Api>, transfer: Transfer): Api {
  const { notInTable, notInService } = tableMismatch(service, table);
  if (notInTable.length || notInService.length) {
    throw new Error(`protocol table and service differ: not in the table [${notInTable.join(', ')}], not in the service [${notInService.join(', ')}]`);
  }
  const out: Record<string, AnyFn> = {};
  for (const [name, spec] of tableRows(table)) {
    const method = (service as Record<string, AnyFn>)[name].bind(service);
    const list = spec.transfer as ((value: unknown) => Transferable[]) | undefined;
    out[name] = list
      ? async (...args) => {
          const r = (await method(...args)) as JobResult<unknown>;
          return r.ok ? transfer(r, list(r.value)) : r;
        }
      : method;
  }
  return out as Api;
}
