/**
 * Scenario proposals as undoable document edits. A proposal added while the baseline is active starts a
 * new proposal scenario (the baseline stays what exists), in the same undo step.
 */
import type { Project, Proposal } from '../../core/model';
import type { ProposedFacility } from '../../protocol/analysis-api';
import { defineAction } from './define';

export interface FacilityProposalArgs {
  readonly id: string;
  readonly category: string;
  readonly lng: number;
  readonly lat: number;
  /** Name of the scenario to create when the baseline is active. */
  readonly scenarioName: string;
}

export const addFacilityProposal = defineAction('scenario.addFacility', (doc, a: FacilityProposalArgs): Project => {
  const proposal: Proposal = {
    id: a.id, kind: 'facility', geometry: { type: 'Point', coordinates: [a.lng, a.lat] },
    properties: { category: a.category, status: 'proposed' },
  };
  const active = doc.scenarios.find((s) => s.id === doc.activeScenarioId);
  if (active && active.kind === 'proposal') {
    return { ...doc, scenarios: doc.scenarios.map((s) => (s === active ? { ...s, proposals: [...s.proposals, proposal] } : s)) };
  }
  let n = 1;
  while (doc.scenarios.some((s) => s.id === `scenario-${n}`)) n++;
  const scenario = { id: `scenario-${n}`, name: a.scenarioName, kind: 'proposal' as const, proposals: [proposal] };
  return { ...doc, scenarios: [...doc.scenarios, scenario], activeScenarioId: scenario.id };
});

export const removeProposal = defineAction('scenario.removeProposal', (doc, { id }: { id: string }): Project => {
  if (!doc.scenarios.some((s) => s.proposals.some((p) => p.id === id))) return doc;
  return { ...doc, scenarios: doc.scenarios.map((s) => ({ ...s, proposals: s.proposals.filter((p) => p.id !== id) })) };
});

/** The active scenario's facility proposals with a point and a category, as the worker takes them. */
export function activeFacilityProposals(doc: Project): ProposedFacility[] {
  const active = doc.scenarios.find((s) => s.id === doc.activeScenarioId);
  const out: ProposedFacility[] = [];
  for (const p of active?.proposals ?? []) {
    const g = p.geometry as { type?: string; coordinates?: unknown } | null;
    const category = p.properties['category'];
    if (p.kind !== 'facility' || g?.type !== 'Point' || typeof category !== 'string' || !Array.isArray(g.coordinates)) continue;
    const [lng, lat] = g.coordinates as number[];
    if (Number.isFinite(lng) && Number.isFinite(lat)) out.push({ id: p.id, category, lng, lat });
  }
  return out;
}

/** Same proposals → same key: tells whether an evaluation still matches the document. */
export const proposalsKey = (ps: readonly ProposedFacility[]): string => ps.map((p) => `${p.id}:${p.category}:${p.lng},${p.lat}`).join('|');
