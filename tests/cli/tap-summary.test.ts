/**
 * scripts/test-all.mjs counts what node's test runner did NOT run: a real runner, on a file that hangs past
 * --test-timeout (cancelled) and one with a skipped and a todo test, must be read as such.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { tapSummary } from '../../scripts/tap-summary.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'tap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tapSummary on node --test output', () => {
  it('counts a timed-out file as cancelled and reads skipped and todo', () => {
    writeFileSync(path.join(dir, 'hang.test.mjs'), `import { it } from 'node:test';
it('hangs', () => new Promise((r) => setTimeout(r, 120_000)));\n`);
    writeFileSync(path.join(dir, 'mixed.test.mjs'), `import { describe, it } from 'node:test';
describe('mixed', () => {
  it('passes', () => {});
  it('fails', () => { throw new Error('no'); });
  it('is skipped', { skip: true }, () => {});
  it('is todo', { todo: true }, () => {});
});\n`);
    const r = spawnSync(process.execPath, ['--test', '--test-reporter=tap', '--test-timeout=8000', '--test-concurrency=1',
      path.join(dir, 'hang.test.mjs'), path.join(dir, 'mixed.test.mjs')], { encoding: 'utf8', timeout: 60_000 });
    const s = tapSummary(r.stdout);
    expect(s).toMatchObject({ pass: 1, fail: 1, cancelled: 1, skipped: 1, todo: 1 });
    expect(r.status).not.toBe(0);
  });

  it('takes the closing summary, not a test\'s earlier diagnostic lines', () => {
    const tap = ['TAP version 13', '# pass 99', 'ok 1 - a', '1..1', '# tests 1', '# pass 1', '# fail 0', '# cancelled 0'].join('\n');
    expect(tapSummary(tap)).toMatchObject({ tests: 1, pass: 1, fail: 0, cancelled: 0, skipped: 0, todo: 0 });
  });
});
