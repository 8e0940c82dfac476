/**
 * Issue 13, items 9 and 12, for `npm run import` (in-process through its `main`): a file that is not an
 * extract is one line with exit 3 (the stack only with --debug), a missing file exit 1, a rerun into the
 * same --out replaces its own files, and personal fields never reach a written layer.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/import';
import { withoutPersonalFields } from '../../src/cli/personal-fields';
import type { LoadedLayer } from '../../src/core/model';

const TINY = path.resolve(__dirname, '../fixtures/osm/tiny.osm');
const NOT_OSM = path.resolve(__dirname, '../fixtures/cli-hostile/streets.geojson');
const tmp = mkdtempSync(path.join(tmpdir(), 'cfc-import-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, messages: err.filter((l) => !l.startsWith('[')) };
}

describe('npm run import', () => {
  it('a file that is not an OpenStreetMap extract: exit 3, one line naming it, no stack', async () => {
    const r = await run([NOT_OSM, '--out', path.join(tmp, 'not-osm')]);
    expect(r.code).toBe(3);
    expect(r.messages).toEqual([`import: ${NOT_OSM}: This is not an OpenStreetMap file (.osm, .osm.gz or .osm.pbf).`]);
    expect(readdirSync(tmp)).not.toContain('not-osm');
  });

  it('with --debug the same line, then the stack', async () => {
    const r = await run([NOT_OSM, '--out', path.join(tmp, 'not-osm'), '--debug']);
    expect(r.code).toBe(3);
    expect(r.messages[0]).toBe(`import: ${NOT_OSM}: This is not an OpenStreetMap file (.osm, .osm.gz or .osm.pbf).`);
    expect(r.messages.slice(1).join('\n')).toMatch(/^CliError: [^]*\n\s+at /);
  });

  it('a missing file: exit 1 and what to check', async () => {
    const missing = path.join(tmp, 'no-such.osm.pbf');
    const r = await run([missing, '--out', path.join(tmp, 'missing')]);
    expect(r).toMatchObject({ code: 1, messages: [`import: ${missing}: there is no such file; check the path.`] });
  });

  it('writes the manifest\'s layers and a marker; a rerun into the same --out is taken and leaves the same files', async () => {
    const out = path.join(tmp, 'tiny');
    expect((await run([TINY, '--out', out])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { layers: { file: string }[] };
    const expected = ['.cfc-planner-out', 'manifest.json', ...manifest.layers.map((l) => l.file)].sort();
    expect(manifest.layers.length).toBeGreaterThan(1);
    expect(readdirSync(out).sort()).toEqual(expected);
    expect((await run([TINY, '--out', out])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(expected);
  });
});

const layer = (role: LoadedLayer['roleGuess'], props: Record<string, unknown>[]): LoadedLayer => {
  const data: FeatureCollection = { type: 'FeatureCollection', features: props.map((p) => ({ type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [0, 0] } })) };
  return { name: 'x', fileName: 'x', data, geometryKind: 'point', bbox: [0, 0, 0, 0], featureCount: props.length, fieldNames: [...new Set(props.flatMap(Object.keys))], roleGuess: role, warnings: [] };
};

describe('personal fields before anything is written', () => {
  it('homes lose child_name and birthdate, keep the rest, and carry the app\'s warning', () => {
    const l = withoutPersonalFields(layer('homes', [{ id: 'a', child_name: 'Li Na', birthdate: '2020-01-02', children_0_3: 1 }, { id: 'b', children_0_3: 2 }]), 'homes');
    expect(l.data.features.map((f) => f.properties)).toEqual([{ id: 'a', children_0_3: 1 }, { id: 'b', children_0_3: 2 }]);
    expect(l.fieldNames).toEqual(['id', 'children_0_3']);
    expect(l.warnings).toEqual([{ code: 'warning.io.personal-fields-dropped', count: 1, params: { fields: 'child_name, birthdate' } }]);
  });

  it('a layer about children (a `students` field) loses `phone`; a street layer keeps its own `phone`', () => {
    expect(withoutPersonalFields(layer('facilities', [{ students: 300, phone: '123' }]), 'facilities').fieldNames).toEqual(['students']);
    const streets = layer('streets', [{ highway: 'residential', phone: '123' }]);
    expect(withoutPersonalFields(streets, 'streets')).toBe(streets);
  });
});
