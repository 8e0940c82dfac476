import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { carrySketchLayers } from '../../src/map/sketch/carry-sketch-layers';

const fc = (n: number) => ({ type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: Array.from({ length: n }, (_, i) => ({ type: 'Feature' as const, id: i, geometry: { type: 'Point' as const, coordinates: [i, 0] }, properties: {} })) } });
const style = (sources: StyleSpecification['sources'], layers: string[]): StyleSpecification => ({
  version: 8, sources, layers: layers.map((id) => (id === 'background' ? { id, type: 'background' } : { id, type: 'circle', source: id.replace(/-outline$/, '') })) as StyleSpecification['layers'],
});

describe('carrySketchLayers (a full setStyle keeps terra-draw)', () => {
  it("carries the previous style's td-* sources with their data and puts their layers on top", () => {
    const prev = style({ homes: fc(5), 'td-point': fc(2), 'td-polygon': fc(1) }, ['background', 'td-polygon', 'td-polygon-outline', 'homes', 'td-point']);
    const next = style({ remote: fc(0) }, ['background', 'remote']);
    const out = carrySketchLayers(prev, next);
    expect(out.layers.map((l) => l.id)).toEqual(['background', 'remote', 'td-polygon', 'td-polygon-outline', 'td-point']);
    expect(Object.keys(out.sources).sort()).toEqual(['remote', 'td-point', 'td-polygon']);
    expect((out.sources['td-point'] as ReturnType<typeof fc>).data.features).toHaveLength(2);
    // Our own data layers are not carried: the controller adds them again.
    expect(out.sources).not.toHaveProperty('homes');
  });

  it('never doubles a td-* layer the next style already has; no previous style or no sketch leaves the next style as it is', () => {
    const prev = style({ 'td-point': fc(3) }, ['td-point']);
    const next = style({ 'td-point': fc(0), a: fc(0) }, ['td-point', 'a']);
    const out = carrySketchLayers(prev, next);
    expect(out.layers.map((l) => l.id)).toEqual(['a', 'td-point']);
    expect((out.sources['td-point'] as ReturnType<typeof fc>).data.features).toHaveLength(3);
    expect(carrySketchLayers(undefined, next)).toBe(next);
    const plain = style({ a: fc(0) }, ['a']);
    expect(carrySketchLayers(plain, next)).toBe(next);
  });
});
