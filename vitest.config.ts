import { defineConfig } from 'vitest/config';

// Unit tests run in Node: the core is DOM-free, so the same code the workers run is tested here.
// Browser tests live in tests/e2e and run through playwright-core (scripts/run-e2e.mjs), not Vitest.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine. Two use both.
    maxWorkers: 2,
    // One module cache per worker, not per file: importing the core again for each of ~140 files was ~40 %
    // of the CPU time (249 -> 151 CPU-s measured). Tests build their own stores and i18n instances.
    isolate: false,
  },
});
