/**
 * The results wall (issue 9 item 3): a second screen of the workshop, a viewer, that shows every
 * proposal's before → after. A viewer cannot make a proposal or add a scenario, so it measures the
 * workshop's proposals itself, with the desk's own pieces: the rule check's request (`rulesAccessRequest`)
 * with the proposals made before this one (before) and with it (after), one worker job each (progress and
 * Cancel in the jobs bar), children within reach by `reachedWithin` and the rule check's change by
 * `gapChange`: the figures the desk's proposal effect shows. Runs are kept by their proposals, so a new
 * proposal costs one run. Nothing here writes to the sketch or to the project document.
 */
import { reachedWithin } from '../core/analysis/children-reached';
import type { Evaluation } from '../core/rules';
import type { AccessAnalysisResult, ProposedFacility } from '../protocol/analysis-api';
import type { JobResult } from '../protocol/jobs';
import { gapChange } from '../sketch/gap-change';
import { wallProposals } from '../sketch/wall-figures';
import { proposalsKey } from './actions/scenario-proposals';
import { analysedCategories, analysisInputsKey } from './analysis-slice';
import { buildAccessRequest } from '../core/analysis/request';
import { currentRuleSet, rulesAccessRequest } from './rules-slice';
import type { ProposalEffect } from './sketch-proposal';
import type { SliceCreator } from './slice';
import type { Services } from './types';

export interface WallState {
  /** This screen shows the results wall (a workshop link with `wall=1`). */
  readonly on: boolean;
  /** Each proposal's before → after by proposal id, as measured on this screen. */
  readonly effects: Readonly<Record<string, ProposalEffect>>;
  readonly measuring: boolean;
}

export interface WallSlice {
  readonly wall: WallState;
  setWall(on: boolean): void;
  /** Measures every proposal of the open sketch not yet measured (runs of earlier proposals are reused). */
  measureWall(): Promise<void>;
}

interface Measured {
  readonly access: AccessAnalysisResult;
  readonly evaluation: Evaluation | null;
}

export const createWallSlice = (services: Services): SliceCreator<WallSlice> => (set, get) => {
  const patch = (p: Partial<WallState>) => set((s) => ({ wall: { ...s.wall, ...p } }));
  /** Finished runs by what they were of: inputs, rule set, proposals. */
  let kept = new Map<string, Measured>();
  let running: Promise<void> | null = null;
  let again = false;

  async function run(proposals: readonly ProposedFacility[]): Promise<JobResult<Measured>> {
    const api = services.analysis;
    if (!api) return { ok: false, error: { code: 'analysis.no-service' } };
    const s = get();
    const ruleSet = currentRuleSet(s);
    return get().runJob<Measured>({
      kind: ruleSet ? 'rules' : 'analysis', labelKey: 'sketch.wall.measuringJob', worker: 'analysis', stage: 'progress.network',
      run: async ({ jobId, onProgress, cancelled }) => {
        const dataset = await get().ensureAnalysisInputs();
        if (cancelled()) return { ok: false, error: { code: 'cancelled' } };
        if (ruleSet) {
          const r = await api.runWithRules(jobId, dataset, rulesAccessRequest(s.doc, proposals), ruleSet, onProgress);
          return r.ok ? { ok: true, value: { access: r.value.access, evaluation: r.value.evaluation } } : r;
        }
        const request = buildAccessRequest(s.doc.settings, { categories: analysedCategories(s), proposals, isochrones: 'none' });
        const r = await api.run(jobId, dataset, request, onProgress);
        return r.ok ? { ok: true, value: { access: r.value, evaluation: null } } : r;
      },
    });
  }

  async function measureOnce() {
    const s = get();
    const proposals = wallProposals(s.sketch.features);
    if (!proposals.length) return patch({ effects: {} });
    const base = `${analysisInputsKey(s.doc.layers)}\u0000${currentRuleSet(s)?.id ?? ''}\u0000`;
    const facilities: ProposedFacility[] = proposals.map((p) => ({ id: p.id, category: p.category, lng: p.point[0], lat: p.point[1] }));
    const threshold = s.analysis.display.thresholdIdx;
    const next = new Map<string, Measured>();
    const effects: Record<string, ProposalEffect> = {};
    let before: Measured | null = null;
    for (let k = 0; k <= facilities.length; k++) {
      const key = base + proposalsKey(facilities.slice(0, k));
      let m = kept.get(key) ?? next.get(key);
      if (!m) {
        const r = await run(facilities.slice(0, k));
        if (!r.ok) {
          const p = proposals[Math.max(0, k - 1)]!;
          if (r.error.code !== 'cancelled') effects[p.id] = { wishId: p.sourceId ?? '', proposalId: p.id, category: p.category, before: null, after: null, gaps: null, error: r.error.code };
          break;
        }
        m = r.value;
      }
      next.set(key, m);
      if (k > 0 && before) {
        const p = proposals[k - 1]!;
        const gaps = before.evaluation && m.evaluation ? gapChange(before.evaluation, m.evaluation) : null;
        effects[p.id] = {
          wishId: p.sourceId ?? '', proposalId: p.id, category: p.category,
          before: reachedWithin(before.access, p.category, threshold), after: reachedWithin(m.access, p.category, threshold), gaps,
        };
        patch({ effects: { ...effects } });
      }
      before = m;
    }
    kept = next; // only the runs the current proposals need
    patch({ effects });
  }

  return {
    wall: { on: false, effects: {}, measuring: false },
    setWall: (on) => patch({ on }),
    measureWall() {
      if (running) {
        again = true;
        return running;
      }
      patch({ measuring: true });
      running = (async () => {
        do {
          again = false;
          try {
            await measureOnce();
          } catch (e) {
            console.warn('wall: proposals not measured', e);
          }
        } while (again);
      })().finally(() => {
        running = null;
        patch({ measuring: false });
      });
      return running;
    },
  };
};
