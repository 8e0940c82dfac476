/**
 * The fuzz runner itself: a case that never answers is a hang, a thread that exits or runs out of memory is a
 * crash, and after each the next case runs in a fresh thread. Without this, "0 hangs, 0 crashes" could not fail.
 */
import { describe, expect, it } from 'vitest';
import type { FuzzCase } from './cases';
import { FuzzRunner } from './runner';

const probe = (fileName: string, caseSeed: number): FuzzCase => ({ caseSeed, seedName: fileName, fileName, steps: 'probe', bytes: new Uint8Array(0), asBlob: false });
const valid = (caseSeed: number): FuzzCase => ({
  caseSeed,
  seedName: 'p.geojson',
  fileName: 'p.geojson',
  steps: 'none',
  bytes: new TextEncoder().encode('{"type":"Point","coordinates":[7.42,43.73]}'),
  asBlob: false,
});

describe('fuzz runner', () => {
  it('classifies ok, refused, hang and crash, and replaces a hung or dead thread', async () => {
    const runner = new FuzzRunner({ timeoutMs: 1500, heapMb: 64 });
    try {
      const warm = await runner.run(valid(1), 60_000);
      expect(warm.cls).toBe('ok');
      expect((await runner.run({ ...valid(2), bytes: new Uint8Array(0) })).code).toBe('error.io.empty');
      const hang = await runner.run(probe('probe.hang', 3), 1500);
      expect([hang.cls, hang.detail]).toEqual(['hang', 'no answer in 1500 ms']);
      expect((await runner.run(valid(4), 60_000)).cls).toBe('ok');
      const exit = await runner.run(probe('probe.exit', 5));
      expect([exit.cls, exit.code, exit.detail]).toEqual(['crash', 'worker-died', 'worker exited with code 3']);
      expect((await runner.run(valid(6), 60_000)).cls).toBe('ok');
      const oom = await runner.run(probe('probe.oom', 7), 60_000);
      expect([oom.cls, oom.code]).toEqual(['crash', 'worker-died']);
      expect(oom.detail).toMatch(/memory limit/);
      expect((await runner.run(valid(8), 60_000)).cls).toBe('ok');
      // One thread at first, then one more after each of the hang, the exit and the out-of-memory.
      expect(runner.starts).toBe(4);
    } finally {
      await runner.close();
    }
  }, 240_000);
});
