/**
 * Issue 12: `--facility playground=facilities.fgb` on a mixed file used every feature as a playground.
 * Monaco's facilities.fgb mixes categories; the expected counts are read here from its GeoJSON twin.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/cli/analyze';
import { parseAnalyzeArgs } from '../../src/cli/analyze-args';
import { sharedData } from '../shared-data';

const D = sharedData('monaco');
const twin = JSON.parse(readFileSync(path.join(D, 'facilities.geojson'), 'utf8')) as FeatureCollection;
const expected = new Map<string, number>();
for (const f of twin.features) expected.set(String(f.properties!['category']), (expected.get(String(f.properties!['category'])) ?? 0) + 1);
const tmp = mkdtempSync(path.join(tmpdir(), 'cfc-facility-split-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(facilityArgs: string[], name: string) {
  const out = path.join(tmp, name);
  const lines: string[] = [];
  const args = parseAnalyzeArgs(['--streets', path.join(D, 'roads.fgb'), '--residences', path.join(D, 'residential_buildings.geojson'),
    ...facilityArgs, '--isochrones', 'none', '--out', out]);
  await analyze(args, (l) => lines.push(l));
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as { categories: { category: string; facilities: number }[] };
  return { lines, counts: Object.fromEntries(summary.categories.map((c) => [c.category, c.facilities])) };
}

describe('mixed facility files', () => {
  it('the Monaco file really is mixed (the test would prove nothing otherwise)', () => {
    expect(expected.size).toBeGreaterThan(1);
    expect(expected.get('playground')).toBeGreaterThan(0);
  });

  it('--facility playground=FILE uses only the playgrounds and says how many of how many', async () => {
    const { lines, counts } = await run(['--facility', `playground=${path.join(D, 'facilities.fgb')}`], 'one');
    expect(counts).toEqual({ playground: expected.get('playground') });
    expect(lines.join('\n')).toContain(`${expected.get('playground')} of ${twin.features.length} features used as playground`);
  }, 60_000);

  it('--facility FILE splits the file by category (a school of unknown level is analysed as primary and middle)', async () => {
    const { counts } = await run(['--facility', path.join(D, 'facilities.fgb')], 'split');
    const schools = expected.get('school') ?? 0;
    expect(schools).toBeGreaterThan(0);
    const want = Object.fromEntries([...expected].filter(([c]) => c !== 'school'));
    want['primary_school'] = (want['primary_school'] ?? 0) + schools;
    want['middle_school'] = (want['middle_school'] ?? 0) + schools;
    expect(counts).toEqual(want);
  }, 60_000);

  it('a category the file does not have is refused, naming the file, the flag and the categories present', async () => {
    const file = path.join(D, 'facilities.fgb');
    const err = await run(['--facility', `kindergarten=${file}`], 'none').then(() => null, (e: Error) => e);
    expect(err?.constructor.name).toBe('ArgsError');
    expect(err!.message).toContain(`--facility kindergarten=${file}`);
    for (const [c, n] of expected) expect(err!.message).toContain(`${c} ${n}`);
  }, 60_000);

  it('a file without any category keeps the old meaning: every feature is the named category', async () => {
    const bare = path.join(tmp, 'bare.geojson');
    writeFileSync(bare, JSON.stringify({ ...twin, features: twin.features.map((f) => ({ ...f, properties: { osm_id: f.properties!['osm_id'] } })) }));
    const { counts } = await run(['--facility', `playground=${bare}`], 'bare');
    expect(counts).toEqual({ playground: twin.features.length });
    const err = await run(['--facility', bare], 'bare-split').then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/no `category` attribute/);
  }, 60_000);

  it('a file of one category only is not mixed: the flag names its features (school → primary_school)', async () => {
    const schools = JSON.parse(readFileSync(path.join(D, 'facilities_school.geojson'), 'utf8')) as FeatureCollection;
    const cats = new Set(schools.features.map((f) => f.properties!['category']));
    expect(cats.size).toBe(1);
    expect(cats.has('primary_school')).toBe(false);
    const { counts } = await run(['--facility', `primary_school=${path.join(D, 'facilities_school.fgb')}`], 'single');
    expect(counts).toEqual({ primary_school: schools.features.length });
  }, 60_000);
});
