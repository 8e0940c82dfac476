/**
 * Personal fields through the real io service and store (issue 13): withheld at load from a homes file,
 * flagged in the layer's warnings, kept only on request, never in a saved project; a project file that
 * carries them opens without them.
 */
import { describe, expect, it } from 'vitest';
import { createIoService } from '../../src/core/io/io-service';
import { createAppStore } from '../../src/state';
import { dropPersonalFields, keepPersonalFields } from '../../src/state/personal-fields';

const enc = (s: string) => new TextEncoder().encode(s);
const homesCsv = ['id,lon,lat,children_0_3,child_name,birth_date,phone', 'h1,114.05,22.54,2,Li Wei,2021-03-04,13800000000', 'h2,114.06,22.55,1,Wang Fang,2020-01-02,'].join('\n');

async function loadHomes() {
  const store = createAppStore({ io: createIoService() });
  const [id] = await store.getState().loadFiles([{ source: { fileName: 'homes.csv', bytes: enc(homesCsv) }, role: 'homes' }]);
  return { store, id: id! };
}
const propsOf = (store: Awaited<ReturnType<typeof loadHomes>>['store'], id: string) => store.getState().layerData[id]!.data.features.map((f) => f.properties);

describe('personal fields in a homes file', () => {
  it('are dropped at load, named in a warning, and absent from the document and its fields', async () => {
    const { store, id } = await loadHomes();
    const d = store.getState().layerData[id]!;
    expect(propsOf(store, id).map((p) => Object.keys(p ?? {}).sort())).toEqual([['children_0_3', 'id'], ['children_0_3', 'id']]);
    expect(d.fieldNames).not.toContain('child_name');
    expect(d.warnings).toContainEqual({ code: 'warning.io.personal-fields-dropped', count: 2, params: { fields: 'child_name, birth_date, phone' } });
    expect(JSON.stringify(store.getState().doc)).not.toMatch(/Li Wei|Wang Fang|2021-03-04|13800000000/);
  });

  it('come back only when the user keeps them, and are still not saved in the project', async () => {
    const { store, id } = await loadHomes();
    keepPersonalFields(store, id);
    expect(propsOf(store, id)[0]).toMatchObject({ child_name: 'Li Wei', birth_date: '2021-03-04' });
    expect(store.getState().layerData[id]!.warnings.map((w) => w.code)).toContain('warning.io.personal-fields-kept');
    const saved = store.getState().projectJson();
    expect(saved).not.toMatch(/Li Wei|Wang Fang|2021-03-04|13800000000|"child_name":/);
    // The saved warning names the fields (not their values) and says what the file holds: they were dropped.
    const warnings = (JSON.parse(saved) as { layers: { warnings?: { code: string }[] }[] }).layers[0]!.warnings!.map((w) => w.code);
    expect(warnings).toContain('warning.io.personal-fields-dropped');
    expect(warnings).not.toContain('warning.io.personal-fields-kept');
    expect(saved).toMatch(/children_0_3/);
    dropPersonalFields(store, id);
    expect(Object.keys(propsOf(store, id)[0] ?? {})).not.toContain('child_name');
  });

  it('a facilities file keeps its phone numbers (not about children)', async () => {
    const store = createAppStore({ io: createIoService() });
    const csv = 'id,lon,lat,category,phone\nk1,114.05,22.54,kindergarten,0755-1234';
    const [id] = await store.getState().loadFiles([{ source: { fileName: 'kg.csv', bytes: enc(csv) }, role: 'facilities' }]);
    expect(propsOf(store, id!)[0]).toMatchObject({ phone: '0755-1234' });
  });

  it('a project file carrying them opens without them', async () => {
    const { store, id } = await loadHomes();
    keepPersonalFields(store, id);
    const doc = JSON.parse(store.getState().projectJson());
    // Put them back by hand, as a project from elsewhere might have them.
    doc.layers[0].source.data.features[0].properties.child_name = 'Li Wei';
    const other = createAppStore({ io: createIoService() });
    expect(await other.getState().openProject({ fileName: 'p.json', bytes: enc(JSON.stringify(doc)) })).toBe(true);
    const opened = other.getState();
    expect(JSON.stringify(opened.doc)).not.toMatch(/Li Wei/);
    expect(JSON.stringify(opened.layerData[opened.doc.layers[0]!.id]!.data)).not.toMatch(/Li Wei/);
  });
});
