/**
 * Issue 13, items 1 and 3, through the real `analyze`: facility categories that name paths (`x/../../PWNED`,
 * `park/garden`) write their isochrones inside --out under safe names, and a unit name that is a formula
 * reaches coverage.csv as text. The Monaco layers are real; the hostile values are put in by this test.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/cli/analyze';
import { parseAnalyzeArgs } from '../../src/cli/analyze-args';
import { safeFileStem } from '../../src/cli/output-names';
import { sharedData } from '../shared-data';

const D = sharedData('monaco');
const tmp = mkdtempSync(path.join(tmpdir(), 'cfc-hostile-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('output names from data stay inside --out', () => {
  it('safeFileStem keeps letters, digits, _ and -; nothing else survives', () => {
    expect(safeFileStem('x/../../PWNED')).toBe('x_PWNED');
    expect(safeFileStem('park/garden')).toBe('park_garden');
    expect(safeFileStem('..')).toBe('unnamed');
    expect(safeFileStem('playground')).toBe('playground');
  });

  it('a run with hostile categories and a formula unit name writes only inside --out, formulas as text', async () => {
    const play = JSON.parse(readFileSync(path.join(D, 'facilities_playground.geojson'), 'utf8')) as FeatureCollection;
    expect(play.features.length).toBeGreaterThan(1);
    const cats = ['x/../../PWNED', 'park/garden'];
    const facilities = { ...play, features: play.features.map((f, i) => ({ ...f, properties: { ...f.properties, category: cats[i % 2] } })) };
    const fFile = path.join(tmp, 'facilities.geojson');
    writeFileSync(fFile, JSON.stringify(facilities));
    const city = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'c1', name: '=HYPERLINK("http://evil","x")' },
      geometry: { type: 'Polygon', coordinates: [[[7.40, 43.72], [7.44, 43.72], [7.44, 43.76], [7.40, 43.76], [7.40, 43.72]]] } }] };
    const cFile = path.join(tmp, 'city.geojson');
    writeFileSync(cFile, JSON.stringify(city));
    const out = path.join(tmp, 'deep', 'out');
    mkdirSync(out, { recursive: true });
    await analyze(parseAnalyzeArgs(['--streets', path.join(D, 'roads.fgb'), '--residences', path.join(D, 'residential_buildings.geojson'),
      '--facility', fFile, '--units', `city=${cFile}`, '--out', out]), () => undefined);
    const files = readdirSync(out).filter((f) => f.startsWith('isochrones_')).sort();
    expect(files).toEqual(['isochrones_park_garden.geojson', 'isochrones_x_PWNED.geojson']);
    // Nothing climbed out: the folders above --out hold only what the test put there.
    expect(readdirSync(path.join(tmp, 'deep'))).toEqual(['out']);
    expect(existsSync(path.join(tmp, 'PWNED'))).toBe(false);
    const coverage = readFileSync(path.join(out, 'coverage.csv'), 'utf8');
    expect(coverage).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(coverage.split('\n').some((l) => /(^|,)"?=/.test(l))).toBe(false);
  }, 120_000);
});
