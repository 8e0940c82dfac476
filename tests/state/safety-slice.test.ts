/**
 * Safe routes in the store: the job over the shown access run (run first when there is none), the result
 * as the worker computed it, one home's routes, cancel; the profile as a document edit (one undo step,
 * saved and reopened through the real io service, an invalid one refused with the core's codes, a file
 * with an invalid one refused with a coded message).
 */
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createAnalysisService } from '../../src/core/analysis';
import { createIoService } from '../../src/core/io/io-service';
import { CHILD_V1, STATUS_BEYOND, STATUS_OK } from '../../src/core/safety';
import { createAppStore, docSafetyProfile, type AppStore } from '../../src/state';

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const pt = (lng: number, lat: number, props: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: props });
const ln = (coords: number[][], props: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: { type: 'LineString', coordinates: coords }, properties: props });
const enc = (s: string) => new TextEncoder().encode(s);

// A quiet street with a primary road (60 km/h, 4 lanes: crossing PLTS 4) across it at x = 0.001.
const streets = fc([
  ln([[0, 0], [0.001, 0], [0.002, 0]], { id: 'quiet', highway: 'residential', name: 'Quiet Street' }),
  ln([[0.001, -0.001], [0.001, 0], [0.001, 0.001]], { id: 'main', highway: 'primary', name: 'Main Road', maxspeed: '60', lanes: '4', sidewalk: 'both' }),
]);
const homes = fc([pt(0.0002, 0, { id: 'near', children_7_12: 2 }), pt(0, 0, { id: 'far', children_7_12: 1 })]);
const schools = fc([pt(0.0018, 0, { id: 'S', category: 'primary_school' })]);

async function storeWithCity(): Promise<AppStore> {
  const store = createAppStore({ io: createIoService(), analysis: createAnalysisService() });
  const items = [['streets', streets], ['homes', homes], ['facilities', schools]] as const;
  await store.getState().loadFiles(items.map(([role, data]) => ({
    role, source: { fileName: `${role}.geojson`, bytes: enc(JSON.stringify(data)) },
  })), 'skip');
  return store;
}

describe('safe routes in the store', () => {
  it('runs the access analysis first, then safe routes over that run: the crossing of Main Road is the hotspot', async () => {
    const store = await storeWithCity();
    const s = () => store.getState();
    await s().runSafeRoutes();
    expect(s().safety.status).toBe('done');
    const r = s().safety.result!;
    expect(r.runId).toBe(s().analysis.result!.runId);
    expect([...r.homes.status]).toEqual([STATUS_OK, STATUS_OK]);
    expect(r.crossingHotspots).toHaveLength(1);
    expect(r.crossingHotspots[0]).toMatchObject({ roads: ['Main Road'], plts: 4, control: 'unmarked', routes: 2, weight: 3 });
    expect(r.bySchool).toMatchObject([{ facilityId: 'S', total: 3, unsafe: 3, safe: 0 }]);
    expect(s().history.past).toHaveLength(0);
    expect(Object.values(s().jobs)).toEqual([]);
  });

  it('shows one home\'s safe route beside its shortest one, with the crossing\'s reason', async () => {
    const store = await storeWithCity();
    const s = () => store.getState();
    await s().runSafeRoutes();
    await s().showSafeRoute(0);
    const d = s().safety.detail!.routes!;
    expect(d.schoolId).toBe('S');
    // 0.0016° of longitude at the equator, and the same route: one crossing of PLTS 4 (300 m).
    expect(d.shortest.lengthM).toBeCloseTo(d.walkingM, 6);
    expect(d.safe.lengthM).toBeCloseTo(d.walkingM, 6);
    expect(d.safe.costM).toBeCloseTo(1.25 * d.walkingM + 300, 6);
    expect(d.shortest.costM).toBeCloseTo(d.safe.costM, 6);
    expect(d.safe.crossings).toEqual([{ lng: 0.001, lat: 0, plts: 4, control: 'unmarked', roads: [{ name: 'Main Road', highway: 'primary', base: 4 }] }]);
    expect(d.safe.lines.length % 4).toBe(0);
  });

  it('a profile edit is one undo step and the next run uses it; an invalid one is refused', async () => {
    const store = await storeWithCity();
    const s = () => store.getState();
    expect(docSafetyProfile(s().doc)).toBe(CHILD_V1);
    expect(s().editSafetyProfile({ maxSchoolWalkM: 100 })).toBe(true);
    expect(s().doc.safetyProfile?.route.maxSchoolWalkM).toBe(100);
    expect(s().history.past.at(-1)?.label).toBe('safety.put-profile');
    await s().runSafeRoutes();
    // near walks 177.9 m, far 200 m: both beyond 100 m.
    expect([...s().safety.result!.homes.status]).toEqual([STATUS_BEYOND, STATUS_BEYOND]);
    const before = s().doc;
    expect(s().editSafetyProfile({ penaltyM: [0, 15, -5, 300] })).toBe(false);
    expect(s().safety.refusal?.[0]).toMatchObject({ path: ['cost', 'penaltyM', 2], code: 'too_small' });
    expect(s().doc).toBe(before);
    s().undo();
    expect(s().doc.safetyProfile).toBeUndefined();
    s().redo();
    expect(s().doc.safetyProfile?.route.maxSchoolWalkM).toBe(100);
    s().resetSafetyProfile();
    expect(s().doc.safetyProfile).toBeUndefined();
  });

  it('save → open keeps the edited profile; a file with an invalid profile is refused with a code', async () => {
    const store = createAppStore({ io: createIoService() });
    store.getState().editSafetyProfile({ maxSchoolWalkM: 1500, penaltyM: [0, 20, 100, 400] });
    const saved = store.getState().projectJson();
    const other = createAppStore({ io: createIoService() });
    expect(await other.getState().openProject({ fileName: 'p.cfc.json', bytes: enc(saved) })).toBe(true);
    expect(other.getState().doc.safetyProfile).toEqual(store.getState().doc.safetyProfile);
    expect(docSafetyProfile(other.getState().doc).cost.penaltyM).toEqual([0, 20, 100, 400]);

    const bad = JSON.parse(saved) as { safetyProfile: { route: { maxSchoolWalkM: unknown } } };
    bad.safetyProfile.route.maxSchoolWalkM = 'far';
    const third = createAppStore({ io: createIoService() });
    expect(await third.getState().openProject({ fileName: 'bad.cfc.json', bytes: enc(JSON.stringify(bad)) })).toBe(false);
    expect(third.getState().errors.at(-1)?.error).toMatchObject({ code: 'project.safety-profile-invalid', params: { path: 'route.maxSchoolWalkM', issue: 'invalid_type' } });
    expect(third.getState().doc.safetyProfile).toBeUndefined();
  });

  it('cancel ends the job as cancelled and keeps no result', async () => {
    const store = await storeWithCity();
    const s = () => store.getState();
    await s().runAnalysis();
    const run = s().runSafeRoutes();
    s().cancelSafeRoutes();
    await run;
    expect(s().safety.status).toBe('cancelled');
    expect(s().safety.result).toBeNull();
    await s().runSafeRoutes();
    expect(s().safety.status).toBe('done');
  });
});
