/**
 * A child's wish becomes a designer's proposal through the one proposal mechanism the app has: a facility
 * proposal in the active scenario (`addFacilityProposal`, undoable, saved with the project), which
 * `buildAccessRequest` hands to the access run. The sketch records it too (a `proposal` feature with
 * `category` and `source_id`, the wish `accepted`), so every screen of the workshop sees it. The access
 * analysis and the rule check run together (`checkRules`, one worker job) before (when the shown result is
 * not of the current scenario) and after; the change in children within reach, the gaps closed per unit
 * level and the scorecard's change are kept for the panels and the gap report.
 */
import { reachedWithin, type Reached } from '../core/analysis/children-reached';
import type { Evaluation } from '../core/rules';
import { gapChange, type GapChange } from '../sketch/gap-change';
import { featurePoint } from '../sketch/feature-point';
import { addFeature, getFeature, updateProperties } from '../sketch/sketch-doc';
import { PROPOSAL_EMOJI } from '../sketch/stickers';
import { activeFacilityProposals, addFacilityProposal, proposalsKey } from './actions/scenario-proposals';
import { shownRun } from './runs-slice';
import { currentRuleSet } from './rules-slice';
import type { AppState } from './types';

export interface ProposalEffect {
  readonly wishId: string;
  readonly proposalId: string;
  readonly category: string;
  readonly before: Reached | null;
  readonly after: Reached | null;
  /** Gaps closed per level and the scorecard's change; null without a rule set or when a check failed. */
  readonly gaps: GapChange | null;
  /** A coded error when a run failed. */
  readonly error?: string;
}

const currentKey = (s: AppState) => proposalsKey(activeFacilityProposals(s.doc));

export async function proposeFromWish(get: () => AppState, wishId: string, category: string, scenarioName: string): Promise<ProposalEffect | null> {
  const s0 = get();
  const sd = s0.sketchDoc();
  const wish = getFeature(sd, wishId);
  if (!wish || s0.sketch.role === 'viewer' || s0.sketch.proposing) return null;
  s0.setSketchEffect(null, true);
  const threshold = () => get().analysis.display.thresholdIdx;
  const withRules = !!currentRuleSet(get());
  // Access and rules together when there is a rule set (the rules' run is the shown access run too).
  const run = () => (withRules ? get().rules.checkRules() : get().runAnalysis());
  const evaluation = (): Evaluation | null => {
    const r = get().rules.result;
    return r && r.proposals === currentKey(get()) && r.runId === get().analysis.result?.runId ? r.evaluation : null;
  };
  // Before: the shown result when it is of this very scenario (and checked, with rules), else a run now.
  const shownRequest = () => shownRun(get())?.request;
  const shown = shownRequest();
  if (!get().analysis.result || !shown || proposalsKey(shown.proposals ?? []) !== currentKey(get()) || (withRules && !evaluation())) await run();
  const before = get().analysis.result ? reachedWithin(get().analysis.result!, category, threshold()) : null;
  const rulesBefore = evaluation();

  const taken = new Set(get().doc.scenarios.flatMap((sc) => sc.proposals.map((p) => p.id)));
  let proposalId = `sketch-${wishId}`.slice(0, 120);
  for (let n = 2; taken.has(proposalId); n++) proposalId = `sketch-${wishId}-${n}`.slice(0, 120);
  const [lng, lat] = featurePoint(wish); // the wish's point, or the mean of a shape's vertices
  get().commit(addFacilityProposal, { id: proposalId, category, lng, lat, scenarioName }, 'record');
  addFeature(sd, {
    id: proposalId, geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: { kind: 'proposal', category, source_id: wishId, status: 'open', emoji: PROPOSAL_EMOJI },
  });
  updateProperties(sd, wishId, { status: 'accepted' });

  await run();
  const a = get().analysis;
  const ran = shownRequest();
  const after = a.result && ran && proposalsKey(ran.proposals ?? []) === currentKey(get()) ? reachedWithin(a.result, category, threshold()) : null;
  const rulesAfter = evaluation();
  const gaps = rulesBefore && rulesAfter ? gapChange(rulesBefore, rulesAfter) : null;
  const error = a.error?.code ?? (withRules && !rulesAfter ? get().rules.error?.code : undefined);
  const effect: ProposalEffect = { wishId, proposalId, category, before, after, gaps, ...(error ? { error } : {}) };
  get().setSketchEffect(effect, false);
  return effect;
}
