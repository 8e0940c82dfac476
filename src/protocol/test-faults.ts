/**
 * Faults a browser test can cause inside a worker (sent only by the app's `?e2e=1` test hook, never by
 * the app): `crash` throws in the worker's global scope (the page sees a real `error` event, as for an
 * out-of-memory), `hang` keeps the thread busy for `ms` without yielding (a load stuck in one long loop).
 */
export const TEST_FAULT = 'cfcTestFault';

export type TestFault = { readonly [TEST_FAULT]: 'crash' } | { readonly [TEST_FAULT]: 'hang'; readonly ms: number };

interface MessageScope {
  addEventListener(type: 'message', listener: (e: { readonly data: unknown }) => void): void;
}

export function installTestFaults(scope: MessageScope): void {
  scope.addEventListener('message', (e) => {
    const fault = (e.data as Partial<Record<typeof TEST_FAULT, unknown>> | null)?.[TEST_FAULT];
    if (fault === 'crash') {
      setTimeout(() => {
        throw new Error('test fault: crash');
      }, 0);
    } else if (fault === 'hang') {
      const ms = Number((e.data as { ms?: unknown }).ms) || 0;
      setTimeout(() => {
        const until = Date.now() + ms;
        while (Date.now() < until) {
          // busy on purpose: a worker that does not yield
        }
      }, 0);
    }
  });
}
