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
  },
});
