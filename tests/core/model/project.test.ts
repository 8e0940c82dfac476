import { describe, expect, it } from 'vitest';
import { emptyProject, loadProject, MIGRATIONS, PROJECT_SCHEMA_VERSION, type Migration } from '../../../src/core/model';

describe('project schema', () => {
  it('round-trips an empty project through JSON', () => {
    const p = emptyProject('Demo');
    const r = loadProject(JSON.parse(JSON.stringify(p)));
    expect(r).toEqual({ ok: true, project: p, migratedFrom: undefined });
  });

  it('fills defaults a minimal file leaves out', () => {
    const r = loadProject({
      schemaVersion: 1,
      name: 'x',
      layers: [{ id: 'a', name: 'A', role: 'homes', source: { kind: 'demo', file: 'homes.fgb' } }],
      settings: {},
      scenarios: [{ id: 'baseline', name: 'Baseline', kind: 'baseline' }],
      activeScenarioId: 'baseline',
    });
    if (!r.ok) throw new Error(r.detail);
    expect(r.migratedFrom).toBe(1);
    expect(r.project.ruleSets).toEqual([]);
    expect(r.project.settings.maxSnapM).toBe(150);
    expect(r.project.settings.thresholdsM).toEqual([300, 500, 1000]);
    expect(r.project.layers[0]).toMatchObject({ visible: true, opacity: 1 });
    expect(r.project.scenarios[0]!.proposals).toEqual([]);
  });

  it.each([
    [null, 'not-an-object', {}],
    [[1, 2], 'not-an-object', {}],
    [{ name: 'x' }, 'no-version', {}],
    [{ schemaVersion: null }, 'no-version', {}],
    [{ schemaVersion: '1' }, 'version-not-number', { got: '"1"' }],
    [{ schemaVersion: PROJECT_SCHEMA_VERSION + 1 }, 'too-new', { version: PROJECT_SCHEMA_VERSION + 1, current: PROJECT_SCHEMA_VERSION }],
    [{ schemaVersion: 0 }, 'no-migration', { version: 0 }],
    [{ ...emptyProject(), extra: 1, more: 2 }, 'unknown-field', { field: 'extra, more', count: 2 }],
  ])('refuses %j with %s', (raw, code, params) => {
    const r = loadProject(raw);
    expect(r).toMatchObject({ ok: false, code, params });
  });

  it('says what a string version is, in the words of the refusal', () => {
    expect(loadProject({ schemaVersion: '1' })).toMatchObject({ detail: 'schemaVersion must be a number, got "1"' });
  });

  it('names the offending path of an invalid document', () => {
    const p = { ...emptyProject(), layers: [{ id: 'a', name: 'A', role: 'volcano', source: { kind: 'demo', file: 'a.fgb' } }] };
    const r = loadProject(p);
    expect(r).toMatchObject({ ok: false, code: 'invalid' });
    if (!r.ok) {
      expect(r.detail).toMatch(/^layers\.0\.role/);
      expect(r.params).toMatchObject({ path: 'layers.0.role' });
    }
  });

  it('refuses a demo source that could escape the data folder', () => {
    const p = { ...emptyProject(), layers: [{ id: 'a', name: 'A', role: 'homes', source: { kind: 'demo', file: '../../etc/passwd' } }] };
    expect(loadProject(p).ok).toBe(false);
  });

  it('keeps child origin to age band and group: a name field is refused', () => {
    const p = emptyProject();
    const withName = {
      ...p,
      scenarios: [{ ...p.scenarios[0]!, proposals: [{ id: 'w1', kind: 'wish', geometry: { type: 'Point', coordinates: [114.05, 22.54] }, properties: {}, origin: { ageBand: '7-12', name: 'Li Ming' } }] }],
    };
    expect(loadProject(withName)).toMatchObject({ ok: false, code: 'invalid', params: { path: 'scenarios.0.proposals.0.origin', issue: 'unrecognized_keys' } });
  });

  // A proposal's geometry goes to the map and, as a facility, to the analysis: a file cannot smuggle in another.
  const withGeometry = (geometry: unknown) => {
    const p = emptyProject();
    return { ...p, scenarios: [{ ...p.scenarios[0]!, proposals: [{ id: 'p1', kind: 'facility', geometry, properties: { category: 'playground' } }] }] };
  };

  it.each([
    ['a point', { type: 'Point', coordinates: [114.05, 22.54] }],
    ['a route', { type: 'LineString', coordinates: [[114.05, 22.54], [114.06, 22.55]] }],
    ['an area', { type: 'Polygon', coordinates: [[[114.05, 22.54], [114.06, 22.54], [114.06, 22.55], [114.05, 22.54]]] }],
  ])('keeps a proposal drawn as %s', (_what, geometry) => {
    const r = loadProject(withGeometry(geometry));
    expect(r.ok && r.project.scenarios[0]!.proposals[0]!.geometry).toEqual(geometry);
  });

  it.each([
    ['no geometry', null],
    ['a longitude out of range', { type: 'Point', coordinates: [999, 22.54] }],
    ['a latitude out of range', { type: 'Point', coordinates: [114.05, -91] }],
    ['text coordinates', { type: 'Point', coordinates: ['114.05', '22.54'] }],
    ['a one-point route', { type: 'LineString', coordinates: [[114.05, 22.54]] }],
    ['an open ring', { type: 'Polygon', coordinates: [[[114.05, 22.54], [114.06, 22.54], [114.06, 22.55], [114.05, 22.55]]] }],
    ['another geometry type', { type: 'GeometryCollection', geometries: [] }],
    ['a string', '<img src=x onerror=alert(1)>'],
  ])('refuses a proposal with %s, naming where it is', (_what, geometry) => {
    expect(loadProject(withGeometry(geometry))).toMatchObject({ ok: false, code: 'invalid', params: { path: 'scenarios.0.proposals.0.geometry' } });
  });
});

describe('migrations', () => {
  // A stand-in history: v0 stored the snap distance under another name and had no scenarios.
  const steps: Migration[] = [
    {
      from: 0,
      description: 'rename maxSnap → settings.maxSnapM; add the baseline scenario',
      up: ({ maxSnap, ...rest }) => ({
        ...rest,
        settings: { maxSnapM: maxSnap },
        scenarios: [{ id: 'baseline', name: 'Baseline', kind: 'baseline' }],
        activeScenarioId: 'baseline',
      }),
    },
  ];

  it('lifts an old document step by step, then validates it', () => {
    const r = loadProject({ schemaVersion: 0, name: 'old', layers: [], maxSnap: 200 }, [...steps, ...MIGRATIONS]);
    if (!r.ok) throw new Error(r.detail);
    expect(r.migratedFrom).toBe(0);
    expect(r.project.schemaVersion).toBe(PROJECT_SCHEMA_VERSION);
    expect(r.project.ruleSets).toEqual([]);
    expect(r.project.settings.maxSnapM).toBe(200);
    expect(r.project.scenarios.map((s) => s.id)).toEqual(['baseline']);
  });

  it('reports a migration whose output is invalid', () => {
    const bad: Migration[] = [{ from: 0, description: 'broken', up: (d) => d }, ...MIGRATIONS];
    expect(loadProject({ schemaVersion: 0, name: 'old', layers: [] }, bad)).toMatchObject({ ok: false, code: 'invalid' });
  });
});
