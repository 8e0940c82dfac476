/**
 * Faults a browser test can cause inside a worker (sent only by the app's `?e2e=1` test hook, never by
 * the app): `crash` throws in the worker's global scope (the page sees a real `error` event, as for an
 * out-of-memory), `hang` keeps the thread busy for `ms` without yielding (a load stuck in one long loop),
 * `park` holds every timer set after it for good: a running job stops at its next turn (all jobs yield with
 * setTimeout) while the worker still reads messages, so a test can kill it mid-job without racing the job's
 * speed. A parked worker is only good for killing; the new one the supervisor starts is not parked.
 */
export const TEST_FAULT = 'cfcTestFault';

export type TestFault =
  | { readonly [TEST_FAULT]: 'crash' }
  | { readonly [TEST_FAULT]: 'hang'; readonly ms: number }
  | { readonly [TEST_FAULT]: 'park' };

interface MessageScope {
  addEventListener(type: 'message', listener: (e: { readonly data: unknown }) => void): void;
  setTimeout: typeof setTimeout;
}

export function installTestFaults(scope: MessageScope): void {
  const realSetTimeout = scope.setTimeout.bind(scope);
  scope.addEventListener('message', (e) => {
    const fault = (e.data as Partial<Record<typeof TEST_FAULT, unknown>> | null)?.[TEST_FAULT];
    if (fault === 'park') {
      scope.setTimeout = (() => 0) as unknown as typeof setTimeout;
    } else if (fault === 'crash') {
      realSetTimeout(() => {
        throw new Error('test fault: crash');
      }, 0);
    } else if (fault === 'hang') {
      const ms = Number((e.data as { ms?: unknown }).ms) || 0;
      realSetTimeout(() => {
        const until = Date.now() + ms;
        while (Date.now() < until) {
          // busy on purpose: a worker that does not yield
        }
      }, 0);
    }
  });
}
