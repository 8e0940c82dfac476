/** Project files through the real io service: save → open round trip, the v1 fixture, refusals that change nothing. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createIoService } from '../../src/core/io/io-service';
import { loadProject } from '../../src/core/model';
import { createAppStore, fieldMappingActions } from '../../src/state';

const enc = (s: string) => new TextEncoder().encode(s);
const fixture = readFileSync('tests/e2e/fixtures/project-v1.cfc.json', 'utf8');

describe('project files', () => {
  it('the v1 fixture opens with its layers, mapping and settings', async () => {
    const store = createAppStore({ io: createIoService() });
    expect(await store.getState().openProject({ fileName: 'project-v1.cfc.json', bytes: enc(fixture) })).toBe(true);
    const { doc, layerData } = store.getState();
    expect(doc.name).toBe('Fixture project v1');
    expect(doc.layers.map((l) => [l.id, l.role, l.visible, l.opacity])).toEqual([['homes-1', 'homes', true, 0.8], ['pg-1', 'facilities', false, 1]]);
    expect(doc.layers[0]!.fieldMapping?.children?.['0-3']).toBe('kids_small');
    expect(layerData['homes-1']).toMatchObject({ featureCount: 2, geometryKind: 'point', bbox: [114.05, 22.54, 114.06, 22.55] });
  });

  it('save then open gives the same document; the saved JSON passes loadProject', async () => {
    const store = createAppStore({ io: createIoService() });
    await store.getState().openProject({ fileName: 'p.json', bytes: enc(fixture) });
    store.getState().commit(fieldMappingActions.setLayerMapping, { id: 'pg-1', role: 'facilities', category: 'park', fieldMapping: { name: 'name' } });
    const saved = store.getState().projectJson();
    expect(loadProject(JSON.parse(saved)).ok).toBe(true);
    const other = createAppStore({ io: createIoService() });
    await other.getState().openProject({ fileName: 'saved.json', bytes: enc(saved) });
    expect(other.getState().doc).toEqual(JSON.parse(saved));
  });

  it.each([
    ['not json', '{"schemaVersion": 1, "layers": [', 'project.not-json'],
    ['too new', JSON.stringify({ schemaVersion: 99 }), 'project.too-new'],
    ['no version', JSON.stringify({ name: 'x' }), 'project.no-version'],
    ['invalid', JSON.stringify({ ...JSON.parse(fixture), layers: [{ id: 'x' }] }), 'project.invalid'],
  ])('%s: refused with its code, naming the file; the current project stays', async (_n, text, code) => {
    const store = createAppStore({ io: createIoService() });
    await store.getState().openProject({ fileName: 'good.json', bytes: enc(fixture) });
    const doc = store.getState().doc;
    expect(await store.getState().openProject({ fileName: 'bad.cfc.json', bytes: enc(text) })).toBe(false);
    expect(store.getState().doc).toBe(doc);
    expect(store.getState().errors.at(-1)).toMatchObject({ subject: 'bad.cfc.json', error: { code } });
  });
});

describe('load warnings in project files', () => {
  const cut = { code: 'osm.boundary-cut', count: 29, params: { levels: '8, 9' }, examples: [3, 7] };

  it('save writes each layer\'s current warnings; open shows them again beside the data, not in the document', async () => {
    const store = createAppStore({ io: createIoService() });
    await store.getState().openProject({ fileName: 'p.json', bytes: enc(fixture) });
    const id = store.getState().doc.layers[0]!.id;
    // As the OSM import leaves them: warnings live in the layer's data.
    store.setState((s) => ({ layerData: { ...s.layerData, [id]: { ...s.layerData[id]!, warnings: [cut] } } }));
    const saved = JSON.parse(store.getState().projectJson()) as { layers: { id: string; warnings?: unknown }[] };
    expect(saved.layers.map((l) => l.warnings)).toEqual([[cut], undefined]);
    expect(loadProject(saved).ok).toBe(true);

    const other = createAppStore({ io: createIoService() });
    expect(await other.getState().openProject({ fileName: 'saved.json', bytes: enc(JSON.stringify(saved)) })).toBe(true);
    const { doc, layerData } = other.getState();
    expect(layerData[doc.layers[0]!.id]!.warnings).toEqual([cut]);
    expect(layerData[doc.layers[1]!.id]!.warnings).toEqual([]);
    expect(doc.layers.every((l) => !('warnings' in l))).toBe(true);
    // Saving again writes the same warnings (nothing lost or doubled on the way round).
    expect(JSON.parse(other.getState().projectJson()).layers[0].warnings).toEqual([cut]);
  });

  it('a warning that is not a code with a count is refused as invalid', () => {
    const bad = JSON.parse(fixture) as { layers: Record<string, unknown>[] };
    bad.layers[0]!['warnings'] = [{ message: '29 boundaries cut' }];
    expect(loadProject(bad)).toMatchObject({ ok: false, code: 'invalid' });
  });
});
