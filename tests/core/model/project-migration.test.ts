/**
 * The first real migration (project schema 1 → 2) on a real version 1 file: `saved-by-v1.cfc.json` was
 * written by the app's own Save at commit 2318fe4 (tests/fixtures/project-v1/make-v1.ts says how, from the
 * files in `in/`). Every field is checked against what the user did and the input files, not against the
 * app's output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readProjectBytes } from '../../../src/core/io/project-read';
import { loadProject, MIGRATIONS } from '../../../src/core/model';

const DIR = 'tests/fixtures/project-v1';
const file = readFileSync(`${DIR}/saved-by-v1.cfc.json`, 'utf8');
const raw = JSON.parse(file) as Record<string, unknown>;
const input = (name: string) => (JSON.parse(readFileSync(`${DIR}/in/${name}`, 'utf8')) as { features: { geometry: unknown; properties: unknown }[] }).features;

describe('project schema 1 → 2 on a file saved by version 1', () => {
  it('is a real version 1 file: no ruleSets, the edited pack named but its edit lost', () => {
    expect(raw['schemaVersion']).toBe(1);
    expect('ruleSets' in raw).toBe(false);
    expect((raw['settings'] as { ruleSetId: string }).ruleSetId).toBe('international');
    expect(MIGRATIONS.map((m) => m.from)).toEqual([1]);
  });

  it('migrates and validates field by field', () => {
    const r = loadProject(raw);
    if (!r.ok) throw new Error(r.detail);
    const p = r.project;
    expect(r.migratedFrom).toBe(1);
    expect(p.schemaVersion).toBe(2);
    expect(p.ruleSets).toEqual([]);
    expect(p.name).toBe('Untitled');
    expect(p.settings).toEqual({ language: 'en', maxSnapM: 120, thresholdsM: [300, 800], ruleSetId: 'international' });

    expect(p.layers.map((l) => [l.name, l.role, l.category, l.visible, l.opacity])).toEqual([
      ['streets.geojson', 'streets', undefined, true, 1],
      ['homes.geojson', 'homes', undefined, true, 1],
      ['playgrounds.geojson', 'facilities', 'playground', true, 1],
      ['community.geojson', 'community', undefined, true, 1],
    ]);
    expect(new Set(p.layers.map((l) => l.id)).size).toBe(4);
    expect(p.layers.every((l) => l.color?.length === 3)).toBe(true);
    expect(p.layers[1]!.fieldMapping).toEqual({ name: 'label', children: { '0-3': 'kids_small', '4-6': '', '7-12': 'kids_school', '13-18': '' } });
    expect(p.layers.filter((l) => l.fieldMapping).length).toBe(1);

    const features = (i: number) => { const s = p.layers[i]!.source; return s.kind === 'inline' ? s.data.features : []; };
    for (const [i, name] of [[0, 'streets.geojson'], [1, 'homes.geojson'], [2, 'playgrounds.geojson']] as const) {
      expect(features(i).map((f) => [f.geometry, f.properties])).toEqual(input(name).map((f) => [f.geometry, f.properties]));
    }
    // The community's ring was open and clockwise in the input: version 1 saved it closed and rewound, and said so.
    expect(features(3)[0]!.geometry).toEqual({ type: 'Polygon', coordinates: [[[114.049, 22.539], [114.055, 22.539], [114.055, 22.542], [114.049, 22.542], [114.049, 22.539]]] });
    expect(p.layers[3]!.warnings?.map((w) => [w.code, w.count])).toEqual([['warning.io.ring-closed', 1], ['warning.io.rewound', 1]]);

    expect(p.scenarios).toEqual([
      { id: 'baseline', name: 'Baseline', kind: 'baseline', proposals: [] },
      { id: 'scenario-1', name: 'New playground', kind: 'proposal', proposals: [
        { id: 'proposal-1', kind: 'facility', geometry: { type: 'Point', coordinates: [114.0535, 22.5409] }, properties: { category: 'playground', status: 'proposed' } },
      ] },
    ]);
    expect(p.activeScenarioId).toBe('scenario-1');
  });

  it('the io worker\'s read migrates it the same way and finds nothing more to repair', async () => {
    const r = await readProjectBytes(new TextEncoder().encode(file), 'saved-by-v1.cfc.json');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.migratedFrom).toBe(1);
    const direct = loadProject(raw);
    if (!direct.ok) throw new Error(direct.detail);
    expect(r.value.project).toEqual(direct.project);
    expect(Object.values(r.value.layers).map((l) => [l.featureCount, l.warnings?.map((w) => w.code)])).toEqual([
      [2, []], [5, []], [1, []], [1, ['warning.io.ring-closed', 'warning.io.rewound']],
    ]);
  });
});
