/**
 * The io worker's service (IoApi in src/protocol/io-api.ts), also used in-process by Node tests and
 * the app's test transport. One cancel token per job id; cancel() of an unknown or finished job is a no-op.
 */
import { CANCELLED, createCancelToken, type CancelToken, type JobId, type JobResult, type ProgressFn } from '../jobs';
import type { LoadedLayer } from '../model';
import { readLayer } from './read-layer';
import type { IoEnv, ReadOptions } from './read-options';
import { applyLayerFix, LAYER_FIXES, type LayerFix } from './layer-fix';
import type { ChildEstimateConfig } from './osm/estimate-children';
import { readProjectSource, type ProjectRead, type ProjectReadOptions } from './project-read';
import { byteSource, type ReadSource } from './byte-source';
import { buildDataZip, type DataZip, type DataZipRequest } from '../../core/export/data-zip'; // core's export, not src/export (the lint pattern cannot tell them apart)
import { loadSqlJs } from './geopackage';
import { JobCancelledError } from '../jobs';

export interface IoService {
  load(jobId: JobId, source: ReadSource, options: ReadOptions, onProgress: ProgressFn): Promise<JobResult<LoadedLayer[]>>;
  cancel(jobId: JobId): void;
  fix(layer: LoadedLayer, fix: LayerFix, estimate?: Partial<ChildEstimateConfig>): Promise<JobResult<LoadedLayer>>;
  readProject(jobId: JobId, source: ReadSource, onProgress?: ProgressFn, options?: ProjectReadOptions): Promise<JobResult<ProjectRead>>;
  exportData(jobId: JobId, request: DataZipRequest, onProgress?: ProgressFn): Promise<JobResult<DataZip>>;
}

export function createIoService(env: IoEnv = {}): IoService {
  const jobs = new Map<JobId, CancelToken & { cancel(): void }>();
  return {
    async load(jobId, source, options, onProgress) {
      const token = createCancelToken();
      jobs.get(jobId)?.cancel();
      jobs.set(jobId, token);
      try {
        const report: ProgressFn = (p) => {
          try {
            onProgress?.({ ...p, jobId });
          } catch {
            // A closed progress channel must not fail the load.
          }
        };
        return await readLayer(source, options ?? {}, report, token, env);
      } finally {
        if (jobs.get(jobId) === token) jobs.delete(jobId);
      }
    },
    cancel(jobId) {
      jobs.get(jobId)?.cancel();
    },
    async fix(layer, fix, estimate): Promise<JobResult<LoadedLayer>> {
      if (!LAYER_FIXES.includes(fix)) return { ok: false, error: { code: 'fix-unknown', params: { fix: String(fix) } } };
      try {
        return { ok: true, value: applyLayerFix(layer, fix, estimate) };
      } catch (e) {
        return { ok: false, error: { code: 'fix-failed', params: { file: layer.fileName, detail: String((e as Error)?.message ?? e).slice(0, 200) } } };
      }
    },
    async readProject(jobId, source, onProgress, options): Promise<JobResult<ProjectRead>> {
      const fileName = source?.fileName || 'project.json';
      const src = byteSource(source);
      if (!src) return { ok: false, error: { code: 'project.empty', params: { file: fileName } } };
      const token = createCancelToken();
      jobs.get(jobId)?.cancel();
      jobs.set(jobId, token);
      const report: ProgressFn = (p) => {
        try {
          onProgress?.({ ...p, jobId });
        } catch {
          // A closed progress channel must not fail the read.
        }
      };
      try {
        return await readProjectSource(src, fileName, options, report, token);
      } finally {
        if (jobs.get(jobId) === token) jobs.delete(jobId);
      }
    },
    async exportData(jobId, request, onProgress): Promise<JobResult<DataZip>> {
      const token = createCancelToken();
      jobs.get(jobId)?.cancel();
      jobs.set(jobId, token);
      try {
        let sql;
        if (request.formats.includes('gpkg')) {
          try {
            sql = await loadSqlJs(env);
          } catch {
            return { ok: false, error: { code: 'export.data.gpkg-unavailable' } };
          }
        }
        return { ok: true, value: await buildDataZip(request, { sql }, token, (p) => { try { onProgress?.({ ...p, jobId }); } catch { /* closed channel */ } }, jobId) };
      } catch (e) {
        if (e instanceof JobCancelledError) return { ok: false, error: CANCELLED };
        return { ok: false, error: { code: 'export.data.failed', params: { detail: String((e as Error)?.message ?? e).slice(0, 200) } } };
      } finally {
        if (jobs.get(jobId) === token) jobs.delete(jobId);
      }
    },
  };
}
