/**
 * Issue 13, item 9: errors printed `LayerReadError: error.io.looks-projected {…}` with a stack. Run as the
 * user runs it (tsx on the entry file): without --debug one line and the exit code, with --debug the same
 * line followed by the stack.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = 'node_modules/.bin/tsx';
const FIX = path.resolve(__dirname, '../fixtures/cli-hostile');
const run = (args: string[]) => new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
  const child = spawn(TSX, ['src/cli/analyze.ts', ...args], { timeout: 90_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.on('close', (status) => resolve({ status, stdout, stderr }));
});
const ARGS = ['--streets', path.join(FIX, 'streets.geojson'), '--residences', path.join(FIX, 'homes-projected.geojson'),
  '--facility', `playground=${path.join(FIX, 'playgrounds.geojson')}`, '--out', path.join(FIX, 'never-written')];
const LINE = `analyze: --residences ${path.join(FIX, 'homes-projected.geojson')}: homes-projected.geojson looks projected:`;
const STACK_FRAME = /^\s+at .+\.ts:\d+:\d+\)?$/m;

describe.concurrent('analyze --debug', () => {
  it('without --debug: exit 3, one line, no stack', async () => {
    const r = await run(ARGS);
    expect(r.status).toBe(3);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(LINE)).toBe(true);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stdout).toBe('');
  }, 120_000);

  it('with --debug: the same line, then the stack', async () => {
    const r = await run([...ARGS, '--debug']);
    expect(r.status).toBe(3);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0].startsWith(LINE)).toBe(true);
    expect(lines[1]).toMatch(/^CliError: /);
    expect(r.stderr).toMatch(STACK_FRAME);
  }, 120_000);
});
