/**
 * Safe routes to school in the app: a job over the shown access run (run first when there is none or it is
 * stale), its result kept beside the document (session state, not undo history), one home's routes on
 * demand, and the profile edits (document actions: undoable, saved, refused when invalid).
 */
import type { JobError, JobId } from '../protocol/jobs';
import type { SafeRouteDetail, SafeRoutesResult } from '../protocol/analysis-api';
import type { ProfileIssue } from '../core/safety';
import { docSafetyProfile, editProfile, putSafetyProfile, resetSafetyProfile, type ProfileNumbers } from './actions/safety-profile';
import { isAnalysisStale } from './analysis-slice';
import type { SliceCreator } from './slice';
import type { Services } from './types';

export type SafetyStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface SafetyState {
  readonly status: SafetyStatus;
  readonly jobId: JobId | null;
  readonly error: JobError | null;
  readonly result: SafeRoutesResult | null;
  /** One home's safe and shortest routes: undefined while the worker answers, null when it has none. */
  readonly detail: { readonly home: number; readonly routes: SafeRouteDetail | null | undefined } | null;
  /** The last refused profile edit: the core's issue codes. */
  readonly refusal: readonly ProfileIssue[] | null;
}

export interface SafetySlice {
  readonly safety: SafetyState;
  runSafeRoutes(): Promise<void>;
  cancelSafeRoutes(): void;
  showSafeRoute(home: number): Promise<void>;
  clearSafeRoute(): void;
  /** Changes the document's profile (one undo step); false, with `safety.refusal` set, when invalid. */
  editSafetyProfile(numbers: ProfileNumbers): boolean;
  resetSafetyProfile(): void;
  clearSafety(): void;
}

export const SAFETY_UI_ERRORS = { noService: 'analysis.no-service', noRun: 'safety.no-run' } as const;

const IDLE: SafetyState = { status: 'idle', jobId: null, error: null, result: null, detail: null, refusal: null };

export const createSafetySlice = (services: Services): SliceCreator<SafetySlice> => (set, get) => {
  const patch = (p: Partial<SafetyState>) => set((s) => ({ safety: { ...s.safety, ...p } }));
  let detailSeq = 0;
  return {
    safety: IDLE,
    async runSafeRoutes() {
      if (get().safety.jobId) return;
      patch({ status: 'running', error: null, detail: null });
      // The access run it builds on: the one shown, or a fresh one when there is none or the layers changed.
      if (!get().analysis.result || isAnalysisStale(get())) await get().runAnalysis();
      const run = get().analysis.result;
      if (!run || isAnalysisStale(get())) {
        const e = get().analysis.error;
        return patch({ status: e ? 'failed' : 'cancelled', error: e ?? null });
      }
      const profile = docSafetyProfile(get().doc);
      const r = await get().runJob<SafeRoutesResult>({
        kind: 'safe-routes', labelKey: 'safety.title', worker: 'analysis', stage: 'progress.safe-routes',
        run: async ({ jobId, onProgress }) => {
          patch({ jobId });
          if (!services.analysis) return { ok: false, error: { code: SAFETY_UI_ERRORS.noService } };
          return services.analysis.safeRoutes(jobId, run.runId, { profile }, onProgress);
        },
      });
      if (r.ok) return patch({ status: 'done', jobId: null, result: r.value });
      const cancelled = r.error.code === 'cancelled';
      patch({ status: cancelled ? 'cancelled' : 'failed', error: cancelled ? null : r.error, jobId: null });
    },
    cancelSafeRoutes() {
      const id = get().safety.jobId;
      if (id) get().cancelJob(id);
      else if (get().analysis.jobId) get().cancelAnalysis();
    },
    async showSafeRoute(home) {
      const result = get().safety.result;
      if (!services.analysis || !result) return;
      const mine = ++detailSeq;
      patch({ detail: { home, routes: undefined } });
      let routes: SafeRouteDetail | null;
      try {
        routes = await services.analysis.safeRouteDetail(result.runId, home);
      } catch {
        routes = null;
      }
      if (mine === detailSeq) patch({ detail: { home, routes } });
    },
    clearSafeRoute() {
      detailSeq++;
      patch({ detail: null });
    },
    editSafetyProfile(numbers) {
      const r = editProfile(docSafetyProfile(get().doc), numbers);
      if (!r.ok) {
        patch({ refusal: r.issues });
        return false;
      }
      patch({ refusal: null });
      get().commit(putSafetyProfile, { profile: r.profile });
      return true;
    },
    resetSafetyProfile() {
      patch({ refusal: null });
      get().commit(resetSafetyProfile, {});
    },
    clearSafety() {
      get().cancelSafeRoutes();
      detailSeq++;
      set({ safety: IDLE });
    },
  };
};
