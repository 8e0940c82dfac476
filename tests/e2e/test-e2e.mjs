// Entry for running every browser test in one runner: `E2E_BASE_URL=... tsx --test tests/e2e/test-e2e.mjs`.
// Node 20's runner only discovers .js/.mjs files by name, so this file imports every *.e2e.ts here.
// scripts/test-all.mjs does not use it: it runs each *.e2e.ts in its own runner, with its own timeout.
import { readdirSync } from 'node:fs';

const here = new URL('./', import.meta.url);
for (const f of readdirSync(here).filter((n) => n.endsWith('.e2e.ts')).sort()) await import(new URL(f, here).href);
