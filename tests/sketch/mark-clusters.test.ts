import { describe, expect, it } from 'vitest';
import { sanitizeFeature, type SketchFeature } from '../../src/core/sketch';
import { clusterBreakdown, clusterData, clusterRing, clusterSize, CLUSTER_PROPERTIES } from '../../src/sketch/mark-clusters';

const f = (id: string, geometry: object, kind: string): SketchFeature => sanitizeFeature(id, { type: 'Feature', id, geometry, properties: { kind } }).feature!;
const pt = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });

describe('marks clustered on the map', () => {
  it("the clustered source holds the children's point marks (id and kind only); proposals, routes and areas stay out", () => {
    const data = clusterData([
      f('w', pt(1, 2), 'wish'), f('d', pt(3, 4), 'danger'), f('v', pt(5, 6), 'favourite'), f('b', pt(7, 8), 'barrier'),
      f('p', pt(1, 2), 'proposal'), f('r', { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, 'route'),
      f('a', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, 'wish'),
    ]);
    expect(data.features.map((x) => [x.properties.fid, x.properties.kind, x.geometry.coordinates])).toEqual([
      ['w', 'wish', [1, 2]], ['d', 'danger', [3, 4]], ['v', 'favourite', [5, 6]], ['b', 'barrier', [7, 8]],
    ]);
  });

  it('each kind is summed over the cluster (a map expression: 1 for a mark of the kind, else 0)', () => {
    expect(CLUSTER_PROPERTIES.danger).toEqual(['+', ['case', ['==', ['get', 'kind'], 'danger'], 1, 0]]);
    expect(Object.keys(CLUSTER_PROPERTIES)).toEqual(['wish', 'danger', 'favourite', 'barrier']);
  });

  it("reads a cluster's count and kinds; the ring's arcs are the kinds' shares", () => {
    const b = clusterBreakdown({ cluster: true, point_count: 40, wish: 30, danger: 10, favourite: 0, barrier: undefined });
    expect(b).toEqual({ count: 40, byKind: [['wish', 30], ['danger', 10]] });
    // 30 of 40 = 270°, the other 10 = 90°.
    expect(clusterRing(b, { wish: '#2e9d4f', danger: '#d7261e' })).toBe('conic-gradient(#2e9d4f 0.0deg 270.0deg, #d7261e 270.0deg 360.0deg)');
    expect(clusterBreakdown({})).toEqual({ count: 0, byKind: [] });
  });

  it('a badge grows with its count, from 44 px (3 marks) to at most 88 px', () => {
    expect(clusterSize(2)).toBe(44);
    expect(clusterSize(4)).toBe(51);
    expect(clusterSize(10_000)).toBe(88);
    for (let n = 3; n < 5000; n *= 2) expect(clusterSize(n * 2)).toBeGreaterThanOrEqual(clusterSize(n));
  });
});
