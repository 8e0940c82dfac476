/**
 * Limburg an der Lahn end to end (Node): about 35,900 people (Hessisches Statistisches Landesamt, 2023), so the
 * homes' children should be near 35,900 × the configured shares without any known population, exactly that
 * with `--population 35900`, and its Gymnasien must be middle schools.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { geojson } from 'flatgeobuf';
import type { Feature } from 'geojson';
import { DEFAULT_CHILD_ESTIMATE } from '../../../../src/core/io/osm';
import { AGE_BANDS, AGE_BAND_FIELD } from '../../../../src/core/model';
import { buildFacilityTable } from '../../../../src/core/tables';
import { byOsmId, importOk, layer, readBytes, repoRoot, sharedData } from './helpers';

const FILE = path.join(sharedData, 'osm', 'limburg_an_der_lahn.osm.pbf');
const PEOPLE = 35_900;
const SHARE = AGE_BANDS.reduce((s, b) => s + DEFAULT_CHILD_ESTIMATE.childShare[b], 0);
const children = (fs: readonly Feature[]) => fs.reduce((s, f) => s + AGE_BANDS.reduce((a, b) => a + Number(f.properties?.[AGE_BAND_FIELD[b]] ?? 0), 0), 0);
const people = (fs: readonly Feature[]) => fs.reduce((s, f) => s + Number(f.properties?.population ?? 0), 0);

describe('limburg_an_der_lahn.osm.pbf', () => {
  it('without a known population: homes and children within 50 % of 35,900 people × the shares', async () => {
    const layers = await importOk(readBytes(FILE), 'limburg', { estimateChildren: { boundaryPopulation: false } });
    const homes = layer(layers, 'homes')!.data.features;
    // 9,949 buildings all became homes before the rule; a town of 35,900 in houses of 2–5 people has 7–18,000.
    expect(homes.length).toBeLessThan(9_949);
    expect(PEOPLE / homes.length).toBeGreaterThan(2);
    const want = PEOPLE * SHARE;
    expect(Math.abs(children(homes) / want - 1)).toBeLessThan(0.5);
    expect(layer(layers, 'homes')!.warnings.find((w) => w.code === 'info.osm.plausibility')).toBeDefined();
  });

  it("by default the town's population tag (34,255 on r324307) scales the homes inside it", async () => {
    const layers = await importOk(readBytes(FILE), 'limburg');
    const homes = layer(layers, 'homes')!.data.features;
    const w = layer(layers, 'homes')!.warnings.find((x) => x.code === 'info.osm.known_population');
    expect(w?.params).toMatchObject({ known: 34_255, names: 'Limburg an der Lahn' });
    // Every home but one lies in the town (measured); the sum of rounded values stays within a few people.
    expect(Math.abs(people(homes) - 34_255)).toBeLessThan(60);
  });

  it('npm run import -- FILE --population 35900 scales to exactly 35,900 people', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'limburg-'));
    try {
      execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/import.ts'), FILE, '--out', out, '--population', String(PEOPLE)], { cwd: repoRoot, stdio: 'pipe' });
      const homes: Feature[] = [];
      for await (const f of geojson.deserialize(new Uint8Array(readFileSync(path.join(out, 'homes.fgb'))))) homes.push(f as Feature);
      // Each home's population is rounded to 0.01: the sum may drift by at most 0.005 per home.
      expect(Math.abs(people(homes) - PEOPLE)).toBeLessThanOrEqual(homes.length * 0.005);
      expect(Math.abs(children(homes) - PEOPLE * SHARE)).toBeLessThanOrEqual(homes.length * 0.005 * AGE_BANDS.length + PEOPLE * SHARE * 1e-3);
      expect(homes.every((f) => f.properties?.children_estimated === true)).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('the Gymnasien are middle schools, so the town has middle schools in the facility table', async () => {
    const layers = await importOk(readBytes(FILE), 'limburg', { estimateChildren: false });
    const fac = layer(layers, 'facilities')!;
    const byName = (n: string) => fac.data.features.filter((f) => f.properties?.name === n).map((f) => f.properties?.category);
    expect(byName('Tilemannschule')).toEqual(['middle_school']); // isced:level 2A;3A, school:de=Gymnasium
    expect(byName('Marienschule')).toEqual(['middle_school']);
    expect(byName('Erich-Kästner-Schule')).toEqual(['primary_school']);
    expect(byName('Leo-Sternberg-Schule')).toEqual(['primary_school', 'middle_school']);
    const table = buildFacilityTable([{ fc: fac.data }]);
    expect(table.category.filter((c) => c === 'middle_school').length).toBeGreaterThanOrEqual(5);
    expect(byOsmId(fac).size).toBeGreaterThan(0);
  });
});
