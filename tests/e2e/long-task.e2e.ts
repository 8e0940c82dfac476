/**
 * The main thread never blocks while the demo city is analysed: a Chrome trace runs from the click on Run
 * until the results are drawn. Every main-thread task that ends before the result arrives (the moment
 * 'Done.' is committed) and does more than 50 ms of work would be analysis work or its messages on the
 * main thread, and fails the test; tasks from the arrival on are the drawing of the results (DOM layout and
 * software WebGL here), printed for the record but not timed: speed targets live in `npm run bench`.
 * Work is the task's thread CPU time. A PerformanceObserver('longtask') measures wall time, which on this
 * shared 2-core machine includes the time the thread waits for a core while the analysis worker and the
 * GPU process run: a 12 ms click task was reported as a 99 ms long task, and the test failed at random.
 * The observer's figures are printed beside the trace's. The same for finding the safe routes (issue 8).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, settle } from './helpers/browser';
import { LONG_TASK_MS, mainThreadTasks, markTime, TRACE_CATEGORIES } from './helpers/chrome-trace';

declare global {
  interface Window {
    __longTasks?: { start: number; end: number }[];
    __doneAt?: number;
  }
}

describe('main thread during an analysis', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launch();
    ({ page } = await openApp(browser));
    await page.getByRole('tab', { name: 'Access' }).click();
    await settle(page);
  });
  after(async () => {
    await browser?.close();
  });

  /**
   * Clicks `button` with a trace running and waits until `done` shows (the access status's "Done.", or the
   * safe-routes summary); fails on any main-thread task over 50 ms of CPU before that moment.
   */
  async function noLongTaskUntilDone(buttonName: string, done: 'access' | 'safety', label: string): Promise<void> {
    // Playwright's role queries run on the page's main thread and take tens of milliseconds on this DOM:
    // measured here, they would count as the app's long tasks. So the button is found before the
    // observer starts, clicked as a DOM click, and the end is awaited with a plain querySelector.
    const run = await page.getByRole('button', { name: buttonName }).elementHandle();
    assert.ok(run);
    await page.evaluate((mode) => {
      window.__longTasks = [];
      window.__doneAt = undefined;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks!.push({ start: e.startTime, end: e.startTime + e.duration });
      }).observe({ type: 'longtask' });
      // (No named function in here: tsx would wrap it in a helper the page does not have.)
      new MutationObserver((_, obs) => {
        const finished = mode === 'access'
          ? [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent?.includes('Done.'))
          : document.querySelector('[data-testid="safety-summary"]') !== null;
        if (!finished) return;
        window.__doneAt = performance.now();
        performance.mark('cfc-done');
        obs.disconnect();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, done);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const clickedAt = await run.evaluate((b) => {
      performance.mark('cfc-run');
      (b as HTMLButtonElement).click();
      return performance.now();
    });
    await page.waitForFunction(() => window.__doneAt !== undefined, null, { timeout: 90_000, polling: 250 });
    await settle(page);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as Parameters<typeof mainThreadTasks>[0];
    const { observed, doneAt } = await page.evaluate(() => ({ observed: window.__longTasks!, doneAt: window.__doneAt! }));
    // Each run has a trace of its own: the marks in it are this run's.
    const [runTs, doneTs] = [markTime(trace, 'cfc-run'), markTime(trace, 'cfc-done')];
    assert.ok(runTs !== null && doneTs !== null, 'the marks are in the trace');
    const tasks = mainThreadTasks(trace).filter((t) => t.ts + t.wallMs * 1000 >= runTs);
    const before = tasks.filter((t) => t.ts + t.wallMs * 1000 < doneTs);
    const drawing = tasks.filter((t) => t.ts + t.wallMs * 1000 >= doneTs);
    const during = before.filter((t) => t.cpuMs > LONG_TASK_MS);
    const ms = (ts: readonly { cpuMs: number; wallMs: number }[]) => ts.map((t) => `${t.cpuMs.toFixed(0)} (wall ${t.wallMs.toFixed(0)})`).join(', ') || 'none';
    const long = (ts: readonly { cpuMs: number; wallMs: number }[]) => ts.filter((t) => t.wallMs > LONG_TASK_MS || t.cpuMs > LONG_TASK_MS);
    console.log(`${label} took ${(doneAt - clickedAt).toFixed(0)} ms; main-thread CPU before the result ${before.reduce((s, t) => s + t.cpuMs, 0).toFixed(0)} ms in ${before.length} tasks, `
      + `longest ${Math.max(0, ...before.map((t) => t.cpuMs)).toFixed(0)} ms; tasks over 50 ms before the result, CPU ms: ${ms(long(before))}; `
      + `drawing the result: ${ms(long(drawing))}; long-task observer (wall): ${observed.filter((t) => t.end < doneAt).map((t) => (t.end - t.start).toFixed(0)).join(', ') || 'none'}`);
    // The run itself lasts a second or more here: done on this thread, it would be one long task.
    assert.ok(doneAt - clickedAt > 100, `the ${label} ended too fast to tell`);
    assert.deepEqual(during.map((t) => Math.round(t.cpuMs)), [], `the main thread worked over ${LONG_TASK_MS} ms at a time during the ${label}: ${ms(during)}`);
  }

  test('no long task while the demo city is analysed', { timeout: 180_000 }, async () => {
    await noLongTaskUntilDone('Run analysis', 'access', 'analysis');
  });

  test('no long task while the safe routes of the demo city are found', { timeout: 180_000 }, async () => {
    await page.getByRole('tab', { name: 'Safe routes' }).click();
    await settle(page);
    await noLongTaskUntilDone('Find safe routes', 'safety', 'safe-route search');
  });
});
