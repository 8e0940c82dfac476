/**
 * Rules and gaps: the latest evaluation with what the map needs beside it (home positions, unit parents),
 * the gap table's view, the selected gap / unit, and site suggestions with before/after. Results are
 * session state, not undo history; the user's rule sets (edited or imported, `doc.ruleSets`), the
 * rule-set choice and proposals are document edits: undoable and saved in the project file. Checks run in
 * the analysis worker as jobs with progress and cancel.
 */
import type { Feature } from 'geojson';
import { featureId, UNIT_LEVELS, type Project, type UnitLevel } from '../core/model';
import type { Evaluation, GapRecord, RuleSet, RuleSetIssue, Severity } from '../core/rules';
import type { AccessRequest, ProposedFacility, SiteSuggestions, UnitsSummary } from '../protocol/analysis-api';
import { buildAccessRequest } from '../core/analysis/request';
import type { JobError, JobResult, ProgressFn } from '../protocol/jobs';
import { customRuleSets, importRuleSetAction, parseRuleSetText, putRuleSet, removeRuleSet, resolveRuleSet } from './actions/rules-sets';
import { setRuleSetId } from './actions/rules-settings';
import { docSafetyProfile } from './actions/safety-profile';
import { activeFacilityProposals, addFacilityProposal, proposalsKey } from './actions/scenario-proposals';
import { updateRule, addRule, type RuleDraft } from '../core/rules';
import { checkedRuleSet } from './runs-slice';
import type { SliceCreator } from './slice';
import type { AppState, Services } from './types';

export type GapSortKey = 'unit' | 'scale' | 'rule' | 'measured' | 'severity' | 'children';

export interface GapView {
  readonly scale: UnitLevel | 'all';
  readonly severity: Severity | 'all';
  readonly category: string;
  readonly failingOnly: boolean;
  readonly sortKey: GapSortKey;
  readonly sortDesc: boolean;
}

export interface UnitRef {
  readonly level: UnitLevel;
  readonly index: number;
}

/** The rules panel's running job; its progress is in the jobs slice under `id` (`jobById`). */
export interface RulesJob {
  readonly id: string;
  readonly kind: 'check' | 'suggest';
}

/** The last refused edit or import: where it happened and the core's reasons. */
export interface RuleRefusal {
  readonly context: 'edit' | 'add' | 'import';
  readonly ruleId?: string;
  readonly subject?: string;
  readonly issues: readonly RuleSetIssue[];
}

export interface RuleEvaluation {
  readonly evaluation: Evaluation;
  /** The run (`result.runId`) this evaluation is of; its rule set is the run's (runs slice: `checkedRuleSet`). */
  readonly runId: string;
  readonly homeLng: Float64Array;
  readonly homeLat: Float64Array;
  readonly units: readonly UnitsSummary[];
  /** The active scenario's proposals this evaluation included (proposalsKey). */
  readonly proposals: string;
}

export interface SiteSuggestionState {
  readonly ruleId: string;
  readonly level: UnitLevel;
  readonly unitIndex: number;
  readonly unitId: string;
  readonly result: SiteSuggestions;
  /** The rule's record in the unit when the sites were suggested. */
  readonly before: GapRecord;
}

export interface RulesState {
  readonly result: RuleEvaluation | null;
  readonly view: GapView;
  readonly mapScale: UnitLevel;
  readonly selectedGap: { readonly ruleId: string; readonly level: UnitLevel; readonly index: number } | null;
  readonly selectedUnit: UnitRef | null;
  readonly job: RulesJob | null;
  readonly error: JobError | null;
  readonly refusal: RuleRefusal | null;
  readonly suggestions: SiteSuggestionState | null;
}

export interface RulesActions {
  /** Undoable: the project's rule-set choice. */
  chooseRuleSet(id: string): void;
  /** Undoable: a validated change of one rule in the current set, or the refusal (nothing changes). */
  editRule(ruleId: string, patch: RuleDraft): boolean;
  addRule(rule: RuleDraft): boolean;
  /** Undoable: drops the user's copy of a shipped pack. */
  resetRuleSet(id: string): void;
  /** Undoable (one step): imports a rule-set file and chooses it; an invalid file is refused with its first issues. */
  importRuleSet(text: string, fileName: string): boolean;
  clearRefusal(): void;
  /** Access + rules for the active scenario (its facility proposals included). */
  checkRules(): Promise<void>;
  /** Rules over the analysis panel's latest run, when there is one. */
  evaluateLatest(): Promise<void>;
  cancelRulesJob(): void;
  setGapView(patch: Partial<GapView>): void;
  setMapScale(level: UnitLevel): void;
  selectGap(gap: GapRecord | null): void;
  selectUnit(unit: UnitRef | null): void;
  suggestSites(gap: GapRecord, k: number): Promise<void>;
  /** Adds a suggested site to the active scenario (one undo step) and checks the rules again. */
  addSiteAsProposal(siteIndex: number, scenarioName: string): Promise<void>;
}

export interface RulesSlice {
  readonly rules: RulesState & RulesActions;
}

/**
 * The rule check's request: every category its rule set needs ([]), without isochrones, with these
 * proposals. Safe-route rules route with the project's profile (used only when the rule set has such rules).
 */
export const rulesAccessRequest = (doc: Pick<Project, 'settings' | 'safetyProfile'>, proposals: readonly ProposedFacility[]): AccessRequest => ({
  ...buildAccessRequest(doc.settings, { categories: [], proposals, isochrones: 'none' }),
  safeRoutes: { profile: docSafetyProfile(doc) },
});

export const currentRuleSet = (s: Pick<AppState, 'doc'>): RuleSet | undefined => resolveRuleSet(s.doc.settings.ruleSetId, customRuleSets(s.doc));

const INITIAL_VIEW: GapView = { scale: 'all', severity: 'all', category: 'all', failingOnly: true, sortKey: 'severity', sortDesc: true };

export const createRulesSlice = (services: Services): SliceCreator<RulesSlice> => (set, get) => {

  const patch = (p: Partial<RulesState>) => set((s) => ({ rules: { ...s.rules, ...p } }));
  const rules = () => get().rules;

  function refuse(refusal: RuleRefusal): false {
    patch({ refusal });
    return false;
  }

  function storeSet(ruleSet: RuleSet) {
    get().commit(putRuleSet, { ruleSet });
    patch({ refusal: null });
  }

  /**
   * Runs one rules-panel job through the jobs slice's runner. Resolves to the value, or to null when it
   * failed (the error is shown in the panel), was cancelled, or another job of the panel replaced it.
   */
  async function panelJob<T>(kind: RulesJob['kind'], stage: string, work: (jobId: string, onProgress: ProgressFn, cancelled: () => boolean) => Promise<JobResult<T>>): Promise<T | null> {
    let mine = '';
    patch({ error: null });
    const r = await get().runJob<T>({
      kind: kind === 'check' ? 'rules' : 'siting', labelKey: kind === 'check' ? 'rulesUi.title' : 'rulesUi.sites.title', worker: 'analysis', stage,
      run: ({ jobId, onProgress, cancelled }) => {
        mine = jobId;
        patch({ job: { id: jobId, kind } });
        return work(jobId, onProgress, cancelled);
      },
    });
    if (rules().job?.id !== mine) return null;
    patch({ job: null, ...(!r.ok && r.error.code !== 'cancelled' ? { error: r.error } : {}) });
    return r.ok ? r.value : null;
  }

  const accessRequest = (): AccessRequest => rulesAccessRequest(get().doc, activeFacilityProposals(get().doc));

  /**
   * What of the view survives a new result: the selected gap if it still exists, the selected unit, and the
   * map's scale if the result has it, else its finest level (a real city may have no communities: the map
   * would colour nothing while the scale picker showed another level).
   */
  function keepSelection(evaluation: Evaluation): Pick<RulesState, 'selectedGap' | 'selectedUnit' | 'mapScale'> {
    const { selectedGap, selectedUnit, mapScale } = rules();
    const gapStill = selectedGap && evaluation.records.some((r) => r.rule_id === selectedGap.ruleId && r.scale === selectedGap.level && r.unit_index === selectedGap.index);
    const levels = UNIT_LEVELS.filter((l) => evaluation.summary.childFriendly[l]);
    const scale = levels.includes(mapScale) ? mapScale : (levels[levels.length - 1] ?? mapScale);
    return { selectedGap: gapStill ? selectedGap : null, selectedUnit, mapScale: scale };
  }

  async function checkRules() {
    const ruleSet = currentRuleSet(get());
    const api = services.analysis;
    if (!ruleSet || !api) return void patch({ error: { code: 'rules.no-rule-set' } });
    const request = accessRequest();
    let dataset = '';
    const value = await panelJob('check', 'progress.network', async (id, onProgress, cancelled) => {
      dataset = await get().ensureAnalysisInputs();
      if (cancelled()) return { ok: false, error: { code: 'cancelled' } };
      return api.runWithRules(id, dataset, request, ruleSet, onProgress);
    });
    if (!value) return;
    const { access, evaluation } = value;
    get().setAccessResult(access, request, dataset);
    get().noteRuleCheck(access.runId, ruleSet);
    patch({
      result: { evaluation, runId: access.runId, homeLng: access.homeLng, homeLat: access.homeLat, units: access.units, proposals: proposalsKey(request.proposals ?? []) },
      ...keepSelection(evaluation),
    });
  }

  return {
    rules: {
      result: null,
      view: INITIAL_VIEW,
      mapScale: 'community',
      selectedGap: null,
      selectedUnit: null,
      job: null,
      error: null,
      refusal: null,
      suggestions: null,

      chooseRuleSet(id) {
        get().commit(setRuleSetId, { id });
        patch({ refusal: null });
      },
      editRule(ruleId, change) {
        const current = currentRuleSet(get());
        if (!current) return false;
        const r = updateRule(current, ruleId, change);
        if (!r.ok) return refuse({ context: 'edit', ruleId, issues: r.issues });
        storeSet(r.ruleSet);
        return true;
      },
      addRule(rule) {
        const current = currentRuleSet(get());
        if (!current) return false;
        const r = addRule(current, rule);
        if (!r.ok) return refuse({ context: 'add', issues: r.issues });
        storeSet(r.ruleSet);
        return true;
      },
      resetRuleSet(id) {
        get().commit(removeRuleSet, { id });
        patch({ refusal: null });
      },
      importRuleSet(text, fileName) {
        const r = parseRuleSetText(text);
        if (!r.ok) return refuse({ context: 'import', subject: fileName, issues: r.issues });
        get().commit(importRuleSetAction, { ruleSet: r.ruleSet });
        patch({ refusal: null });
        return true;
      },
      clearRefusal: () => patch({ refusal: null }),
      checkRules,
      async evaluateLatest() {
        const ruleSet = currentRuleSet(get());
        const latest = get().analysis.result;
        if (!ruleSet || !services.analysis || !latest?.runId) return void patch({ error: { code: 'analysis.no-run' } });
        const api = services.analysis;
        const evaluation = await panelJob('check', 'progress.rules', (id, onProgress) => api.evaluateRules(id, latest.runId, ruleSet, { profile: docSafetyProfile(get().doc) }, onProgress));
        if (!evaluation) return;
        get().noteRuleCheck(latest.runId, ruleSet);
        patch({
          result: { evaluation, runId: latest.runId, homeLng: latest.homeLng, homeLat: latest.homeLat, units: latest.units, proposals: proposalsKey(activeFacilityProposals(get().doc)) },
          ...keepSelection(evaluation),
        });
      },
      cancelRulesJob() {
        const job = rules().job;
        if (job) get().cancelJob(job.id);
      },
      setGapView: (p) => patch({ view: { ...rules().view, ...p } }),
      setMapScale: (mapScale) => patch({ mapScale }),
      selectGap(gap) {
        patch(gap
          ? { selectedGap: { ruleId: gap.rule_id, level: gap.scale, index: gap.unit_index }, selectedUnit: { level: gap.scale, index: gap.unit_index }, mapScale: gap.scale }
          : { selectedGap: null });
      },
      selectUnit: (unit) => patch(unit ? { selectedUnit: unit, mapScale: unit.level } : { selectedUnit: null }),
      async suggestSites(gap, k) {
        // The run and the rule set that found this gap, named: not whichever run came last.
        const checked = rules().result;
        const ruleSet = checkedRuleSet(get());
        if (!services.analysis || !checked || !ruleSet) return void patch({ error: { code: 'analysis.no-run' } });
        const api = services.analysis;
        const result = await panelJob('suggest', 'progress.siting', (id, onProgress) => api.suggestSites(id, checked.runId, ruleSet, {
          ruleId: gap.rule_id, unitLevel: gap.scale, unitId: gap.unit_id, k, candidates: 'network',
        }, onProgress));
        if (!result) return;
        patch({ suggestions: { ruleId: gap.rule_id, level: gap.scale, unitIndex: gap.unit_index, unitId: gap.unit_id, result, before: gap } });
      },
      async addSiteAsProposal(siteIndex, scenarioName) {
        const sug = rules().suggestions;
        const site = sug?.result.sites[siteIndex];
        if (!sug || !site) return;
        const taken = new Set(get().doc.scenarios.flatMap((s) => s.proposals.map((p) => p.id)));
        let n = 1;
        while (taken.has(`proposal-${n}`)) n++;
        get().commit(addFacilityProposal, { id: `proposal-${n}`, category: sug.result.category, lng: site.lng, lat: site.lat, scenarioName }, 'record');
        await checkRules();
      },
    },
  };
};

const unitIndexMemo = new WeakMap<object, Map<string, number>>();
/** The feature of a unit (by level and id) in the project's unit layer of that level. */
export function unitFeatureOf(s: AppState, level: UnitLevel, unitId: string): Feature | undefined {
  const layer = s.doc.layers.find((l) => l.role === level && s.layerData[l.id]);
  const fc = layer && s.layerData[layer.id]?.data;
  if (!fc) return undefined;
  let byId = unitIndexMemo.get(fc);
  if (!byId) {
    byId = new Map(fc.features.map((f, i) => [featureId(f.properties, i, f.id), i]));
    unitIndexMemo.set(fc, byId);
  }
  const i = byId.get(unitId);
  return i === undefined ? undefined : fc.features[i];
}
