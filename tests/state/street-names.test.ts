/**
 * Street names in the UI's language, as the map labels them (labels.ts): a hand-made pair of street layers
 * whose ways are numbered in the analysis's order (first layer's features, then the second's), names chosen
 * so that each fallback is the only answer.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createAnalysisService } from '../../src/core/analysis';
import { createAppStore } from '../../src/state';
import { localRoadName, localWayName, streetIndex } from '../../src/state/street-names';
import { fakeIo } from './fake-io';

const line = (properties: Record<string, unknown>): Feature => ({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates: [[0, 0], [0.01, 0]] } });
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const first = fc([
  line({ highway: 'primary', name: 'Yuntian 4 Avenue', name_zh: '云田4大道' }),
  line({ highway: 'residential', name: 'Luju 3 Road', 'name:zh': '鹿居3路' }),
]);
const second = fc([
  line({ highway: 'footway', ref: 'FW 7' }),
  line({ highway: 'residential', name_zh: '仅中文街' }),
  line({ highway: 'residential', name: 'Yuntian 4 Avenue', name_zh: '另一个名字' }),
]);

async function loaded() {
  const s = createAppStore({ io: fakeIo(), analysis: createAnalysisService() });
  await s.getState().loadFiles([first, second].map((data, i) => ({ role: 'streets' as const, source: { fileName: `streets-${i}.geojson`, bytes: new TextEncoder().encode(JSON.stringify(data)) } })), 'skip');
  return s;
}

describe('street names in the UI language', () => {
  it('reads each way by the map label keys, in the analysis order of the street layers', async () => {
    const st = (await loaded()).getState();
    expect([0, 1, 2, 3, 4].map((w) => localWayName(st, w, 'zh'))).toEqual(['云田4大道', '鹿居3路', 'FW 7', '仅中文街', '另一个名字']);
    expect([0, 1, 2, 3, 4].map((w) => localWayName(st, w, 'en'))).toEqual(['Yuntian 4 Avenue', 'Luju 3 Road', 'FW 7', '仅中文街', 'Yuntian 4 Avenue']);
    expect(localWayName(st, 99, 'en')).toBe('');
  });

  it('turns a name tag into its Chinese name (the first street that has one), and leaves English as it is', async () => {
    const st = (await loaded()).getState();
    expect(localRoadName(st, 'Yuntian 4 Avenue', 'zh')).toBe('云田4大道');
    expect(localRoadName(st, 'Luju 3 Road', 'zh')).toBe('鹿居3路');
    expect(localRoadName(st, 'Nowhere Lane', 'zh')).toBe('Nowhere Lane');
    expect(localRoadName(st, 'Yuntian 4 Avenue', 'en')).toBe('Yuntian 4 Avenue');
  });

  it('is worked out once per set of street layers', async () => {
    const s = await loaded();
    expect(streetIndex(s.getState())).toBe(streetIndex(s.getState()));
    s.getState().setLanguage('zh');
    expect(streetIndex(s.getState())).toBe(streetIndex(s.getState()));
  });
});
