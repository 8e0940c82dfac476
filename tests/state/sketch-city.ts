/** A hand-computed city for the sketch's proposal tests (the desk's and the results wall's). */
import type { Feature, FeatureCollection } from 'geojson';
import { createAnalysisService } from '../../src/core/analysis';
import { createAppStore, type AppStore, type Services } from '../../src/state';
import { fakeIo } from './fake-io';

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const pt = (lng: number, lat: number, props: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: props });
// A 2.2 km street along the equator (1e-3° ≈ 111.2 m), homes on it, one playground at its west end.
const streets = fc([{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [0.02, 0]] }, properties: { highway: 'residential' } }]);
const homes = fc([
  pt(0.001, 0, { id: 'h1', children_4_6: 2 }), // 111 m from the playground
  pt(0.015, 0, { id: 'h2', children_4_6: 3 }), // 1.67 km away; 111 m from the wish
  pt(0.018, 0, { id: 'h3', children_7_12: 1 }), // 2.0 km away; 222 m from the wish
]);
const facilities = fc([pt(0, 0, { id: 'p1', category: 'playground' })]);
const community = fc([{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[-0.01, -0.01], [0.03, -0.01], [0.03, 0.01], [-0.01, 0.01], [-0.01, -0.01]]] }, properties: { id: 'c1', name: 'One' } }]);

export async function storeWithCity(analysis: NonNullable<Services['analysis']> = createAnalysisService()): Promise<AppStore> {
  const store = createAppStore({ io: fakeIo(), analysis });
  const items = [['streets', streets], ['homes', homes], ['facilities', facilities], ['community', community]] as const;
  await store.getState().loadFiles(items.map(([role, data]) => ({
    role, source: { fileName: `${role}.geojson`, bytes: new TextEncoder().encode(JSON.stringify(data)) },
  })), 'skip');
  return store;
}

export const point = (lng: number, lat: number) => ({ type: 'Point' as const, coordinates: [lng, lat] as [number, number] });

/** One community rule: 80 % of children 4–12 within 500 m of a playground (c1 fails it with h1's 2 of 6). */
export const PLAY_RULE_SET = JSON.stringify({
  schemaVersion: 2, id: 'play-test', version: '1', title: { en: 'Play test', zh: '游戏测试' },
  rules: [{
    id: 'community.play-500m', scale: 'community', title: { en: 'Playground within 500 m', zh: '500米内有游乐场' },
    metric: { kind: 'share_within', category: 'playground', age_band: ['4-6', '7-12'], threshold_m: 500 },
    target: 0.8, severity: 'major', source: { document: 'test', confirmed: 'C' },
  }],
});
