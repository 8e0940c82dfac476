// Entry for `tsx --test tests/e2e/` (scripts/test-all.mjs): Node 20's runner only discovers .js/.mjs
// files by name, so this file imports every *.e2e.ts here; each file is one describe() with its own browser.
import { readdirSync } from 'node:fs';

const here = new URL('./', import.meta.url);
for (const f of readdirSync(here).filter((n) => n.endsWith('.e2e.ts')).sort()) await import(new URL(f, here).href);
