/**
 * Main-thread work from a Chrome trace (playwright's browser.startTracing/stopTracing): the renderer main
 * thread's top-level tasks, summed, and the long ones (> 50 ms, what a PerformanceObserver('longtask')
 * reports). Pure, so its arithmetic is unit-tested on a hand-made trace.
 */

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing'];

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { readonly name?: string };
}

export interface MainThreadWork {
  /** Sum of top-level task durations on the page's main thread, ms. */
  readonly busyMs: number;
  /** Durations of tasks over 50 ms, in order, ms. */
  readonly longTasks: readonly number[];
  /** The longest task, ms (0 when none). */
  readonly maxTaskMs: number;
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
export const LONG_TASK_MS = 50;

/** Reads the trace; when there are several renderer main threads, the busiest is the page's. */
export function mainThreadWork(trace: { traceEvents: readonly TraceEvent[] } | readonly TraceEvent[]): MainThreadWork {
  const events = Array.isArray(trace) ? (trace as readonly TraceEvent[]) : (trace as { traceEvents: readonly TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, { ts: number; dur: number }[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !TASK_NAMES.has(e.name) || !mains.has(key) || !e.dur) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push({ ts: e.ts, dur: e.dur });
  }
  let best: MainThreadWork = { busyMs: 0, longTasks: [], maxTaskMs: 0 };
  for (const list of byThread.values()) {
    // Both task event names may wrap the same task, and tasks can nest: count only outermost spans.
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let end = -Infinity;
    let busy = 0;
    let max = 0;
    const long: number[] = [];
    for (const t of list) {
      if (t.ts < end) continue;
      end = t.ts + t.dur;
      busy += t.dur;
      max = Math.max(max, t.dur / 1000);
      if (t.dur / 1000 > LONG_TASK_MS) long.push(t.dur / 1000);
    }
    if (busy / 1000 > best.busyMs) best = { busyMs: busy / 1000, longTasks: long, maxTaskMs: max };
  }
  return best;
}
