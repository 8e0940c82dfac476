/**
 * Issue 13, items 7, 9 and 12: `npm run analyze` on the hostile corpus in tests/fixtures/cli-hostile (its
 * README says what each file breaks). Each case gives an exact exit code and exact message lines, written
 * out here by hand; a refused run writes no output file. The command runs in-process through its `main`,
 * which is what the entry point calls (debug-stack.test.ts runs the real process).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distance } from '@turf/turf';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/analyze';

const FIX = path.resolve(__dirname, '../fixtures/cli-hostile');
const f = (name: string) => path.join(FIX, name);
const tmp = mkdtempSync(path.join(tmpdir(), 'cfc-hostile-in-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let runs = 0;
async function analyze(residences: string, extra: string[] = [], facility = `playground=${f('playgrounds.geojson')}`) {
  const out = path.join(tmp, `run-${++runs}`);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(['--streets', f('streets.geojson'), '--residences', residences, '--facility', facility, '--isochrones', 'none', ...extra, '--out', out],
    { out: (l) => stdout.push(l), err: (l) => stderr.push(l) });
  // Progress lines ("[ 40%] …") are not messages.
  const messages = stderr.filter((l) => !l.startsWith('['));
  // null: a refused run does not even create --out.
  const files = existsSync(out) ? readdirSync(out).sort() : null;
  return { code, messages, stdout, out, files };
}

const OUTPUTS = ['.cfc-planner-out', 'access.csv', 'coverage.csv', 'summary.json'];

describe('analyze on hostile inputs', () => {
  it('the clean files: exit 0, no message, every home connected', async () => {
    const r = await analyze(f('homes.geojson'));
    expect(r.messages).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.files).toEqual(OUTPUTS);
    const summary = JSON.parse(readFileSync(path.join(r.out, 'summary.json'), 'utf8')) as { homes: number; notConnectedHomes: number };
    expect([summary.homes, summary.notConnectedHomes]).toEqual([4, 0]);
  });

  it('homes with latitude first: exit 3 before any work, one line naming the flag, the file and the fix', async () => {
    const file = f('homes-swapped.geojson');
    const r = await analyze(file);
    expect(r.code).toBe(3);
    expect(r.messages).toEqual([
      `analyze: --residences ${file}: The coordinates look like latitude/longitude in the wrong order (extent 43.7302, 7.421 – 43.7318, 7.4232). `
        + 'It lies outside the other files\' area and would lie inside it with the axes swapped. '
        + 'Write longitude first (x = longitude, y = latitude) in the file; nothing was analysed.',
    ]);
    expect(r.files).toBeNull();
  });

  it('projected metres: exit 3 with the app\'s words, no stack, no raw code', async () => {
    const file = f('homes-projected.geojson');
    const r = await analyze(file);
    expect(r.code).toBe(3);
    expect(r.messages).toEqual([
      `analyze: --residences ${file}: homes-projected.geojson looks projected: its coordinates are metres, not degrees `
        + '(extent 826100.5, 5422800.25 – 826300, 5423000). Declare its coordinate system or export it as WGS 84 longitude/latitude. '
        + 'If only a few features are off, fix their coordinates instead.',
    ]);
    expect(r.messages.join('\n')).not.toMatch(/error\.io|LayerReadError|\n\s+at /);
    expect(r.files).toBeNull();
  });

  it('one home at longitude 500: the loader reads the whole file as projected, exit 3', async () => {
    const file = f('homes-lon-out-of-range.geojson');
    const r = await analyze(file);
    expect(r.code).toBe(3);
    expect(r.messages).toEqual([
      `analyze: --residences ${file}: homes-lon-out-of-range.geojson looks projected: its coordinates are metres, not degrees `
        + '(extent 7.421, 43.7302 – 500, 43.7318). Declare its coordinate system or export it as WGS 84 longitude/latitude. '
        + 'If only a few features are off, fix their coordinates instead.',
    ]);
  });

  it('one home at latitude 120.5: left out with a warning, the other four analysed', async () => {
    const file = f('homes-out-of-range.geojson');
    const r = await analyze(file);
    expect(r.messages).toEqual([
      `warning: --residences ${file}: 1 feature has coordinates outside longitude -180…180 / latitude -90…90 `
        + '(extent 7.421, 43.7302 – 7.4232, 120.5) and was left out. Fix its coordinates in the file.',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(r.out, 'summary.json'), 'utf8')).homes).toBe(4);
  });

  it('null geometries: a warning with the count and the fix, exit 0', async () => {
    const file = f('homes-null-geometry.geojson');
    const r = await analyze(file);
    expect(r.messages).toEqual([
      `warning: --residences ${file}: 2 features without a usable geometry were left out. At features 5, 6 of the file. Give those features a geometry in the file if they should count.`,
    ]);
    expect(r.code).toBe(0);
  });

  it('every home without a geometry: the warning, then exit 3 (nothing to analyse)', async () => {
    const file = f('homes-all-null.geojson');
    const r = await analyze(file);
    expect(r.code).toBe(3);
    expect(r.messages).toEqual([
      `warning: --residences ${file}: 3 features without a usable geometry were left out. At features 1, 2, 3 of the file. Give those features a geometry in the file if they should count.`,
      `analyze: --residences ${file}: no home has a usable geometry, so there is nothing to analyse. `
        + 'Give the homes point or polygon geometries in WGS 84 longitude/latitude.',
    ]);
    expect(r.files).toBeNull();
  });

  it('an empty facility file: a warning, the category analysed with no facility', async () => {
    const file = f('facilities-empty.geojson');
    const r = await analyze(f('homes.geojson'), [], `playground=${file}`);
    expect(r.messages).toEqual([
      `warning: --facility playground=${file}: the file has no usable facility, so playground is analysed with none: every home is out of its reach. `
        + 'Check that this is the right file.',
    ]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(r.out, 'summary.json'), 'utf8')) as { categories: { category: string; facilities: number; unreachableHomes: number }[] };
    expect(summary.categories).toEqual([{ category: 'playground', facilities: 0, unreachableHomes: 4 }]);
  });

  it('repeated ids: a warning with the count, exit 0', async () => {
    const file = f('homes-duplicate-ids.geojson');
    const r = await analyze(file);
    expect(r.messages).toEqual([
      `warning: --residences ${file}: 2 features repeat an id already used in this layer. At features 5, 6 of the file. `
        + 'Give every feature its own id: the output rows are keyed by id, so repeated ones cannot be told apart.',
    ]);
    expect(r.code).toBe(0);
  });

  it('child_name and phone: a warning naming both, and no output file holds any of their values', async () => {
    const file = f('homes-child-name.geojson');
    const r = await analyze(file, ['--isochrones', 'segments']);
    expect(r.messages).toEqual([
      `warning: --residences ${file}: Personal fields in a layer about children were dropped: child_name, phone (4 features had values). `
        + 'This app needs counts by age band, never who the children are.',
    ]);
    expect(r.code).toBe(0);
    expect(r.files).toEqual([...OUTPUTS.slice(0, 3), 'isochrones_playground.geojson', 'summary.json']);
    const everything = r.files!.map((n) => readFileSync(path.join(r.out, n), 'utf8')).join('\n');
    // The test would prove nothing if the homes did not reach the outputs at all.
    expect(everything).toContain('h3');
    for (const value of ['Xiaoming', 'Li Na', 'Zhang Wei', 'Chen Jing', '1380000000', 'child_name', 'phone']) expect(everything).not.toContain(value);
  });

  it('homes 800 m east of every street (beyond --max-snap): exit 3, not a run of "not connected" homes', async () => {
    const file = f('homes-elsewhere.geojson');
    const r = await analyze(file);
    expect(r.code).toBe(3);
    expect(r.messages).toHaveLength(1);
    const m = /^analyze: --residences (.+): it lies (\d+) m or more from the streets' area \(extent 7\.434, 43\.7305 – 7\.436, 43\.7315; --streets (.+): 7\.42, 43\.73 – 7\.424, 43\.732\), farther than --max-snap 150 m, so no home can be connected to a street\. Check that the files cover the same place\.$/.exec(r.messages[0]);
    expect(m?.slice(1, 2)).toEqual([file]);
    expect(m?.[3]).toBe(f('streets.geojson'));
    // The gap is the streets' east edge (7.424) to the westmost home (7.434) along 43.731° N.
    expect(Math.abs(Number(m![2]) - distance([7.424, 43.731], [7.434, 43.731], { units: 'meters' }))).toBeLessThan(2);
    expect(r.files).toBeNull();
  });

  it('facilities that far: a warning, and the category analysed with none reachable', async () => {
    const file = f('homes-elsewhere.geojson');
    const r = await analyze(f('homes.geojson'), [], `playground=${file}`);
    expect(r.code).toBe(0);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0].startsWith(`warning: --facility playground=${file}: it lies `)).toBe(true);
    expect(r.messages[0].endsWith('farther than --max-snap 150 m, so no home can reach these facilities. Check that the files cover the same place.')).toBe(true);
    const summary = JSON.parse(readFileSync(path.join(r.out, 'summary.json'), 'utf8')) as { categories: { unreachableHomes: number }[] };
    expect(summary.categories[0].unreachableHomes).toBe(4);
  });

  it('several refused files in one run: every one named, in the order given', async () => {
    const out = path.join(tmp, 'several');
    const err: string[] = [];
    const code = await main(['--streets', f('streets.geojson'), '--residences', f('homes-projected.geojson'), '--facility', `playground=${f('homes-all-null.geojson')}`,
      '--out', out], { out: () => undefined, err: (l) => err.push(l) });
    expect(code).toBe(3);
    expect(err.filter((l) => l.startsWith('analyze: ')).map((l) => l.split(':').slice(0, 2).join(':'))).toEqual([
      `analyze: --residences ${f('homes-projected.geojson')}`,
    ]);
    expect(err.some((l) => l.startsWith(`warning: --facility playground=${f('homes-all-null.geojson')}: 3 features without a usable geometry`))).toBe(true);
  });
});
