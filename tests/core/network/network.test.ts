import { centerOfMass } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildNetwork, DEFAULT_WALKABILITY, isWalkable, locationOf } from '../../../src/core/network';
import { loadLayer } from '../access/real-data';

describe('walkability (access contract table)', () => {
  it.each([
    [{ highway: 'footway' }, true], [{ highway: 'motorway' }, false], [{ highway: 'trunk_link', foot: 'yes' }, false],
    [{ highway: 'residential', foot: 'no' }, false], [{ highway: 'service', access: 'private' }, false],
    [{ highway: 'service', access: 'private', foot: 'permissive' }, true], [{ highway: 'track', access: 'no', foot: 'designated' }, true],
    [{ highway: 'bridleway' }, true], [{}, true],
  ])('%j → %s', (props, expected) => expect(isWalkable(props)).toBe(expected));

  // access-contract 1.1: unknown values walk as `road`; ways that do not exist or cannot be walked never do.
  it.each(['bridleway', 'platform', 'corridor', 'via_ferrata_unknown'])('unknown highway=%s walks as road', (highway) =>
    expect(isWalkable({ highway })).toBe(true));
  it.each(['construction', 'proposed', 'planned', 'abandoned', 'disused', 'razed', 'raceway', 'bus_guideway', 'no'])(
    'highway=%s is never walkable, not even with foot=yes', (highway) => {
      expect(isWalkable({ highway })).toBe(false);
      expect(isWalkable({ highway, foot: 'yes' })).toBe(false);
      expect(isWalkable({ highway, foot: 'designated', access: 'yes' })).toBe(false);
    });

  it('is data the user can edit', () => {
    const table = { ...DEFAULT_WALKABILITY, walkable: DEFAULT_WALKABILITY.walkable.filter((h) => h !== 'steps') };
    expect(isWalkable({ highway: 'steps' }, table)).toBe(false);
  });
});

describe('buildNetwork', () => {
  const line = (coordinates: number[][], props: Record<string, unknown> = { highway: 'footway' }) =>
    ({ type: 'Feature' as const, properties: props, geometry: { type: 'LineString' as const, coordinates } });

  it('reads MultiLineStrings, drops closed area=yes ways, and keeps a CSR that lists each segment both ways', () => {
    const net = buildNetwork({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { highway: 'path' }, geometry: { type: 'MultiLineString', coordinates: [[[0, 0], [0.001, 0]], [[0.001, 0], [0.001, 0.001]]] } },
      line([[0, 0], [0, 0.001], [0.001, 0.001], [0, 0]], { highway: 'pedestrian', area: 'yes' }),
    ] });
    expect(net.segmentCount).toBe(2);
    expect(net.nodeCount).toBe(3);
    expect(net.offsets[net.nodeCount]).toBe(4);
    for (let v = 0; v < net.nodeCount; v++) {
      for (let e = net.offsets[v]!; e < net.offsets[v + 1]!; e++) {
        const s = net.edgeSegment[e]!;
        expect([net.segA[s], net.segB[s]]).toContain(v);
        expect(net.weights[e]).toBe(net.segLengthM[s]);
      }
    }
  });

  it('joins vertices equal to 1e-7° and keeps crossing lines apart', () => {
    const net = buildNetwork({ type: 'FeatureCollection', features: [
      line([[0, 0], [0.001, 0]]), line([[0.001 + 1e-9, 1e-9], [0.002, 0]]), line([[0.0005, -0.001], [0.0005, 0.001]]),
    ] });
    expect(net.nodeComponent[net.segA[0]!]).toBe(net.nodeComponent[net.segA[1]!]);
    expect(net.nodeComponent[net.segA[2]!]).not.toBe(net.nodeComponent[net.segA[0]!]);
  });

  it('marks islands and tunnels unsnappable but keeps them routable', () => {
    const net = buildNetwork({ type: 'FeatureCollection', features: [
      line([[0, 0], [0.004, 0]]), line([[0, 0.01], [0.001, 0.01]]), line([[0.004, 0], [0.005, 0]], { highway: 'footway', tunnel: 'yes' }),
    ] });
    expect(Array.from(net.segSnappable)).toEqual([1, 0, 0]);
    expect(net.nodeComponent[net.segA[2]!]).toBe(net.nodeComponent[net.segA[0]!]);
    expect(net.offsets[net.nodeCount]).toBe(6);
  });
});

describe('locationOf', () => {
  // turf.centerOfMass takes the convex hull of a MultiPolygon and ignores holes, so it is the reference only
  // for single-ring polygons (most buildings); the hole case is checked by hand below.
  it('agrees with turf.centerOfMass on every single-ring Monaco and Moscow building', () => {
    let compared = 0;
    for (const city of ['monaco', 'moscow']) {
      for (const f of loadLayer(city, 'residential_buildings').features) {
        if (f.geometry.type !== 'MultiPolygon' || f.geometry.coordinates.length !== 1 || f.geometry.coordinates[0]!.length !== 1) continue;
        const polygon = { type: 'Polygon' as const, coordinates: f.geometry.coordinates[0]! };
        const ours = locationOf(f.geometry)!;
        const turf = centerOfMass(polygon).geometry.coordinates;
        compared++;
        expect(Math.abs(ours[0] - turf[0]!)).toBeLessThan(1e-9);
        expect(Math.abs(ours[1] - turf[1]!)).toBeLessThan(1e-9);
      }
    }
    expect(compared).toBeGreaterThan(800);
  });

  it('subtracts holes and keeps points as they are', () => {
    const square = (x0: number, s: number) => [[x0, x0], [x0 + s, x0], [x0 + s, x0 + s], [x0, x0 + s], [x0, x0]];
    // A 4×4 square with a 2×2 hole in its lower-left corner.
    const c = locationOf({ type: 'Polygon', coordinates: [square(0, 4), square(0, 2).reverse()] })!;
    // (16·(2,2) − 4·(1,1)) / 12
    expect(c[0]).toBeCloseTo(28 / 12, 12);
    expect(c[1]).toBeCloseTo(28 / 12, 12);
    expect(locationOf({ type: 'Point', coordinates: [7.4, 43.7] })).toEqual([7.4, 43.7]);
  });
});
