import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { ProjectLayer } from '../../src/core/model';
import { buildDeckLayers } from '../../src/map/layers/deck-layers';
import { buildStyleModel, LABEL_ANCHOR } from '../../src/map/layers/maplibre-layers';
import { legendFor } from '../../src/map/legend';
import type { LayerData } from '../../src/state';

const square: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: 'A', name_zh: '甲', highway: 'primary', category: 'park' },
    geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }],
};
const data = (fc: FeatureCollection): LayerData => ({ fileName: 'x', data: fc, geometryKind: 'polygon', bbox: [0, 0, 1, 1], featureCount: fc.features.length, fieldNames: [], warnings: [], roleGuess: 'other' });
const layer = (id: string, role: ProjectLayer['role'], visible = true): ProjectLayer => ({ id, name: id, role, visible, opacity: 1, color: [10, 20, 30], source: { kind: 'demo', file: 'x.fgb' } });

const layers = [layer('u', 'district'), layer('h', 'homes', false), layer('s', 'streets'), layer('f', 'facilities')];
const all = Object.fromEntries(layers.map((l) => [l.id, data(square)]));

describe('map layer builders', () => {
  it('MapLibre gets units and streets in order, labels last (larger units on top), language-aware text', () => {
    const m = buildStyleModel({ layers, data: all, language: 'zh' });
    expect(m.layers.map((l) => l.id)).toEqual(['u:fill', 'u:line', 's:line', LABEL_ANCHOR, 's:label', 'u:label']);
    expect(m.firstStyleLayer).toEqual({ u: 'u:fill', s: 's:line' });
    const label = m.layers.find((l) => l.id === 'u:label')!;
    expect(JSON.stringify(label.layout?.['text-field' as never])).toContain('name_zh');
    expect(m.sources.map((s) => s.id)).toEqual(['src:u', 'lbl:u', 'src:s', 'lbl:s']);
  });

  it('street labels read their own source: the named lines only, with only their name fields', () => {
    const line = (props: Record<string, unknown>) => ({ type: 'Feature' as const, properties: props,
      geometry: { type: 'LineString' as const, coordinates: [[0, 0], [1, 1]] } });
    const streets: FeatureCollection = { type: 'FeatureCollection', features: [
      line({ name: 'Main St', name_zh: '主街', highway: 'primary', width: 12 }),
      line({ highway: 'footway' }),
      line({ name: '  ', highway: 'service' }),
      line({ 'name:zh': '中街', highway: 'residential' }),
    ] };
    const m = buildStyleModel({ layers: [layer('s', 'streets')], data: { s: data(streets) }, language: 'en' });
    expect(m.layers.find((l) => l.id === 's:label')).toMatchObject({ source: 'lbl:s' });
    expect(m.layers.find((l) => l.id === 's:line')).toMatchObject({ source: 'src:s' });
    const labels = m.sources.find((s) => s.id === 'lbl:s')!.data;
    expect(labels.features.map((f) => f.properties)).toEqual([{ name: 'Main St', name_zh: '主街' }, { 'name:zh': '中街' }]);
    // The same object on every build, so the style diff never re-sends the source on a language switch.
    const again = buildStyleModel({ layers: [layer('s', 'streets')], data: { s: data(streets) }, language: 'zh' });
    expect(again.sources.find((s) => s.id === 'lbl:s')!.data).toBe(labels);
  });

  it('deck.gl gets the rest with stable ids, visibility and beforeId at their place in the order', () => {
    const m = buildStyleModel({ layers, data: all, language: 'en' });
    const d = buildDeckLayers({ layers, data: all, firstStyleLayer: m.firstStyleLayer });
    expect(d.map((l) => [l.id, l.props.visible, (l.props as { beforeId?: string }).beforeId])).toEqual([
      ['h', false, 's:line'],
      ['f', true, LABEL_ANCHOR],
    ]);
  });

  it('legends follow role: unit level, highway classes present, categories present, child ramp', () => {
    expect(legendFor(layers[0], all.u).map((e) => e.key)).toEqual(['role.district']);
    expect(legendFor(layers[2], all.s).map((e) => e.key)).toEqual(['highway.primary']);
    expect(legendFor(layers[3], all.f).map((e) => e.key)).toEqual(['category.park']);
    expect(legendFor(layers[1], all.h)[0].key).toBe('legend.childNone');
  });
});
