/**
 * scripts/test-all.mjs reads Vitest's JSON report. A real nested Vitest run on a file whose beforeAll throws
 * (its tests are skipped, no test fails) must count as broken, and skipped/todo tests must be counted.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { vitestCounts } from '../../scripts/vitest-counts.mjs';

// Inside the repo (ignored test-results/) so the nested files resolve 'vitest' from node_modules.
const dir = path.resolve('test-results', `vitest-counts-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vitestCounts on a real Vitest report', () => {
  it('counts a file whose hook failed as broken, and skipped and todo tests', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'hook.test.ts'), `import { beforeAll, it } from 'vitest';
beforeAll(() => { throw new Error('setup failed'); });
it('never runs', () => {});\n`);
    writeFileSync(path.join(dir, 'mixed.test.ts'), `import { it } from 'vitest';
it('passes', () => {});
it.skip('is skipped', () => {});
it.todo('is todo');\n`);
    writeFileSync(path.join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'] } };\n");
    const out = path.join(dir, 'report.json');
    spawnSync('node_modules/.bin/vitest', ['run', '--root', dir, '--config', path.join(dir, 'vitest.config.mjs'), '--reporter=json', `--outputFile=${out}`],
      { encoding: 'utf8', timeout: 60_000 });
    const c = vitestCounts(JSON.parse(readFileSync(out, 'utf8')));
    expect(c.failed).toBe(0);
    expect(c.passed).toBe(1);
    expect(c.todo).toBe(1);
    expect(c.skipped).toBeGreaterThanOrEqual(1);
    expect(c.broken.map((n: string) => path.basename(n))).toEqual(['hook.test.ts']);
  }, 90_000);
});
