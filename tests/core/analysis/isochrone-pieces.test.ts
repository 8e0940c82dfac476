import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Feature, FeatureCollection } from 'geojson';
import { isochronePieces } from '../../../src/core/analysis';
import { buildNetwork, snapPoints, haversineM } from '../../../src/core/network';
import { computeCategoryAccess, type NetworkSource } from '../../../src/core/access';
import { reachablePieces } from '../../../src/core/isochrones/reachable-segments';

/** Random streets: a jittered grid with some links dropped, facilities scattered over it. */
function city(seed: number) {
  let a = seed >>> 0;
  const rand = () => ((a = (Math.imul(a ^ (a >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 4294967296);
  const n = 8;
  const pt = (i: number, j: number) => [i * 0.001 + (((i * 7 + j * 13) % 5) - 2) * 0.00005, j * 0.001 + (((i * 3 + j * 11) % 5) - 2) * 0.00005];
  const features: Feature[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (i + 1 < n && rand() < 0.8) features.push({ type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: [pt(i, j), pt(i + 1, j)] } });
    if (j + 1 < n && rand() < 0.8) features.push({ type: 'Feature', properties: { highway: 'footway' }, geometry: { type: 'LineString', coordinates: [pt(i, j), pt(i, j + 1)] } });
  }
  const streets: FeatureCollection = { type: 'FeatureCollection', features };
  const k = 1 + Math.floor(rand() * 4);
  const lng = Float64Array.from({ length: k }, () => rand() * 0.007);
  const lat = Float64Array.from({ length: k }, () => rand() * 0.007);
  return { streets, lng, lat };
}

const pieceLength = (c: ArrayLike<number>, i: number) => haversineM(c[4 * i], c[4 * i + 1], c[4 * i + 2], c[4 * i + 3]);

describe('isochronePieces', () => {
  it('covers exactly the streets reachablePieces draws for every threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const { streets, lng, lat } = city(seed);
        const net = buildNetwork(streets, { islandMaxM: 0 });
        const facilitySnap = snapPoints(net, lng, lat, { maxSnapM: 500 });
        const homeSnap = snapPoints(net, new Float64Array(0), new Float64Array(0));
        const acc = computeCategoryAccess(net, homeSnap, facilitySnap, Int32Array.from(lng, (_, i) => i));
        const thresholds = Float64Array.from([150, 400, 900]);
        const pieces = isochronePieces(net, acc, thresholds);
        const onSegment = new Map<number, NetworkSource[]>();
        for (const s of acc.sources) onSegment.set(s.segment, [...(onSegment.get(s.segment) ?? []), s]);
        thresholds.forEach((t, k) => {
          const want = reachablePieces(net, acc.nodeDistM, onSegment, t).reduce((s, l) => s + haversineM(l[0][0], l[0][1], l[1][0], l[1][1]), 0);
          let got = 0;
          for (let i = 0; i < pieces.threshold.length; i++) if (pieces.threshold[i] <= k) got += pieceLength(pieces.coords, i);
          expect(got).toBeCloseTo(want, 3);
        });
        // Pieces never overlap: each bit of street is labelled once, so the total is the largest area's length.
        expect(pieces.coords.length).toBe(4 * pieces.threshold.length);
      }),
      { numRuns: 30 },
    );
  });
});
