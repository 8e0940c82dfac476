/**
 * The runs the worker made, as both panels see them: one record per run id (`result.runId`) with the
 * request it answered, a summary to show, the dataset it ran on and, once the rules panel checked it, the
 * rule set it was checked against. The Access and Rules panels read these (selectors below) instead of
 * keeping their own copies; the newest RUNS_SHOWN are kept, like the worker keeps the last runs.
 */
import type { AccessRequest, ThresholdSpec } from '../protocol/analysis-api';
import type { RuleSet } from '../core/rules';
import type { SliceCreator } from './slice';
import type { AppState } from './types';

export const RUNS_SHOWN = 4;

/** What a run was asked, in the words a panel shows. */
export interface RunSummary {
  readonly categories: readonly string[];
  readonly thresholds: readonly ThresholdSpec[];
  readonly proposals: number;
  readonly maxSnapM: number | undefined;
}

export interface RunRecord {
  readonly runId: string;
  readonly datasetId: string | null;
  readonly request: AccessRequest;
  readonly summary: RunSummary;
  /** The rule set the run was last checked against (rules panel), if any. */
  readonly ruleSet: RuleSet | null;
}

export interface RunsSlice {
  /** Oldest first; the last is the latest run. */
  readonly runs: readonly RunRecord[];
  /** A finished run (from either panel): becomes the latest. */
  recordRun(runId: string, request: AccessRequest, datasetId: string | null): void;
  /** The rule set run `runId` was checked against. */
  noteRuleCheck(runId: string, ruleSet: RuleSet): void;
  clearRuns(): void;
}

export function runSummary(request: AccessRequest): RunSummary {
  return { categories: request.categories, thresholds: request.thresholds, proposals: request.proposals?.length ?? 0, maxSnapM: request.maxSnapM };
}

export const createRunsSlice = (): SliceCreator<RunsSlice> => (set) => ({
  runs: [],
  recordRun(runId, request, datasetId) {
    set((s) => ({
      runs: [...s.runs.filter((r) => r.runId !== runId), { runId, datasetId, request, summary: runSummary(request), ruleSet: null }].slice(-RUNS_SHOWN),
    }));
  },
  noteRuleCheck(runId, ruleSet) {
    set((s) => ({ runs: s.runs.map((r) => (r.runId === runId ? { ...r, ruleSet } : r)) }));
  },
  clearRuns: () => set({ runs: [] }),
});

/** The latest run, or null before any. */
export const latestRun = (s: Pick<AppState, 'runs'>): RunRecord | null => s.runs[s.runs.length - 1] ?? null;
export const runById = (s: Pick<AppState, 'runs'>, runId: string | null | undefined): RunRecord | null =>
  (runId ? s.runs.find((r) => r.runId === runId) : undefined) ?? null;
/** The run the map and the Access panel show (the analysis result's). */
export const shownRun = (s: Pick<AppState, 'runs' | 'analysis'>): RunRecord | null => runById(s, s.analysis.result?.runId);
/** The run the rules panel's gaps are of, and the rule set they were checked against. */
export const checkedRun = (s: Pick<AppState, 'runs' | 'rules'>): RunRecord | null => runById(s, s.rules.result?.runId);
export const checkedRuleSet = (s: Pick<AppState, 'runs' | 'rules'>): RuleSet | null => checkedRun(s)?.ruleSet ?? null;
