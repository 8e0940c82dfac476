/**
 * The gap report's proposal and hotspot tables: the active scenario's proposals and the co-sketch's
 * proposals made on another screen (not in this project), each once; no table where there is nothing.
 */
import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import { hotspotTable, proposalTable, reportProposals } from '../../src/export/report-extras';
import { createAppStore } from '../../src/state';
import { addFacilityProposal } from '../../src/state/actions/scenario-proposals';
import { fakeIo } from '../state/fake-io';

const t = ((k: string, o?: Record<string, unknown>) => (o && 'count' in o ? `${k}:${String(o.count)}` : k)) as unknown as TFunction;
const pointFeature = (id: string, lng: number, lat: number, properties: Record<string, unknown>) => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [lng, lat] }, properties });

describe('gap report extras', () => {
  test('proposals: the scenario’s (with the wish it came from) and a peer’s sketch proposal, each once', () => {
    const store = createAppStore({ io: fakeIo() });
    const s = () => store.getState();
    expect(proposalTable(s(), t)).toBeNull();
    expect(hotspotTable(s(), t)).toBeNull();
    s().commit(addFacilityProposal, { id: 'sketch-w1', category: 'playground', lng: 114.1, lat: 22.5, scenarioName: 'Wishes' }, 'record');
    s().commit(addFacilityProposal, { id: 'd1', category: 'school_primary', lng: 114.2, lat: 22.6, scenarioName: 'Wishes' }, 'record');
    expect(s().mergeSketchFeatures([
      pointFeature('w1', 114.1, 22.5, { kind: 'wish', status: 'accepted' }),
      pointFeature('sketch-w1', 114.1, 22.5, { kind: 'proposal', category: 'playground', source_id: 'w1', status: 'open' }),
      pointFeature('sketch-w9', 114.123456, 22.4, { kind: 'proposal', category: 'park', source_id: 'w9', status: 'open' }),
    ])).toBe(3);
    expect(reportProposals(s()).map((r) => [r.id, r.category, r.fromWish, r.status])).toEqual([
      ['sketch-w1', 'playground', true, 'open'],
      ['d1', 'school_primary', false, ''],
      ['sketch-w9', 'park', true, 'open'],
    ]);
    const table = proposalTable(s(), t)!;
    expect(table.heading).toBe('export.report.proposals:3');
    expect(table.rows.map((r) => [r[1], r[2], r[4]])).toEqual([
      ['22.50000, 114.10000', 'export.report.fromWish', '–'],
      ['22.60000, 114.20000', 'export.report.fromDesigner', '–'],
      ['22.40000, 114.12346', 'export.report.fromWish', '–'],
    ]);
  });

  test('hotspots: the first ten crossings, then the first ten streets, with their stress and weight', () => {
    const store = createAppStore({ io: fakeIo() });
    const crossings = Array.from({ length: 12 }, (_, i) => ({ node: i, lng: 0, lat: 0, plts: 4, control: 'unmarked', roads: i === 0 ? ['Main St', 'Oak Rd'] : [], routes: 3, weight: 12 - i }));
    const ways = [{ way: 99, wayId: 'w99', plts: 3, basis: 'no_sidewalk', routes: 2, weight: 5 }];
    store.setState((s) => ({ safety: { ...s.safety, result: { crossingHotspots: crossings, wayHotspots: ways, weightsAreChildren: true } as never } }));
    const table = hotspotTable(store.getState(), t)!;
    expect(table.rows).toHaveLength(11);
    expect(table.rows[0]).toEqual(['export.report.crossing', 'Main St / Oak Rd', 'safety.hotspots.row', 'safety.hotspots.count:12']);
    expect(table.rows[1]![1]).toBe('safety.hotspots.unnamed');
    // No street layer in this store: the street is named by its id.
    expect(table.rows[10]).toEqual(['export.report.street', 'w99', 'PLTS 3, safety.basis.no_sidewalk', 'safety.hotspots.count:5']);
  });
});
