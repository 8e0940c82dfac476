/**
 * Issue 13, item 9: a reused --out kept the previous run's files beside the new ones. The tool now marks
 * the folders it writes and a rerun replaces exactly its own files; a folder it did not write is refused
 * (exit 4) unless --force, and nothing outside --out is touched, not even through a symlink in it.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/analyze';

const FIX = path.resolve(__dirname, '../fixtures/cli-hostile');
const f = (name: string) => path.join(FIX, name);
const tmp = mkdtempSync(path.join(tmpdir(), 'cfc-out-folder-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(out: string, category: string, extra: string[] = []) {
  const err: string[] = [];
  const code = await main(['--streets', f('streets.geojson'), '--residences', f('homes.geojson'), '--facility', `${category}=${f('playgrounds.geojson')}`,
    ...extra, '--out', out], { out: () => undefined, err: (l) => err.push(l) });
  return { code, messages: err.filter((l) => !l.startsWith('[')) };
}
const list = (dir: string) => readdirSync(dir).sort();

describe('--out', () => {
  it('a rerun leaves only the new run\'s files, and a file the user added stays', async () => {
    const out = path.join(tmp, 'rerun');
    expect((await run(out, 'playground')).code).toBe(0);
    expect(list(out)).toEqual(['.cfc-planner-out', 'access.csv', 'coverage.csv', 'isochrones_playground.geojson', 'summary.json']);
    expect(JSON.parse(readFileSync(path.join(out, '.cfc-planner-out'), 'utf8')).files)
      .toEqual(['access.csv', 'coverage.csv', 'isochrones_playground.geojson', 'summary.json']);
    expect((await run(out, 'kindergarten', ['--rules', 'default'])).code).toBe(0);
    const second = ['.cfc-planner-out', 'access.csv', 'coverage.csv', 'gaps.csv', 'gaps.geojson', 'isochrones_kindergarten.geojson', 'scorecards.csv', 'summary.json'];
    expect(list(out)).toEqual(second);
    writeFileSync(path.join(out, 'my-notes.txt'), 'mine');
    expect((await run(out, 'nursery')).code).toBe(0);
    expect(list(out)).toEqual(['.cfc-planner-out', 'access.csv', 'coverage.csv', 'isochrones_nursery.geojson', 'my-notes.txt', 'summary.json']);
    expect(readFileSync(path.join(out, 'my-notes.txt'), 'utf8')).toBe('mine');
    // The new access.csv is this run's: nursery rows, no kindergarten ones.
    const access = readFileSync(path.join(out, 'access.csv'), 'utf8');
    expect(access).toContain(',nursery,');
    expect(access).not.toContain('kindergarten');
  }, 60_000);

  it('a non-empty folder the tool did not write: exit 4 with one line and the fix, nothing written', async () => {
    const out = path.join(tmp, 'foreign');
    mkdirSync(out);
    writeFileSync(path.join(out, 'thesis.docx'), 'years of work');
    writeFileSync(path.join(out, 'summary.json'), '{"mine":true}');
    const r = await run(out, 'playground');
    expect(r.code).toBe(4);
    expect(r.messages).toEqual([
      `analyze: --out ${out}: the folder is not empty (2 entries: summary.json, thesis.docx) and was not written by this tool. `
        + 'Choose a new or empty folder, or add --force to write into it anyway (files of the same name are replaced, nothing else is removed).',
    ]);
    expect(list(out)).toEqual(['summary.json', 'thesis.docx']);
    expect(readFileSync(path.join(out, 'summary.json'), 'utf8')).toBe('{"mine":true}');
  });

  it('--force writes into it, replaces only same-named files, and a symlink there is replaced, never followed', async () => {
    const out = path.join(tmp, 'forced');
    mkdirSync(out);
    const outside = path.join(tmp, 'outside.csv');
    writeFileSync(outside, 'outside --out');
    writeFileSync(path.join(out, 'thesis.docx'), 'years of work');
    symlinkSync(outside, path.join(out, 'access.csv'));
    const r = await run(out, 'playground', ['--force']);
    expect(r).toEqual({ code: 0, messages: [] });
    expect(readFileSync(outside, 'utf8')).toBe('outside --out');
    expect(lstatSync(path.join(out, 'access.csv')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(out, 'access.csv'), 'utf8')).toMatch(/^residence_id,/);
    expect(readFileSync(path.join(out, 'thesis.docx'), 'utf8')).toBe('years of work');
    // Marked now: a rerun clears only what the forced run wrote.
    expect((await run(out, 'nursery')).code).toBe(0);
    expect(list(out)).toEqual(['.cfc-planner-out', 'access.csv', 'coverage.csv', 'isochrones_nursery.geojson', 'summary.json', 'thesis.docx']);
  }, 60_000);

  it('a marker listing names outside the folder removes nothing outside it', async () => {
    const out = path.join(tmp, 'tampered');
    mkdirSync(out);
    const victim = path.join(tmp, 'victim.txt');
    writeFileSync(victim, 'keep me');
    writeFileSync(path.join(out, '.cfc-planner-out'), JSON.stringify({ tool: 'cfc-planner', command: 'analyze', files: ['../victim.txt', victim, '..', 'access.csv'] }));
    expect((await run(out, 'playground')).code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });

  it('--out naming a file: exit 4', async () => {
    const file = path.join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const r = await run(file, 'playground');
    expect(r).toEqual({ code: 4, messages: [`analyze: --out ${file}: it is a file, not a folder. Choose a folder path.`] });
    expect(existsSync(file)).toBe(true);
  });
});
