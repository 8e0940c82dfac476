/**
 * The sketch's danger marks and routes beside the store's safe routes (issue 9, item 6): counted per hotspot
 * from the real analysis service's result, disagreements named by the streets layer's feature, and the
 * count memoised on its two inputs (a wish, a language switch: the same answer object, no recount).
 */
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createAnalysisService } from '../../src/core/analysis';
import { createIoService } from '../../src/core/io/io-service';
import { createAppStore } from '../../src/state';
import { childrenMarks } from '../../src/state/children-marks';

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const pt = (lng: number, lat: number, props: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: props });
const ln = (coords: number[][], props: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: { type: 'LineString', coordinates: coords }, properties: props });

// Quiet Street (residential, 30 km/h, sidewalk not mapped: PLTS 2, assumed_quiet) along the equator; Main
// Road (primary, 60 km/h, 4 lanes: PLTS 4) across it at x = 0.001, where the two western homes' routes cross it.
const streets = fc([
  ln([[0, 0], [0.001, 0], [0.002, 0]], { id: 'quiet', highway: 'residential', name: 'Quiet Street' }),
  ln([[0.001, -0.001], [0.001, 0], [0.001, 0.001]], { id: 'main', highway: 'primary', name: 'Main Road', maxspeed: '60', lanes: '4', sidewalk: 'both' }),
]);
// 'north' walks along Main Road to Quiet Street: Main Road is the way hotspot.
const homes = fc([pt(0.0002, 0, { id: 'near', children_7_12: 2 }), pt(0, 0, { id: 'far', children_7_12: 1 }), pt(0.001, 0.0008, { id: 'north', children_7_12: 1 })]);
const schools = fc([pt(0.0018, 0, { id: 'S', category: 'primary_school' })]);
const point = (lng: number, lat: number) => ({ type: 'Point' as const, coordinates: [lng, lat] as [number, number] });

describe('children\'s marks in the store', () => {
  it('counts per hotspot, a disagreement on Quiet Street, memoised on the result and the marks', async () => {
    const store = createAppStore({ io: createIoService(), analysis: createAnalysisService() });
    const s = () => store.getState();
    const items = [['streets', streets], ['homes', homes], ['facilities', schools]] as const;
    await s().loadFiles(items.map(([role, data]) => ({ role, source: { fileName: `${role}.geojson`, bytes: new TextEncoder().encode(JSON.stringify(data)) } })), 'skip');
    s().setSketchSession('7_12', null);
    s().chooseSticker('danger');
    s().drawSketch('d1', point(0.00105, 0.0001)); // 12.4 m from the crossing, 5.6 m from Main Road
    expect(childrenMarks(s())).toBeNull(); // no safe routes yet

    await s().runSafeRoutes();
    const r = s().safety.result!;
    expect(r.crossingHotspots.map((c) => [c.lng, c.lat])).toEqual([[0.001, 0]]);
    expect(r.wayHotspots.map((w) => w.wayId)).toEqual(['main']);
    const first = childrenMarks(s())!;
    expect(first).toMatchObject({ crossings: [{ danger: 1, routes: 0 }], ways: [{ danger: 1, routes: 0 }], disagreements: [], dangerMarks: 1, routeMarks: 0 });

    // A wish and a language switch change neither input that counts: the very same answer.
    s().chooseSticker('playground');
    s().drawSketch('w1', point(0.0015, 0.0005));
    s().setLanguage('zh');
    expect(childrenMarks(s())).toBe(first);

    // A route across Main Road at the crossing, and a danger mark 11 m off Quiet Street, 89 m from Main Road.
    s().drawSketch('r1', { type: 'LineString', coordinates: [[0.0005, 0.0001], [0.0015, 0.0001]] });
    s().chooseSticker('danger');
    s().drawSketch('d2', point(0.0018, 0.0001));
    const next = childrenMarks(s())!;
    expect(next).not.toBe(first);
    expect(next.crossings).toEqual([{ danger: 1, routes: 1 }]);
    expect(next.ways).toEqual([{ danger: 1, routes: 1 }]);
    expect(next.disagreements).toEqual([{
      target: 'way', crossing: -1, way: 0, plts: 2, basis: 'assumed_quiet', lng: expect.closeTo(0.0018, 12), lat: 0,
      marks: [{ id: 'd2', lng: 0.0018, lat: 0.0001, ageBand: '7_12', distanceM: expect.closeTo(11.1195, 3) }],
    }]);

    // Moving the mark onto Main Road: the children agree with the model there.
    s().moveSketch('d2', point(0.0011, 0.0008));
    expect(childrenMarks(s())!.disagreements).toEqual([]);
    expect(childrenMarks(s())!.ways).toEqual([{ danger: 2, routes: 1 }]);
  });
});
