/**
 * The map's rule-check scale follows the data: a city loaded without communities (Limburg an der Lahn's
 * extract has a city and streets only) gets its map coloured at its finest level, and the picker shows the
 * level the map draws; a level the result has is kept.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createAnalysisService } from '../../src/core/analysis';
import type { LayerRole } from '../../src/core/model';
import { createAppStore, type AppStore } from '../../src/state';
import { fakeIo } from './fake-io';

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const square = (id: string, x0: number, x1: number): Feature => ({
  type: 'Feature', properties: { id, name: id }, geometry: { type: 'Polygon', coordinates: [[[x0, -0.01], [x1, -0.01], [x1, 0.01], [x0, 0.01], [x0, -0.01]]] },
});
const streets = fc([{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [0.02, 0]] }, properties: { highway: 'residential' } }]);
const homes = fc([
  { type: 'Feature', geometry: { type: 'Point', coordinates: [0.001, 0] }, properties: { id: 'h1', children_4_6: 2 } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [0.015, 0] }, properties: { id: 'h2', children_4_6: 3 } },
]);
const facilities = fc([{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { id: 'p1', category: 'playground' } }]);

async function store(units: [LayerRole, FeatureCollection][]): Promise<AppStore> {
  const s = createAppStore({ io: fakeIo(), analysis: createAnalysisService() });
  const items: [LayerRole, FeatureCollection][] = [['streets', streets], ['homes', homes], ['facilities', facilities], ...units];
  await s.getState().loadFiles(items.map(([role, data]) => ({ role, source: { fileName: `${role}.geojson`, bytes: new TextEncoder().encode(JSON.stringify(data)) } })), 'skip');
  const rule = (scale: string) => ({
    id: `${scale}.play-500m`, scale, title: { en: 'Playground within 500 m', zh: '500米内有游乐场' },
    metric: { kind: 'share_within', category: 'playground', age_band: ['4-6'], threshold_m: 500 }, target: 0.8, severity: 'major', source: { document: 'test', confirmed: 'C' },
  });
  const set = { schemaVersion: 2, id: 'scale-test', version: '1', title: { en: 'Scale test', zh: '尺度测试' }, rules: [rule('street'), rule('community')] };
  expect(s.getState().rules.importRuleSet(JSON.stringify(set), 'scale.json')).toBe(true);
  return s;
}

describe('the rule check map scale', () => {
  it('without communities, colours the streets (the finest level the result has)', async () => {
    const s = await store([['street', fc([square('s1', -0.01, 0.03)])]]);
    expect(s.getState().rules.mapScale).toBe('community');
    await s.getState().rules.checkRules();
    expect(Object.keys(s.getState().rules.result!.evaluation.summary.childFriendly)).toEqual(['city', 'street']);
    expect(s.getState().rules.mapScale).toBe('street');
  });

  it('keeps a level the result has', async () => {
    const s = await store([['street', fc([square('s1', -0.01, 0.03)])], ['community', fc([square('c1', -0.01, 0.008), square('c2', 0.008, 0.03)])]]);
    s.getState().rules.setMapScale('street');
    await s.getState().rules.checkRules();
    expect(s.getState().rules.mapScale).toBe('street');
    s.getState().rules.setMapScale('community');
    await s.getState().rules.checkRules();
    expect(s.getState().rules.mapScale).toBe('community');
  });
});
