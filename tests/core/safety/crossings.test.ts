/** Control of a crossing point in every form the contract lists, road identity, and the per-vertex road index. */
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../../src/core/network';
import { buildCrossingIndex, CHILD_V1, CONTROLS, crossedRoads, readControl, roadIdentity } from '../../../src/core/safety';

describe('control of a crossing point', () => {
  it.each([
    [{ crossing: 'traffic_signals' }, 'signals'],
    [{ highway: 'traffic_signals' }, 'signals'],
    [{ highway: 'crossing', 'crossing:signals': 'yes' }, 'signals'],
    [{ crossing: 'marked' }, 'marked'],
    [{ crossing: 'zebra' }, 'marked'],
    [{ crossing: 'uncontrolled' }, 'marked'],
    [{ highway: 'crossing', crossing_ref: 'zebra' }, 'marked'],
    [{ highway: 'crossing', 'crossing:markings': 'dashes' }, 'marked'],
    [{ highway: 'crossing', 'crossing:markings': 'no' }, 'unmarked'],
    [{ crossing: 'grade_separated' }, 'grade_separated'],
    [{ crossing: 'unmarked' }, 'unmarked'],
    [{ highway: 'crossing' }, 'unmarked'],
    // Signals win over markings, markings over grade separation (the contract's order).
    [{ crossing: 'zebra', 'crossing:signals': 'yes' }, 'signals'],
    [{ crossing: 'grade_separated', 'crossing:markings': 'yes' }, 'marked'],
  ])('%o → %s', (props, control) => expect(readControl(props)).toBe(control));
});

describe('road identity', () => {
  it('class without _link, plus name, else ref', () => {
    expect(roadIdentity({ highway: 'primary_link', name: 'Ring' })).toEqual(roadIdentity({ highway: 'primary', name: 'Ring' }));
    expect(roadIdentity({ highway: 'primary', ref: 'S1' }).name).toBe('S1');
    expect(roadIdentity({ highway: 'primary', name: 'Ring', ref: 'S1' }).name).toBe('Ring');
    expect(roadIdentity({ highway: 'primary', name: 'Ring' }).key).not.toBe(roadIdentity({ highway: 'secondary', name: 'Ring' }).key);
  });
});

const line = (props: Record<string, unknown>, ...pts: number[][]) => ({ type: 'Feature' as const, properties: props, geometry: { type: 'LineString' as const, coordinates: pts } });

describe('buildCrossingIndex', () => {
  const streets: FeatureCollection = { type: 'FeatureCollection', features: [
    line({ highway: 'footway' }, [0, -0.001], [0, 0], [0, 0.001]),
    line({ highway: 'trunk', ref: 'G4' }, [-0.001, 0], [0, 0]),
    line({ highway: 'trunk', ref: 'G4', lanes: '2', maxspeed: '40' }, [0, 0], [0.001, 0]),
    line({ highway: 'residential', name: 'Lane' }, [0, 0.001], [0.001, 0.001]),
  ] };
  const crossings: FeatureCollection = { type: 'FeatureCollection', features: [
    { type: 'Feature', properties: { crossing: 'traffic_signals' }, geometry: { type: 'Point', coordinates: [0, 0] } },
    { type: 'Feature', properties: { crossing: 'zebra' }, geometry: { type: 'Point', coordinates: [0.0005, 0.001] } },
  ] };
  const net = buildNetwork(streets);
  const x = buildCrossingIndex(net, streets, crossings, CHILD_V1);
  const at = (lng: number, lat: number) => [...Array(net.nodeCount).keys()].find((v) => net.nodeLng[v] === lng && net.nodeLat[v] === lat)!;

  it('the unwalkable trunk is a road at the footway\'s vertex, its two ways one road with the larger base PLTS', () => {
    const v = at(0, 0);
    const roads = [...Array(x.nodeRoadOffsets[v + 1]! - x.nodeRoadOffsets[v]!).keys()].map((k) => x.nodeRoadOffsets[v]! + k);
    expect(roads.map((r) => [x.identityName[x.roadIdentity[r]!], x.roadBase[r], x.roadPlts[r]])).toEqual([['G4', 4, 2]]);
    expect(CONTROLS[x.nodeControl[v]!]).toBe('signals');
    const foot = x.wayIdentity[0]!;
    expect(crossedRoads(x, v, foot, foot).map((id) => x.identityName[id])).toEqual(['G4']);
  });

  it('a crossing point not on a vertex is matched to nothing; a vertex without one is unmarked', () => {
    expect(CONTROLS[x.nodeControl[at(0, 0.001)]!]).toBe('unmarked');
    expect(CONTROLS[x.nodeControl[at(0.001, 0.001)]!]).toBe('unmarked');
  });
});
