/**
 * The runs slice: one record per run id for both panels — the latest is last, a run recorded again is
 * not duplicated, old runs fall off after RUNS_SHOWN, a rule check attaches its rule set to its own run
 * only, and the selectors find the run the Access and Rules panels show.
 */
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { checkedRuleSet, createRunsSlice, latestRun, runById, RUNS_SHOWN, shownRun, type RunsSlice } from '../../src/state/runs-slice';
import type { AppState } from '../../src/state';
import type { RuleSet } from '../../src/core/rules';

const request = (m: number, proposals = 0) => ({
  categories: ['playground'], thresholds: [{ m }], maxSnapM: 150,
  ...(proposals ? { proposals: Array.from({ length: proposals }, (_, i) => ({ id: `p${i}`, category: 'playground', lng: 0, lat: 0 })) } : {}),
});

function store() {
  return createStore<RunsSlice>()((set, get) => createRunsSlice()(set as never, get as never));
}

describe('runs slice', () => {
  it('records each run once, newest last, keeping the last RUNS_SHOWN', () => {
    const s = store();
    for (let i = 1; i <= RUNS_SHOWN + 2; i++) s.getState().recordRun(`run-${i}`, request(100 * i), 'ds-1');
    s.getState().recordRun(`run-${RUNS_SHOWN}`, request(999), 'ds-2');
    const ids = s.getState().runs.map((r) => r.runId);
    expect(ids).toEqual([...Array.from({ length: RUNS_SHOWN + 2 }, (_, i) => `run-${i + 1}`).filter((id) => id !== `run-${RUNS_SHOWN}`).slice(-(RUNS_SHOWN - 1)), `run-${RUNS_SHOWN}`]);
    expect(latestRun(s.getState())).toMatchObject({ runId: `run-${RUNS_SHOWN}`, datasetId: 'ds-2', summary: { thresholds: [{ m: 999 }], proposals: 0, maxSnapM: 150 } });
  });

  it('summarises a request with proposals', () => {
    const s = store();
    s.getState().recordRun('run-1', request(300, 2), null);
    expect(runById(s.getState(), 'run-1')?.summary).toEqual({ categories: ['playground'], thresholds: [{ m: 300 }], proposals: 2, maxSnapM: 150 });
    expect(runById(s.getState(), 'run-9')).toBeNull();
  });

  it('attaches a rule check to its own run; the panels find theirs', () => {
    const s = store();
    s.getState().recordRun('run-1', request(300), 'ds');
    s.getState().recordRun('run-2', request(500), 'ds');
    const ruleSet = { id: 'default' } as RuleSet;
    s.getState().noteRuleCheck('run-1', ruleSet);
    const state = { ...s.getState(), analysis: { result: { runId: 'run-2' } }, rules: { result: { runId: 'run-1' } } } as unknown as AppState;
    expect(shownRun(state)?.runId).toBe('run-2');
    expect(shownRun(state)?.ruleSet).toBeNull();
    expect(checkedRuleSet(state)).toBe(ruleSet);
    s.getState().clearRuns();
    expect(latestRun(s.getState())).toBeNull();
  });
});
