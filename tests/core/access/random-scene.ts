/** Random small street scenes for property tests (shared by the access and isochrone tests). */
import fc from 'fast-check';
import type { Feature, FeatureCollection, LineString } from 'geojson';

const BASE: [number, number] = [10, 45];
const STEP = 2e-4; // ≈ 16 m east, 22 m north at 45°

export const randomScene = fc.record({
  vertices: fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })), { minLength: 3, maxLength: 10 }),
  ways: fc.array(fc.record({
    path: fc.array(fc.nat(), { minLength: 2, maxLength: 4 }),
    highway: fc.constantFrom('residential', 'footway', 'steps', 'motorway', 'bridleway'),
    foot: fc.constantFrom(undefined, undefined, undefined, 'no', 'yes'),
    access: fc.constantFrom(undefined, undefined, 'private'),
    tunnel: fc.constantFrom(undefined, undefined, undefined, 'yes'),
  }), { minLength: 1, maxLength: 7 }),
  homes: fc.array(fc.tuple(fc.integer({ min: -20000, max: 120000 }), fc.integer({ min: -20000, max: 120000 })), { minLength: 1, maxLength: 8 }),
  facilities: fc.array(fc.tuple(fc.integer({ min: -20000, max: 120000 }), fc.integer({ min: -20000, max: 120000 })), { minLength: 1, maxLength: 3 }),
  islandMaxM: fc.constantFrom(0, 100, 300),
});

export type Scene = typeof randomScene extends fc.Arbitrary<infer T> ? T : never;

export function sceneLayers(scene: Scene) {
  const vertex = (i: number) => {
    const [x, y] = scene.vertices[i % scene.vertices.length]!;
    return [BASE[0] + x * STEP, BASE[1] + y * STEP];
  };
  const streets: FeatureCollection<LineString> = {
    type: 'FeatureCollection',
    features: scene.ways.map((w): Feature<LineString> => ({
      type: 'Feature',
      properties: { highway: w.highway, foot: w.foot ?? null, access: w.access ?? null, tunnel: w.tunnel ?? null },
      geometry: { type: 'LineString', coordinates: w.path.map(vertex) },
    })),
  };
  const place = ([x, y]: [number, number]) => [BASE[0] + x * STEP * 1e-4, BASE[1] + y * STEP * 1e-4];
  return { streets, homes: scene.homes.map(place), facilities: scene.facilities.map(place) };
}
