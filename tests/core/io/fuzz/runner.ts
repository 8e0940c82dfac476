/**
 * Runs fuzz cases in one worker thread (node:worker_threads), one case at a time, each with a time bound: a case
 * that does not answer in time is a hang, and the thread is terminated and replaced; a thread that dies (an
 * uncaught error, out of memory) is a crash, and is replaced too. Nothing a case does can stop the run.
 */
import { Worker } from 'node:worker_threads';
import type { FuzzCase } from './cases';
import type { OutcomeClass } from './classify';
import type { CaseAnswer, CaseRequest } from './worker';

export interface Outcome {
  readonly caseSeed: number;
  readonly seedName: string;
  readonly steps: string;
  readonly cls: OutcomeClass;
  readonly code?: string;
  readonly detail?: string;
  readonly ms: number;
}

export interface RunnerOptions {
  /** Per-case bound in ms (default 5,000). */
  readonly timeoutMs?: number;
  /** Heap limit of the worker in MB (default 1,024): a case past it is a crash, not a dead machine. */
  readonly heapMb?: number;
  /** Called after every counted case (progress lines in the benchmark). */
  readonly onOutcome?: (o: Outcome, done: number) => void;
}

const BOOT_MS = 120_000;

export class FuzzRunner {
  private worker: Worker | undefined;
  private pending: ((a: CaseAnswer | { dead: string }) => void) | undefined;
  private readonly timeoutMs: number;
  private readonly heapMb: number;
  /** Threads started, the first included. */
  starts = 0;

  constructor(options: RunnerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.heapMb = options.heapMb ?? 1024;
  }

  /** Starts a thread and waits until its modules are loaded (tsx compiles the sources on first import). */
  private async start(): Promise<Worker> {
    const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    this.starts++;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fuzz worker did not start')), BOOT_MS);
      w.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      w.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    // A replaced thread's late events must not answer the next thread's case.
    const settle = (a: CaseAnswer | { dead: string }) => w === this.worker && this.settle(a);
    w.on('message', (a: CaseAnswer) => settle(a));
    w.on('error', (e) => settle({ dead: `worker error: ${String((e as Error)?.stack ?? e).slice(0, 600)}` }));
    w.on('exit', (code) => settle({ dead: `worker exited with code ${code}` }));
    this.worker = w;
    return w;
  }

  private settle(a: CaseAnswer | { dead: string }): void {
    const p = this.pending;
    this.pending = undefined;
    if ('dead' in a) this.worker = undefined;
    p?.(a);
  }

  /** Runs one case; `timeoutMs` overrides the bound (the warm-up cases get longer). */
  async run(c: FuzzCase, timeoutMs = this.timeoutMs): Promise<Outcome> {
    const w = this.worker ?? (await this.start());
    const base = { caseSeed: c.caseSeed, seedName: c.seedName, steps: c.steps };
    const t0 = performance.now();
    const req: CaseRequest = { caseSeed: c.caseSeed, fileName: c.fileName, bytes: c.bytes, asBlob: c.asBlob, ...(c.bbox ? { bbox: c.bbox } : {}) };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answer = await new Promise<CaseAnswer | { dead: string } | 'hang'>((resolve) => {
      this.pending = resolve;
      timer = setTimeout(() => resolve('hang'), timeoutMs);
      w.postMessage(req);
    });
    clearTimeout(timer);
    if (answer === 'hang') {
      this.pending = undefined;
      this.worker = undefined;
      await w.terminate();
      return { ...base, cls: 'hang', detail: `no answer in ${timeoutMs} ms`, ms: performance.now() - t0 };
    }
    if ('dead' in answer) {
      await w.terminate();
      return { ...base, cls: 'crash', code: 'worker-died', detail: answer.dead, ms: performance.now() - t0 };
    }
    if (answer.caseSeed !== c.caseSeed) return { ...base, cls: 'crash', code: 'out-of-order', detail: `answer for ${answer.caseSeed}`, ms: answer.ms };
    return { ...base, cls: answer.cls, ...(answer.code ? { code: answer.code } : {}), ...(answer.detail ? { detail: answer.detail } : {}), ms: answer.ms };
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }
}

export interface Summary {
  readonly cases: number;
  readonly byClass: Record<OutcomeClass, number>;
  /** Refusals by code. */
  readonly byCode: Record<string, number>;
  /** Outcomes per seed file. */
  readonly bySeed: Record<string, Record<OutcomeClass, number>>;
  readonly failures: readonly Outcome[];
  readonly slowest: Outcome;
  readonly ms: number;
  readonly threads: number;
  /** The warm-up cases' outcomes (the unmutated seeds: all should be ok). */
  readonly warmup: readonly Outcome[];
}

/** Runs `cases` (built lazily, one at a time) after warming the thread up with `warmup` (not counted). */
export async function runAll(cases: Iterable<FuzzCase>, warmup: readonly FuzzCase[], options: RunnerOptions = {}): Promise<Summary> {
  const runner = new FuzzRunner(options);
  try {
    const warm: Outcome[] = [];
    for (const w of warmup) warm.push(await runner.run(w, 60_000));
    const t0 = performance.now();
    const byClass: Record<OutcomeClass, number> = { ok: 0, refused: 0, crash: 0, hang: 0 };
    const byCode: Record<string, number> = {};
    const bySeed: Record<string, Record<OutcomeClass, number>> = {};
    const failures: Outcome[] = [];
    let slowest: Outcome | undefined;
    let n = 0;
    for (const c of cases) {
      const o = await runner.run(c);
      n++;
      byClass[o.cls]++;
      (bySeed[o.seedName] ??= { ok: 0, refused: 0, crash: 0, hang: 0 })[o.cls]++;
      if (o.cls === 'refused' && o.code) byCode[o.code] = (byCode[o.code] ?? 0) + 1;
      if (o.cls === 'crash' || o.cls === 'hang') failures.push(o);
      if (!slowest || o.ms > slowest.ms) slowest = o;
      options.onOutcome?.(o, n);
    }
    return { cases: n, byClass, byCode, bySeed, failures, slowest: slowest!, ms: performance.now() - t0, threads: runner.starts, warmup: warm };
  } finally {
    await runner.close();
  }
}

/** One line per failure, with what reproduces it. */
export const describeFailure = (o: Outcome) =>
  `${o.cls} case seed ${o.caseSeed} (${o.seedName}: ${o.steps}) ${o.code ?? ''} ${o.detail ?? ''} — reproduce: npx tsx tests/core/io/fuzz/repro.ts ${o.caseSeed}`;
