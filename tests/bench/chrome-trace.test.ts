/** The trace arithmetic of the main-thread benchmark and the long-task test, on a hand-made trace. */
import { describe, expect, it } from 'vitest';
import { mainThreadTasks, mainThreadWork, markTime, type TraceEvent } from '../e2e/helpers/chrome-trace';

const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
const task = (pid: number, tid: number, ts: number, durMs: number, cpuMs: number, name = 'RunTask'): TraceEvent =>
  ({ name, ph: 'X', pid, tid, ts, dur: durMs * 1000, tdur: cpuMs * 1000 });

describe('mainThreadWork', () => {
  const events: TraceEvent[] = [
    meta(1, 10, 'CrRendererMain'), meta(1, 11, 'Compositor'), meta(2, 20, 'CrRendererMain'),
    task(1, 10, 0, 80, 12), // long by wall time only: the thread waited for a core
    task(1, 10, 0, 80, 12, 'ThreadControllerImpl::RunTask'), // the same task under its other name
    task(1, 10, 10_000, 5, 5), // nested inside the first: not counted again
    task(1, 10, 100_000, 60, 55), // long by CPU time
    task(1, 10, 200_000, 20, 20),
    task(1, 11, 0, 500, 500), // another thread
    task(2, 20, 0, 30, 30), // a less busy renderer (another page)
    { name: 'cfc-done', ph: 'R', cat: 'blink.user_timing', pid: 1, tid: 10, ts: 150_000 },
  ];

  it('sums the outermost tasks of the busiest renderer main thread', () => {
    const w = mainThreadWork({ traceEvents: events });
    expect(w.busyMs).toBe(80 + 60 + 20);
    expect(w.cpuMs).toBe(12 + 55 + 20);
    expect(w.maxTaskMs).toBe(55);
    expect(w.longTasks).toEqual([55]);
    expect(w.longWall).toEqual([80, 60]);
    expect(mainThreadTasks(events).map((t) => t.ts)).toEqual([0, 100_000, 200_000]);
  });

  it('finds a mark', () => {
    expect(markTime(events, 'cfc-done')).toBe(150_000);
    expect(markTime(events, 'missing')).toBeNull();
  });
});
