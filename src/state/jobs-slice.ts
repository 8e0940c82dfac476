/**
 * Every long task (file loads, project opens, analyses, rule checks, site suggestions) runs through
 * `runJob`: one list of jobs with progress and Cancel, one way to end (done, cancelled, failed with a coded
 * error), errors kept as codes + params (the UI words them in the user's language). Loads run in the io worker; results enter the document
 * only when they succeed, so a bad file never disturbs what is already loaded.
 */
import type { LayerSource, LoadedLayer, ProjectLayer } from '../core/model';
import { CANCELLED, type JobError, type JobId, type JobResult } from '../protocol/jobs';
import { addLayers } from './actions/layers';
import { replaceLayers } from './actions/project';
import { defaultColor } from './layer-defaults';
import { withholdOnLoad } from './personal-fields';
import type { SliceCreator } from './slice';
import type { JobSpec, JobsSlice, JobState, LayerData, LoadItem, Services } from './types';

type InlineData = Extract<LayerSource, { kind: 'inline' }>['data'];

export type IdFactory = (prefix: 'layer' | 'job' | 'error') => string;

export const createJobsSlice = (services: Services, newId: IdFactory): SliceCreator<JobsSlice> => (set, get) => {
  const patchJob = (id: JobId, patch: Partial<JobState>) =>
    set((s) => {
      const job = s.jobs[id];
      if (!job) return {};
      // Progress can arrive per chunk; only a visible change is worth a render.
      const same = patch.stage === job.stage && Math.abs((patch.fraction ?? -1) - (job.fraction ?? -1)) < 0.01;
      return same ? {} : { jobs: { ...s.jobs, [id]: { ...job, ...patch } } };
    });
  const endJob = (id: JobId) =>
    set((s) => {
      const { [id]: _done, ...jobs } = s.jobs;
      return { jobs };
    });

  // A job the user cancelled delivers nothing, even if the worker finished before it heard the cancel.
  const cancelled = new Set<JobId>();

  async function runJob<T>(spec: JobSpec<T>): Promise<JobResult<T>> {
    const jobId = newId('job');
    const job: JobState = { id: jobId, kind: spec.kind, label: spec.label ?? '', ...(spec.labelKey ? { labelKey: spec.labelKey } : {}), stage: spec.stage, fraction: 0, worker: spec.worker };
    set((s) => ({ jobs: { ...s.jobs, [jobId]: job } }));
    let result: JobResult<T>;
    try {
      result = await spec.run({
        jobId,
        onProgress: (p) => { if (!cancelled.has(jobId)) patchJob(jobId, { stage: p.stage, fraction: p.fraction }); },
        cancelled: () => cancelled.has(jobId),
      });
    } catch (e) {
      // A coded refusal thrown on the way (`{ error }`), a worker that died (`{ jobError }`, app/supervised-client), or a bug.
      const coded = e as { error?: JobError; jobError?: JobError } | null;
      result = { ok: false, error: coded?.error ?? coded?.jobError ?? { code: 'worker-failed', params: { message: e instanceof Error ? e.message : String(e) } } };
    } finally {
      endJob(jobId);
    }
    return cancelled.delete(jobId) ? { ok: false, error: CANCELLED } : result;
  }

  async function runOne(item: LoadItem): Promise<{ item: LoadItem; layer: LoadedLayer }[]> {
    const label = item.source.fileName;
    const result = await runJob<LoadedLayer[]>({
      kind: 'load', label, worker: 'io', stage: 'progress.reading',
      run: ({ jobId, onProgress }) => services.io.load(jobId, item.source, item.options ?? {}, onProgress),
    });
    if (!result.ok) {
      if (result.error.code !== 'cancelled') get().reportError(label, result.error);
      return [];
    }
    if (result.value.length === 0) {
      get().reportError(label, { code: 'no-layers' });
      return [];
    }
    return result.value.map((layer) => ({ item, layer }));
  }

  return {
    jobs: {},
    errors: [],
    runJob,
    exportData: (request) => runJob({
      kind: 'export', labelKey: 'export.data.job', worker: 'io', stage: 'progress.export-data',
      run: ({ jobId, onProgress }) => services.io.exportData?.(jobId, request, onProgress) ?? Promise.resolve({ ok: false, error: { code: 'export.not-available' } }),
    }),
    async loadFiles(items, capture = 'record', replace = []) {
      const loaded = (await Promise.all(items.map(runOne))).flat();
      if (loaded.length === 0) return [];
      const base = get().doc.layers.length;
      const layers: ProjectLayer[] = [];
      const data: Record<string, LayerData> = {};
      loaded.forEach(({ item, layer: read }, i) => {
        const id = newId('layer');
        const role = item.role ?? read.roleGuess;
        // Personal fields of layers about children never reach the document (personal-fields.ts).
        const layer = withholdOnLoad(read, role);
        const category = item.category ?? layer.categoryGuess;
        layers.push({
          id,
          name: item.names?.en ?? layer.name,
          role,
          ...(role === 'facilities' && category ? { category } : {}),
          visible: true,
          opacity: 1,
          color: defaultColor(role, base + i),
          // Same object as layerData holds: the document shares it rather than copying it.
          source: item.demoFile ? { kind: 'demo', file: item.demoFile } : { kind: 'inline', data: layer.data as InlineData },
        });
        data[id] = {
          fileName: layer.fileName,
          data: layer.data,
          geometryKind: layer.geometryKind,
          bbox: layer.bbox,
          featureCount: layer.featureCount,
          fieldNames: layer.fieldNames,
          warnings: layer.warnings,
          roleGuess: layer.roleGuess,
          ...(item.names ? { names: item.names } : {}),
          ...(item.options?.bbox ? { extractBbox: item.options.bbox } : {}),
          ...(layer.withheld ? { withheld: layer.withheld } : {}),
        };
      });
      // Data first: whoever renders the new document finds its features.
      set((s) => ({ layerData: { ...s.layerData, ...data } }));
      const remove = replace.filter((id) => get().doc.layers.some((l) => l.id === id));
      if (!remove.length) get().commit(addLayers, { layers }, capture);
      else {
        // One store update, one undo step: the map redraws once, undo brings the replaced layers back.
        get().commit(replaceLayers, { remove, layers }, capture);
        get().clearResults();
      }
      return layers.map((l) => l.id);
    },
    cancelJob(id) {
      const job = get().jobs[id];
      if (!job || cancelled.has(id)) return;
      cancelled.add(id);
      patchJob(id, { stage: 'progress.cancelling' });
      if (job.worker === 'io') services.io.cancel(id);
      else services.analysis?.cancel(id);
    },
    dismissError: (id) => set((s) => ({ errors: s.errors.filter((e) => e.id !== id) })),
    reportError: (subject: string, error: JobError) =>
      set((s) => ({ errors: [...s.errors, { id: newId('error'), subject, error }] })),
  };
};
