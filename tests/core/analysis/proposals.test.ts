/**
 * Scenario proposals: a run with `proposals` equals a fresh run where the same points are ordinary
 * features of the facility layer; the dataset is unchanged afterwards; untouched categories reuse the
 * previous run's shortest paths.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { prepareDataset, runAccessAnalysis, type AnalysisInputs } from '../../../src/core/analysis';

const f = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry, properties });
const fc = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const pt = (lng: number, lat: number, props: Record<string, unknown>): Feature => f({ type: 'Point', coordinates: [lng, lat] }, props);
const box = (x0: number, x1: number) => [[[x0, -0.001], [x1, -0.001], [x1, 0.006], [x0, 0.006], [x0, -0.001]]];

function inputs(extra: Feature[] = []): AnalysisInputs {
  const lines: Feature[] = [];
  for (let i = 0; i < 6; i++) {
    lines.push(f({ type: 'LineString', coordinates: Array.from({ length: 6 }, (_, j) => [i * 0.001, j * 0.001]) }, { highway: 'residential' }));
    lines.push(f({ type: 'LineString', coordinates: Array.from({ length: 6 }, (_, j) => [j * 0.001, i * 0.001]) }, { highway: 'residential' }));
  }
  const homes: Feature[] = [];
  for (let x = 0; x < 5; x++) for (let y = 0; y < 5; y++) homes.push(pt(x * 0.001 + 0.0004, y * 0.001 + 0.0005, { id: `h${x}${y}`, children_4_6: 1 }));
  return {
    streets: fc(...lines),
    homes: fc(...homes),
    facilities: [{ fc: fc(pt(0.0001, 0.0001, { id: 'k1', category: 'kindergarten' }), pt(0.005, 0.0049, { id: 'p1', category: 'playground' }), ...extra) }],
    units: { community: fc(f({ type: 'Polygon', coordinates: box(-0.001, 0.0025) }, { id: 'W' }), f({ type: 'Polygon', coordinates: box(0.0025, 0.006) }, { id: 'E' })) },
  };
}
const request = { categories: ['kindergarten', 'playground'], thresholds: [{ m: 300 }], isochrones: 'none' as const };
const proposal = { id: 'new-k', category: 'kindergarten', lng: 0.0046, lat: 0.0031 };

describe('proposals in a run', () => {
  it('give the same access and unit assignment as the same point loaded as a facility', () => {
    const data = prepareDataset(inputs());
    const before = runAccessAnalysis(data, request);
    const withP = runAccessAnalysis(data, { ...request, proposals: [proposal] });
    const loaded = runAccessAnalysis(inputs([pt(proposal.lng, proposal.lat, { id: 'new-k', category: 'kindergarten' })]), request);
    for (let c = 0; c < 2; c++) {
      expect([...withP.result.categories[c].walkingM]).toEqual([...loaded.result.categories[c].walkingM]);
      expect([...withP.result.categories[c].nearestFacility]).toEqual([...loaded.result.categories[c].nearestFacility]);
    }
    // It changes something: some home is now nearer a kindergarten.
    const kBefore = before.result.categories[0].walkingM, kAfter = withP.result.categories[0].walkingM;
    expect(kAfter.some((d, h) => d < kBefore[h])).toBe(true);
    expect(withP.result.facilityIds).toEqual(['k1', 'p1', 'new-k']);
    expect([...withP.tables.facilities.proposed]).toEqual([0, 0, 1]);
    expect([...withP.tables.units.community!.facilityUnit]).toEqual([...loaded.tables.units.community!.facilityUnit]);
    expect(withP.tables.units.community!.facilityUnit[2]).toBe(1); // east
    // The dataset is unchanged: a run without proposals is the baseline again.
    const again = runAccessAnalysis(data, request);
    expect([...again.result.categories[0].walkingM]).toEqual([...kBefore]);
    expect(again.result.facilityIds).toEqual(['k1', 'p1']);
  });

  it('reuses the unchanged categories and recomputes the proposed one', () => {
    const data = prepareDataset(inputs());
    const [kgBase, pgBase] = runAccessAnalysis(data, request).tables.access;
    const [kgNow, pgNow] = runAccessAnalysis(data, { ...request, proposals: [proposal] }).tables.access;
    expect(pgNow).toBe(pgBase);
    expect(kgNow).not.toBe(kgBase);
    // A proposal of another category moves none of the kindergarten's indexes: still reused.
    const both = runAccessAnalysis(data, { ...request, proposals: [proposal, { ...proposal, id: 'new-p', category: 'playground' }] }).tables.access;
    expect(both[0]).toBe(kgNow);
    // The access without proposals is kept: removing them reuses it.
    const [kgAgain, pgAgain] = runAccessAnalysis(data, request).tables.access;
    expect(kgAgain).toBe(kgBase);
    expect(pgAgain).toBe(pgBase);
  });
});
