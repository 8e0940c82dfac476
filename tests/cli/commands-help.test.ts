/**
 * Issue 12: `--help` failed and an unknown flag was silently taken as a value. Every command is run as the
 * user runs it (tsx on its entry file): --help prints usage with every option and exits 0; an unknown
 * option is one line naming it plus a hint, exit 2.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const TSX = 'node_modules/.bin/tsx';
const COMMANDS: Record<string, { entry: string; options: string[] }> = {
  analyze: { entry: 'src/cli/analyze.ts', options: ['--streets', '--residences', '--facility', '--facilities', '--units', '--rules',
    '--max-snap', '--thresholds', '--cutoff', '--isochrones', '--out', '--force', '--debug', '--demo', '--help'] },
  export: { entry: 'src/cli/export.ts', options: ['--format', '--date', '--rules', '--isochrones', '--out', '--demo', '--help'] },
  import: { entry: 'src/cli/import.ts', options: ['--out', '--force', '--debug', '--admin-levels', '--admin-preset', '--no-estimate', '--help'] },
  'generate-demo': { entry: 'scripts/generate-demo.ts', options: ['--seed', '--people', '--out', '--help'] },
  bench: { entry: 'tests/bench/run-all.ts', options: ['NAME', '--help'] },
};
// Run side by side (each spawn mostly waits on tsx compiling the entry's imports).
const run = (entry: string, args: string[]) => new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
  const child = spawn(TSX, [entry, ...args], { timeout: 90_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.on('close', (status) => resolve({ status, stdout, stderr }));
});

describe.concurrent.each(Object.entries(COMMANDS))('npm run %s', (name, { entry, options }) => {
  it('--help prints the usage, every option, an example, and exits 0', async () => {
    const r = await run(entry, ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: npm run ${name}`));
    for (const o of options) expect(r.stdout).toContain(o);
    expect(r.stdout).toMatch(/Example/);
  }, 120_000);

  it('an unknown option is named in one line with a hint, exit 2', async () => {
    const r = await run(entry, ['--no-such-option']);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`${name}: unknown option --no-such-option`);
    expect(lines[1]).toContain(`npm run ${name} -- --help`);
  }, 120_000);
});
