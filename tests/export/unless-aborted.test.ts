// unlessAborted (src/export/options.ts): a page's waits end the moment Cancel is pressed, not when the work does.
import { describe, expect, it } from 'vitest';
import { unlessAborted } from '../../src/export/options';

describe('unlessAborted', () => {
  it('rejects with export.cancelled as soon as the signal aborts, while the work never ends', async () => {
    const ctrl = new AbortController();
    const never = new Promise<number>(() => {});
    const p = unlessAborted(never, ctrl.signal);
    ctrl.abort();
    await expect(p).rejects.toThrow('export.cancelled');
  });

  it('rejects at once when already aborted, and passes values and failures through otherwise', async () => {
    const ctrl = new AbortController();
    await expect(unlessAborted(Promise.resolve(3), ctrl.signal)).resolves.toBe(3);
    await expect(unlessAborted(Promise.reject(new Error('print.map-too-large')), ctrl.signal)).rejects.toThrow('print.map-too-large');
    await expect(unlessAborted(Promise.resolve(4))).resolves.toBe(4);
    ctrl.abort();
    await expect(unlessAborted(Promise.resolve(5), ctrl.signal)).rejects.toThrow('export.cancelled');
  });
});
