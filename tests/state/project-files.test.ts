/** Project files through the real io service: save → open round trip, the v1 fixture, refusals that change nothing. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createIoService } from '../../src/core/io/io-service';
import { loadProject } from '../../src/core/model';
import { createAppStore, fieldMappingActions } from '../../src/state';

const enc = (s: string) => new TextEncoder().encode(s);
const fixture = readFileSync('tests/e2e/fixtures/project-v1.cfc.json', 'utf8');
const hostile = (name: string) => readFileSync(`tests/fixtures/project-hostile/${name}`, 'utf8');

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
    ['cut short', '{"schemaVersion": 1, "layers": [', 'project.truncated'],
    ['too new', JSON.stringify({ schemaVersion: 99 }), 'project.too-new'],
    ['no version', JSON.stringify({ name: 'x' }), 'project.no-version'],
    ['string version', hostile('string-version.cfc.json'), 'project.version-not-number'],
    ['unknown field', hostile('unknown-field.cfc.json'), 'project.unknown-field'],
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

describe('a file saved by version 1', () => {
  it('opens migrated and saves as version 2 with every version 1 field as it was', async () => {
    const v1 = readFileSync('tests/fixtures/project-v1/saved-by-v1.cfc.json', 'utf8');
    const store = createAppStore({ io: createIoService() });
    expect(await store.getState().openProject({ fileName: 'saved-by-v1.cfc.json', bytes: enc(v1) })).toBe(true);
    expect(JSON.parse(store.getState().projectJson())).toEqual({ ...JSON.parse(v1), schemaVersion: 2, ruleSets: [] });
  });
});

describe('hostile project files', () => {
  it('one Bogus geometry among 5 homes: the project opens with 4 homes and a warning naming the feature', async () => {
    const store = createAppStore({ io: createIoService() });
    expect(await store.getState().openProject({ fileName: 'bogus.cfc.json', bytes: enc(hostile('bogus-geometry.cfc.json')) })).toBe(true);
    const { doc, layerData, errors } = store.getState();
    expect(errors).toEqual([]);
    const homes = doc.layers.find((l) => l.role === 'homes')!;
    const data = layerData[homes.id]!;
    expect(data.featureCount).toBe(4);
    expect(data.data.features.map((f) => f.properties?.['id'])).toEqual(['h1', 'h2', 'h4', 'h5']);
    // The document holds the same four (what Save writes and the analysis reads).
    expect(homes.source.kind === 'inline' && homes.source.data.features.length).toBe(4);
    expect(data.warnings).toContainEqual(expect.objectContaining({ code: 'warning.project.features-skipped', count: 1, params: { layer: 'homes', features: 'h3-bogus' } }));
    // Saved again, the file holds four homes and says why the fifth is gone.
    const saved = JSON.parse(store.getState().projectJson()) as { layers: { role: string; source: { data: { features: unknown[] } }; warnings?: { code: string }[] }[] };
    const savedHomes = saved.layers.find((l) => l.role === 'homes')!;
    expect(savedHomes.source.data.features).toHaveLength(4);
    expect(savedHomes.warnings?.map((w) => w.code)).toContain('warning.project.features-skipped');
  });

  it('reading is a job with progress; Cancel ends it with no error and no change', async () => {
    let release: (() => void) | undefined;
    const cancelled: string[] = [];
    const io = createIoService();
    const store = createAppStore({
      io: {
        ...io,
        cancel: (id) => {
          cancelled.push(id);
          release?.();
        },
        readProject: (jobId, _source, onProgress) => new Promise((resolve) => {
          onProgress?.({ jobId, stage: 'progress.project.read', fraction: 0.2 });
          release = () => resolve({ ok: false, error: { code: 'cancelled' } });
        }),
      },
    });
    const doc = store.getState().doc;
    const pending = store.getState().openProject({ fileName: 'slow.cfc.json', bytes: enc(fixture) });
    const jobs = Object.values(store.getState().jobs);
    expect(jobs).toMatchObject([{ label: 'slow.cfc.json', stage: 'progress.project.read', fraction: 0.2 }]);
    store.getState().cancelJob(jobs[0]!.id);
    expect(await pending).toBe(false);
    expect(cancelled).toEqual([jobs[0]!.id]);
    expect(store.getState().jobs).toEqual({});
    expect(store.getState().errors).toEqual([]);
    expect(store.getState().doc).toBe(doc);
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
