/**
 * The fuzzer's worker thread: reads each case it is sent with readLayer and answers its class. A hang or a
 * death (out of memory, a native abort) happens here, where the runner can time it out and replace the thread.
 */
import { parentPort } from 'node:worker_threads';
import { readLayer } from '../../../../src/core/io/read-layer';
import { classify, type Verdict } from './classify';

export interface CaseRequest {
  readonly caseSeed: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly asBlob: boolean;
  readonly bbox?: readonly [number, number, number, number];
}

export type CaseAnswer = Verdict & { readonly caseSeed: number; readonly ms: number };

/** Misbehaviours on request, so runner.test.ts can check that hangs and deaths are caught (file names no seed has). */
const PROBES: Record<string, () => void> = {
  'probe.hang': () => {
    while (Date.now() > 0) void 0;
  },
  'probe.exit': () => process.exit(3),
  'probe.oom': () => {
    const keep: number[][] = [];
    while (keep.length >= 0) keep.push(new Array(1 << 20).fill(keep.length));
  },
};

async function answer(req: CaseRequest): Promise<CaseAnswer> {
  PROBES[req.fileName]?.();
  const t0 = performance.now();
  const source = req.asBlob ? { fileName: req.fileName, blob: new Blob([req.bytes as Uint8Array<ArrayBuffer>]) } : { fileName: req.fileName, bytes: req.bytes };
  let verdict: Verdict;
  try {
    verdict = classify(await readLayer(source, req.bbox ? { bbox: [...req.bbox] as [number, number, number, number] } : {}));
  } catch (e) {
    // readLayer promises never to throw: anything caught here is a crash.
    verdict = { cls: 'crash', code: 'thrown', detail: String((e as Error)?.stack ?? e).slice(0, 600) };
  }
  return { ...verdict, caseSeed: req.caseSeed, ms: performance.now() - t0 };
}

parentPort!.on('message', (req: CaseRequest) => {
  void answer(req).then((a) => parentPort!.postMessage(a));
});
parentPort!.postMessage('ready');
