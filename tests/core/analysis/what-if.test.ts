/**
 * What-if edits answered incrementally (run.ts: a category's access without proposals is held and extended
 * by a search from the proposals alone; coverage is recounted only for the categories that changed) give,
 * home by home, what a run from scratch gives when the same points are ordinary facilities of the layer
 * (a fresh dataset: every category searched from all its facilities at once, every coverage counted), and
 * the walking distances the brute-force oracle (tests/core/access/oracle.ts) finds.
 * Random scenes: PROPERTY_RUNS / PROPERTY_SEED as in the access property tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { prepareDataset, runAccessAnalysis, type AccessAnalysisRun, type AccessRequest, type AnalysisInputs, type ProposedFacility } from '../../../src/core/analysis';
import { accessRequirements } from '../../../src/core/rules';
import { loadBuiltinPack } from '../../../src/core/rules/packs';
import { oracleAccess } from '../access/oracle';
import { propertyOptions } from '../access/oracle-agreement';
import { randomScene, sceneLayers } from '../access/random-scene';
import { demoInputs } from './demo-inputs';

const pointFeature = (lng: number, lat: number, properties: Record<string, unknown>): Feature =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties });

/** The inputs with the proposals as ordinary features at the end of the (one) facility layer. */
function loaded(inputs: AnalysisInputs, proposals: readonly ProposedFacility[]): AnalysisInputs {
  const layer = inputs.facilities[0]!;
  const fc: FeatureCollection = { ...layer.fc, features: [...layer.fc.features, ...proposals.map((p) => pointFeature(p.lng, p.lat, { id: p.id, category: p.category }))] };
  return { ...inputs, facilities: [{ ...layer, fc }] };
}

/** Home by home and unit by unit: the same access and coverage. */
function expectSameAnswer(edit: AccessAnalysisRun, scratch: AccessAnalysisRun): void {
  const a = edit.result;
  const b = scratch.result;
  expect(a.facilityIds).toEqual(b.facilityIds);
  expect(a.categories.map((c) => c.category)).toEqual(b.categories.map((c) => c.category));
  a.categories.forEach((c, i) => {
    const s = b.categories[i]!;
    expect([...c.walkingM], c.category).toEqual([...s.walkingM]);
    expect([...c.networkM], c.category).toEqual([...s.networkM]);
    expect([...c.nearestFacility], c.category).toEqual([...s.nearestFacility]);
    expect(c.unreachableHomes).toBe(s.unreachableHomes);
  });
  expect(a.coverage.length).toBe(b.coverage.length);
  a.coverage.forEach((lc, i) => {
    const s = b.coverage[i]!;
    expect(lc.level).toBe(s.level);
    expect(lc.categories).toEqual(s.categories);
    expect([...lc.childrenWithin], lc.level).toEqual([...s.childrenWithin]);
    expect([...lc.homesUnreachable], lc.level).toEqual([...s.homesUnreachable]);
    expect([...lc.childrenTotal]).toEqual([...s.childrenTotal]);
    expect([...lc.homes]).toEqual([...s.homes]);
  });
}

describe('what-if edits on the demo city', () => {
  it('add, add another category, move, remove: each equals a run from scratch with the points loaded as facilities', async () => {
    const inputs = await demoInputs();
    const ruleSet = loadBuiltinPack('default');
    // What the app's rule check asks (with-rules.ts): the rule set's categories, no isochrones.
    const request: AccessRequest = { categories: accessRequirements(ruleSet).categories, thresholds: [{ m: 300 }, { m: 500 }, { m: 1000 }], isochrones: 'none' };
    const data = prepareDataset(inputs);
    const base = runAccessAnalysis(data, request);
    // Where a category is worst served: the connected home farthest from its nearest facility.
    const worst = (run: AccessAnalysisRun, category: string): { lng: number; lat: number } => {
      const w = run.result.categories.find((c) => c.category === category)!.walkingM;
      let h = -1;
      for (let i = 0; i < w.length; i++) if (Number.isFinite(run.result.homeSnapM[i]!) && (h < 0 || w[i]! > w[h]!)) h = i;
      return { lng: run.result.homeLng[h]!, lat: run.result.homeLat[h]! };
    };
    const P: ProposedFacility = { id: 'proposal-1', category: 'playground', ...worst(base, 'playground') };
    const K: ProposedFacility = { id: 'proposal-2', category: 'kindergarten', ...worst(base, 'kindergarten') };
    const addK = runAccessAnalysis(data, { ...request, proposals: [P, K] });
    const P2: ProposedFacility = { ...P, ...worst(addK, 'playground') };
    const edits: ProposedFacility[][] = [[P], [P, K], [P2, K], [K]];
    let changed = 0;
    for (const proposals of edits) {
      const edit = runAccessAnalysis(data, { ...request, proposals });
      const scratch = runAccessAnalysis(loaded(inputs, proposals), request);
      expectSameAnswer(edit, scratch);
      const pg = request.categories.indexOf('playground');
      if (edit.result.categories[pg]!.walkingM.some((d, h) => d < base.result.categories[pg]!.walkingM[h]!)) changed++;
    }
    // The edits change something (the comparison is not between two unchanged baselines).
    expect(changed).toBe(3);
    // Removing every proposal gives the base run again.
    expectSameAnswer(runAccessAnalysis(data, request), base);
  }, 120_000);
});

const CATEGORIES = ['kindergarten', 'playground'];
const proposalArb = fc.record({
  x: fc.integer({ min: -20000, max: 120000 }),
  y: fc.integer({ min: -20000, max: 120000 }),
  category: fc.constantFrom(...CATEGORIES),
});

describe('what-if edits on random networks', () => {
  it('every edit of a sequence equals a run from scratch, and the walking distances equal the oracle', () => {
    fc.assert(fc.property(
      randomScene,
      fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.array(proposalArb, { maxLength: 3 }), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(undefined, 60, 250),
      (scene, kids, edits, cutoffM) => {
        const { streets, homes, facilities } = sceneLayers(scene);
        // As sceneLayers places homes and facilities.
        const place = (x: number, y: number): [number, number] => [10 + x * 2e-8, 45 + y * 2e-8];
        const homeFc: FeatureCollection = { type: 'FeatureCollection', features: homes.map((h, i) => pointFeature(h[0]!, h[1]!, { id: `h${i}`, children_4_6: kids[i % kids.length] })) };
        const facilityFc: FeatureCollection = {
          type: 'FeatureCollection', features: facilities.map((f, i) => pointFeature(f[0]!, f[1]!, { id: `f${i}`, category: CATEGORIES[i % 2] })),
        };
        const west = place(-20000, -20000);
        const mid = place(50000, 120000);
        const box = (x0: number, x1: number) => [[[x0, west[1]], [x1, west[1]], [x1, mid[1]], [x0, mid[1]], [x0, west[1]]]];
        const units: FeatureCollection = {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { id: 'W' }, geometry: { type: 'Polygon', coordinates: box(west[0], mid[0]) } },
            { type: 'Feature', properties: { id: 'E' }, geometry: { type: 'Polygon', coordinates: box(mid[0], place(90000, 0)[0]) } },
          ],
        };
        const inputs: AnalysisInputs = { streets, homes: homeFc, facilities: [{ fc: facilityFc }], units: { community: units } };
        const request: AccessRequest = {
          categories: CATEGORIES, thresholds: [{ m: 30 }, { m: 120 }], isochrones: 'none', islandMaxM: scene.islandMaxM,
          ...(cutoffM === undefined ? {} : { cutoffM }),
        };
        const data = prepareDataset(inputs);
        runAccessAnalysis(data, request);
        for (const edit of edits) {
          const proposals: ProposedFacility[] = edit.map((p, i) => {
            const [lng, lat] = place(p.x, p.y);
            return { id: `p${i}`, category: p.category, lng, lat };
          });
          const run = runAccessAnalysis(data, { ...request, proposals });
          expectSameAnswer(run, runAccessAnalysis(loaded(inputs, proposals), request));
          // Independently: the oracle's walking distance to the nearest facility of each category.
          CATEGORIES.forEach((category, c) => {
            const pts = [
              ...facilities.filter((_, i) => CATEGORIES[i % 2] === category),
              ...proposals.filter((p) => p.category === category).map((p) => [p.lng, p.lat]),
            ];
            const walkingM = run.result.categories[c]!.walkingM;
            if (pts.length === 0) return void expect([...walkingM].every((w) => w === Infinity)).toBe(true);
            const oracle = oracleAccess(streets, homes, pts, { islandM: scene.islandMaxM });
            oracle.walking.forEach((w, h) => {
              const limit = cutoffM ?? Infinity;
              if (Math.abs(w - limit) < 1e-6) return; // on the cutoff: either side is right
              // As the access property test reads the oracle: no finite distance is unreachable.
              if (!Number.isFinite(w) || !(w <= limit)) expect(walkingM[h]).toBe(Infinity);
              else expect(Math.abs(walkingM[h]! - w)).toBeLessThan(1e-6);
            });
          });
        }
      },
    ), propertyOptions(150));
  });
});
