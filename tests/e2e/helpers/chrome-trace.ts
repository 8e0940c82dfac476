/**
 * Main-thread work from a Chrome trace (playwright's browser.startTracing/stopTracing): the renderer main
 * thread's top-level tasks, with wall time (`dur`, what a PerformanceObserver('longtask') sees) and thread
 * CPU time (`tdur`, the work the thread did). On a loaded machine a task's wall time includes the time the
 * thread waited for a core (a click task measured 99 ms wall for 12 ms of work here), so "the main thread
 * is doing the work" is judged on CPU time. Pure, so its arithmetic is unit-tested on a hand-made trace.
 */

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing'];

export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly cat?: string;
  readonly args?: { readonly name?: string };
}
export type Trace = { traceEvents: readonly TraceEvent[] } | readonly TraceEvent[];

/** One top-level task: start (µs, trace clock), wall and CPU durations (ms). */
export interface Task { readonly ts: number; readonly wallMs: number; readonly cpuMs: number }

export interface MainThreadWork {
  /** Sum of top-level task wall durations on the page's main thread, ms. */
  readonly busyMs: number;
  /** Sum of their thread CPU time, ms: the work done. */
  readonly cpuMs: number;
  /** CPU time of tasks whose CPU time is over 50 ms, in order, ms. */
  readonly longTasks: readonly number[];
  /** The longest task by CPU time, ms (0 when none). */
  readonly maxTaskMs: number;
  /** Wall time of tasks over 50 ms wall (what a long-task observer reports), ms. */
  readonly longWall: readonly number[];
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
export const LONG_TASK_MS = 50;

const eventsOf = (trace: Trace): readonly TraceEvent[] => (Array.isArray(trace) ? (trace as readonly TraceEvent[]) : (trace as { traceEvents: readonly TraceEvent[] }).traceEvents);

/** Outermost tasks of the busiest renderer main thread (the page's), in time order. */
export function mainThreadTasks(trace: Trace): Task[] {
  const events = eventsOf(trace);
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !TASK_NAMES.has(e.name) || !mains.has(key) || !e.dur) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  let best: Task[] = [];
  let bestBusy = -1;
  for (const list of byThread.values()) {
    // Both task event names may wrap the same task, and tasks can nest: keep only outermost spans.
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    let end = -Infinity;
    const tasks: Task[] = [];
    for (const t of list) {
      if (t.ts < end) continue;
      end = t.ts + t.dur!;
      tasks.push({ ts: t.ts, wallMs: t.dur! / 1000, cpuMs: (t.tdur ?? t.dur!) / 1000 });
    }
    const busy = tasks.reduce((s, t) => s + t.wallMs, 0);
    if (busy > bestBusy) [best, bestBusy] = [tasks, busy];
  }
  return best;
}

export function summarise(tasks: readonly Task[]): MainThreadWork {
  let busy = 0;
  let cpu = 0;
  let max = 0;
  for (const t of tasks) {
    busy += t.wallMs;
    cpu += t.cpuMs;
    max = Math.max(max, t.cpuMs);
  }
  return {
    busyMs: busy, cpuMs: cpu, maxTaskMs: max,
    longTasks: tasks.filter((t) => t.cpuMs > LONG_TASK_MS).map((t) => t.cpuMs),
    longWall: tasks.filter((t) => t.wallMs > LONG_TASK_MS).map((t) => t.wallMs),
  };
}

export const mainThreadWork = (trace: Trace): MainThreadWork => summarise(mainThreadTasks(trace));

/** Trace time (µs) of a performance.mark(name) made in the page, or null. */
export function markTime(trace: Trace, name: string): number | null {
  const e = eventsOf(trace).find((x) => x.name === name && (x.cat ?? '').includes('blink.user_timing'));
  return e ? e.ts : null;
}
