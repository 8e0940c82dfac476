/**
 * The io worker's project read: every refusal with its exact code and parameters, features checked one by
 * one like a loaded file's (a bad one left out and named, never the whole layer), the size limit before
 * reading, progress while reading, and cancel.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCancelToken } from '../../../src/core/jobs';
import { createIoService } from '../../../src/core/io/io-service';
import { PROJECT_MAX_BYTES, readProjectBytes, readProjectSource } from '../../../src/core/io/project-read';
import { emptyProject, PROJECT_SCHEMA_VERSION } from '../../../src/core/model';

const HOSTILE = 'tests/fixtures/project-hostile';
const text = (name: string) => readFileSync(`${HOSTILE}/${name}`, 'utf8');
const enc = (s: string) => new TextEncoder().encode(s);
const read = (s: string, name = 'p.cfc.json') => readProjectBytes(enc(s), name);
const bogus = () => JSON.parse(text('bogus-geometry.cfc.json')) as Record<string, unknown>;

describe('project read: refusals', () => {
  it.each([
    ['string-version.cfc.json', text('string-version.cfc.json'), 'project.version-not-number', { got: '"1"' }],
    ['unknown-field.cfc.json', text('unknown-field.cfc.json'), 'project.unknown-field', { field: 'fetchUrl', count: 1 }],
    ['too new', JSON.stringify({ ...bogus(), schemaVersion: PROJECT_SCHEMA_VERSION + 5 }), 'project.too-new', { version: PROJECT_SCHEMA_VERSION + 5, current: PROJECT_SCHEMA_VERSION }],
    ['no version', JSON.stringify({ name: 'x' }), 'project.no-version', {}],
    ['version 0', JSON.stringify({ ...bogus(), schemaVersion: 0 }), 'project.no-migration', { version: 0 }],
    ['a float version', JSON.stringify({ ...bogus(), schemaVersion: 1.5 }), 'project.version-not-number', { got: '1.5' }],
    ['an array', '[1, 2]', 'project.not-an-object', {}],
    ['cut short', '{"schemaVersion": 2, "layers": [', 'project.truncated', {}],
    ['bad JSON', '{"schemaVersion": 2,\n "name": x}', 'project.not-json', { line: 2, column: 10 }],
    ['a bad role', JSON.stringify({ ...emptyProject(), layers: [{ id: 'a', name: 'A', role: 'volcano', source: { kind: 'demo', file: 'a.fgb' } }] }), 'project.invalid', { path: 'layers.0.role' }],
    ['an invalid rule set', JSON.stringify({ ...emptyProject(), ruleSets: [{ schemaVersion: 2, id: 'mine', version: '1', title: { en: 'M', zh: 'M' }, rules: [{ id: 'r' }] }] }), 'project.rule-set-invalid', { ruleSet: 'mine', path: 'rules.0.scale' }],
  ])('%s → %s', async (_case, body, code, params) => {
    const r = await read(body, 'bad.cfc.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.params).toMatchObject({ file: 'bad.cfc.json', ...params });
  });

  it('the same rule set twice is refused', async () => {
    const set = { schemaVersion: 2, id: 'mine', version: '1', title: { en: 'M', zh: 'M' }, rules: [] };
    const r = await read(JSON.stringify({ ...emptyProject(), ruleSets: [set, set] }));
    expect(r).toMatchObject({ ok: false, error: { code: 'project.rule-set-duplicate', params: { ruleSet: 'mine' } } });
  });

  it('a file over the limit is refused before a byte is read', async () => {
    let reads = 0;
    const src = { size: 2048, read: async () => { reads++; return new Uint8Array(); }, all: async () => { reads++; return new Uint8Array(); } };
    const r = await readProjectSource(src, 'big.cfc.json', { maxBytes: 1024 });
    expect(r).toMatchObject({ ok: false, error: { code: 'project.too-large', params: { file: 'big.cfc.json', size: 2048, limit: 1024 } } });
    expect(reads).toBe(0);
    expect(PROJECT_MAX_BYTES).toBe(500 * 1024 * 1024);
  });
});

describe('project read: features checked like a loaded file', () => {
  it('one Bogus geometry among five homes: four homes open, the fifth is named in a warning', async () => {
    const r = await read(text('bogus-geometry.cfc.json'));
    if (!r.ok) throw new Error(r.error.code);
    const homes = r.value.project.layers.find((l) => l.id === 'homes')!;
    if (homes.source.kind !== 'inline') throw new Error('inline expected');
    expect(homes.source.data.features.map((f) => (f.properties as { id: string }).id)).toEqual(['h1', 'h2', 'h4', 'h5']);
    const info = r.value.layers['homes']!;
    expect(info).toMatchObject({ featureCount: 4, geometryKind: 'point', bbox: [114.05, 22.54, 114.054, 22.5411] });
    expect(info.warnings).toContainEqual({ code: 'warning.project.features-skipped', count: 1, params: { layer: 'homes', features: 'h3-bogus' }, examples: [2] });
    // It replaces the loader's nameless "1 feature left out" for the same feature (said once, with its name).
    expect(info.warnings!.map((w) => w.code)).not.toContain('warning.io.empty-geometry-dropped');
    expect(r.value.layers['streets']).toMatchObject({ featureCount: 1, warnings: [] });
  });

  it('repairs what the loader repairs (an unclosed clockwise ring is closed and rewound), keeping saved warnings of other codes', async () => {
    const doc = {
      ...emptyProject(),
      layers: [{
        id: 'c', name: 'community', role: 'community', source: { kind: 'inline', data: { type: 'FeatureCollection', features: [
          { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0]]] }, properties: { id: 'c1' } },
        ] } },
        warnings: [{ code: 'osm.boundary-cut', count: 3 }, { code: 'warning.io.ring-closed', count: 7 }],
      }],
    };
    const r = await read(JSON.stringify(doc));
    if (!r.ok) throw new Error(r.error.code);
    const layer = r.value.project.layers[0]!;
    if (layer.source.kind !== 'inline') throw new Error('inline expected');
    expect(layer.source.data.features[0]!.geometry).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] });
    const codes = r.value.layers['c']!.warnings!.map((w) => [w.code, w.count]);
    // This reading's ring-closed (1) replaces the saved one (7); the saved boundary note stays.
    expect(codes).toEqual([['osm.boundary-cut', 3], ['warning.io.ring-closed', 1], ['warning.io.rewound', 1]]);
  });

  it('a layer whose features are all unusable opens empty with every feature named (ids, else positions)', async () => {
    const features = [
      { type: 'Feature', geometry: { type: 'Bogus' }, properties: { id: 'a' } },
      { type: 'Feature', geometry: null, properties: {} },
      { type: 'Feature', id: 7, geometry: { type: 'Point', coordinates: ['x', 1] }, properties: null },
    ];
    const r = await read(JSON.stringify({ ...emptyProject(), layers: [{ id: 'h', name: 'H', role: 'homes', source: { kind: 'inline', data: { type: 'FeatureCollection', features } } }] }));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.layers['h']).toMatchObject({ featureCount: 0, geometryKind: 'none' });
    expect(r.value.layers['h']!.warnings).toContainEqual({ code: 'warning.project.features-skipped', count: 3, params: { layer: 'H', features: 'a, #2, 7' }, examples: [0, 1, 2] });
  });

  it('a layer in metres is refused naming the project file and the layer', async () => {
    const features = [{ type: 'Feature', geometry: { type: 'Point', coordinates: [500000, 2500000] }, properties: {} }];
    const r = await read(JSON.stringify({ ...emptyProject(), layers: [{ id: 'h', name: 'H', role: 'homes', source: { kind: 'inline', data: { type: 'FeatureCollection', features } } }] }), 'p.cfc.json');
    expect(r).toMatchObject({ ok: false, error: { code: 'error.io.looks-projected', params: { file: 'p.cfc.json › H' } } });
  });
});

describe('project read: progress and cancel in the io service', () => {
  /** A project with `n` homes, large enough to be read in slices and checked in chunks. */
  function bigProject(n: number): Uint8Array {
    const features = Array.from({ length: n }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [114 + i * 1e-6, 22.5] }, properties: { id: `h${i}`, pad: 'x'.repeat(120) } }));
    return enc(JSON.stringify({ ...emptyProject(), layers: [{ id: 'h', name: 'H', role: 'homes', source: { kind: 'inline', data: { type: 'FeatureCollection', features } } }] }));
  }

  it('reports reading, parsing and checking with growing fractions', async () => {
    const bytes = bigProject(60_000);
    expect(bytes.byteLength).toBeGreaterThan(8 * 1024 * 1024);
    const seen: { stage: string; fraction?: number }[] = [];
    const r = await createIoService().readProject('j1', { fileName: 'big.cfc.json', bytes }, (p) => seen.push(p));
    expect(r.ok).toBe(true);
    const stages = [...new Set(seen.map((p) => p.stage))];
    expect(stages).toEqual(['progress.project.read', 'progress.project.parse', 'progress.project.features', 'progress.project.check']);
    const fractions = seen.map((p) => p.fraction ?? 0);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
  });

  it('cancel ends the read with `cancelled`', async () => {
    const io = createIoService();
    const bytes = bigProject(60_000);
    const pending = io.readProject('j2', { fileName: 'big.cfc.json', bytes }, (p) => {
      if (p.stage === 'progress.project.features') io.cancel('j2');
    });
    expect(await pending).toEqual({ ok: false, error: { code: 'cancelled' } });
  });

  it('a cancel token checked between slices stops the read', async () => {
    const token = createCancelToken();
    token.cancel();
    const bytes = bigProject(60_000);
    const r = await readProjectSource({ size: bytes.byteLength, read: async (o, n) => bytes.subarray(o, o + n), all: async () => bytes }, 'b.json', {}, undefined, token);
    expect(r).toEqual({ ok: false, error: { code: 'cancelled' } });
  });
});
