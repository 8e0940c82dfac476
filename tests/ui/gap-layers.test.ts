/**
 * The rules overlay keeps its layer data across rebuilds: a new array for the units on every gap click or
 * language switch made deck.gl re-tessellate every unit polygon (issue 12, main thread).
 */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { buildGapLayers, type GapLayerInput } from '../../src/map/layers/gap-layers';

const square = (x: number, id: string): Feature<Polygon> => ({
  type: 'Feature', properties: { id, name: id },
  geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
});
const units: FeatureCollection = { type: 'FeatureCollection', features: [square(0, 'a'), square(1, 'b')] };
const record = (unit: number, homes: number[]) => ({ rule_id: 'r1', scale: 'community', unit_index: unit, uncovered_homes: Int32Array.from(homes) });
const result = {
  evaluation: {
    scorecards: [{ level: 'community', unit_id: 'a', unit_index: 0, childFriendly: true, assessed: true }, { level: 'community', unit_id: 'b', unit_index: 1, childFriendly: false, assessed: true }],
    records: [record(0, []), record(1, [0, 2])],
  },
  homeLng: Float64Array.from([0.5, 1.5, 1.2]),
  homeLat: Float64Array.from([0.5, 0.5, 0.7]),
};

function state(selectedGap: { ruleId: string; level: string; index: number } | null): GapLayerInput {
  return {
    rules: { result, mapScale: 'community', selectedGap, selectedUnit: null, suggestions: null },
    doc: { layers: [{ id: 'u', role: 'community' }] },
    layerData: { u: { data: units } },
  } as unknown as GapLayerInput;
}

describe('buildGapLayers', () => {
  it('derives the unit data once per result, whatever gap is selected', () => {
    const first = buildGapLayers(state(null));
    const second = buildGapLayers(state({ ruleId: 'r1', level: 'community', index: 1 }));
    const unitsOf = (ls: ReturnType<typeof buildGapLayers>) => ls.find((l) => l.id === 'cfc-gap-units')!.props.data as Feature[];
    expect(unitsOf(second)).toBe(unitsOf(first));
    expect(unitsOf(first).map((f) => f.properties?.['__cf'])).toEqual([true, false]);
    // The selected gap's uncovered homes: homes 0 and 2 of record 1, the same array on the next rebuild.
    const homes = (ls: ReturnType<typeof buildGapLayers>) => ls.find((l) => l.id === 'cfc-gap-uncovered')!.props.data as number[];
    expect(homes(second)).toEqual([0, 2]);
    expect(homes(buildGapLayers(state({ ruleId: 'r1', level: 'community', index: 1 })))).toBe(homes(second));
    expect(first.some((l) => l.id === 'cfc-gap-uncovered')).toBe(false);
  });
});
