/**
 * The safe-routes overlay: nothing unless its panel is open; streets by PLTS (unrated ways left out, every
 * part of a multi-line way drawn, in the merged order of the streets layers), the path data kept across
 * rebuilds, and a home's two routes as segments from the detail's flat coordinates.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { buildSafetyLayers, PLTS_COLORS, type SafetyLayerInput } from '../../src/map/layers/safety-layers';

const line = (coords: number[][][]): Feature => ({
  type: 'Feature', properties: {}, geometry: coords.length === 1 ? { type: 'LineString', coordinates: coords[0]! } : { type: 'MultiLineString', coordinates: coords },
});
const a: FeatureCollection = { type: 'FeatureCollection', features: [line([[[0, 0], [1, 0]]]), line([[[0, 1], [1, 1]]])] };
const b: FeatureCollection = { type: 'FeatureCollection', features: [line([[[2, 0], [3, 0]], [[3, 0], [3, 1]]])] };
const result = {
  street: { plts: Uint8Array.from([4, 0, 2]) },
  crossingPoints: { lng: Float64Array.from([1]), lat: Float64Array.from([0]), plts: Uint8Array.from([4]), control: Uint8Array.from([2]) },
};
const route = (lines: number[]) => ({ lines: Float64Array.from(lines), lengthM: 1, costM: 1, maxSegmentPlts: 1, maxCrossingPlts: 0, crossings: [] });

function state(detail: unknown = null): SafetyLayerInput {
  return {
    safety: { result, detail },
    doc: { layers: [{ id: 'sa', role: 'streets', source: { kind: 'inline' } }, { id: 'h', role: 'homes', source: { kind: 'inline' } }, { id: 'sb', role: 'streets', source: { kind: 'inline' } }] },
    layerData: { sa: { data: a }, sb: { data: b }, h: { data: { type: 'FeatureCollection', features: [] } } },
  } as unknown as SafetyLayerInput;
}

describe('buildSafetyLayers', () => {
  it('draws nothing while the Safe routes tab is closed', () => {
    expect(buildSafetyLayers(state(), false)).toEqual([]);
  });

  it('colours rated streets by PLTS, every part of a multi-line, across streets layers; the data is kept', () => {
    const s = state();
    const streets = (ls: ReturnType<typeof buildSafetyLayers>) => ls.find((l) => l.id === 'cfc-safety-streets')!.props.data as { path: number[][]; plts: number }[];
    const first = streets(buildSafetyLayers(s, true));
    expect(first.map((d) => [d.path[0], d.plts])).toEqual([[[0, 0], 4], [[2, 0], 2], [[3, 0], 2]]);
    expect(streets(buildSafetyLayers(s, true))).toBe(first);
    const layer = buildSafetyLayers(s, true).find((l) => l.id === 'cfc-safety-streets')!;
    const getColor = (layer.props as unknown as { getColor: (d: { plts: number }) => number[] }).getColor;
    expect(getColor({ plts: 4 }).slice(0, 3)).toEqual([...PLTS_COLORS[4]!]);
  });

  it('a home\'s routes: one segment per four numbers, safe over shortest', () => {
    const ls = buildSafetyLayers(state({ home: 0, routes: { safe: route([0, 0, 1, 0, 1, 0, 1, 1]), shortest: route([0, 0, 1, 1]) } }), true);
    const ids = ls.map((l) => l.id);
    expect(ids.indexOf('cfc-safety-shortest')).toBeLessThan(ids.indexOf('cfc-safety-route'));
    expect(ls.find((l) => l.id === 'cfc-safety-route')!.props.data).toEqual([{ from: [0, 0], to: [1, 0] }, { from: [1, 0], to: [1, 1] }]);
  });
});
