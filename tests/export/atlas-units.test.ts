/**
 * An atlas page's panel lists the proposals inside its unit: point in polygon (even-odd, so a hole is
 * outside), for the scenario's proposals and the co-sketch's, as the gap report lists them.
 */
import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import { insideRings, unitFigures, unitProposalLines } from '../../src/export/atlas-units';
import type { Ring } from '../../src/export/inset';
import { createAppStore } from '../../src/state';
import { addFacilityProposal } from '../../src/state/actions/scenario-proposals';
import { fakeIo } from '../state/fake-io';

const t = ((k: string, o?: Record<string, unknown>) => (o ? `${k}${JSON.stringify(o)}` : k)) as unknown as TFunction;
const square = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('atlas unit proposals', () => {
  // A 0.1° square with a 0.02° hole in its middle.
  const unit = [square(114, 22.5, 114.1, 22.6), square(114.04, 22.54, 114.06, 22.56)];

  test('inside the ring, not in the hole, not outside', () => {
    expect(insideRings(unit, 114.01, 22.51)).toBe(true);
    expect(insideRings(unit, 114.05, 22.55)).toBe(false);
    expect(insideRings(unit, 114.11, 22.55)).toBe(false);
    expect(insideRings([], 114.01, 22.51)).toBe(false);
  });

  test('only the proposals in the unit, after the verdict line', () => {
    const store = createAppStore({ io: fakeIo() });
    const s = () => store.getState();
    s().commit(addFacilityProposal, { id: 'in', category: 'playground', lng: 114.01, lat: 22.51, scenarioName: 'Plan' }, 'record');
    s().commit(addFacilityProposal, { id: 'hole', category: 'park', lng: 114.05, lat: 22.55, scenarioName: 'Plan' }, 'record');
    s().commit(addFacilityProposal, { id: 'out', category: 'school_primary', lng: 114.2, lat: 22.55, scenarioName: 'Plan' }, 'record');
    const lines = unitProposalLines(s(), t, unit);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^export\.atlas\.proposalHere/);
    expect(JSON.parse(lines[0].slice('export.atlas.proposalHere'.length))).toMatchObject({ at: '22.51000, 114.01000' });
    // No rule check yet: the note to check the rules, then the proposal.
    expect(unitFigures(s(), t, 'community', 'c1', unit)).toEqual(['export.atlas.noRules', lines[0]]);
  });
});
