/**
 * OpenStreetMap import (.osm, .osm.gz, .osm.pbf) → the app's layers: streets, crossings, facilities, homes and
 * one boundary layer per unit level. Pure and DOM-free: the io worker and the CLI both call `importOsm`.
 */
import { CANCELLED, JobCancelledError, type CancelToken, type JobResult, type ProgressFn } from '../../jobs';
import type { LoadedLayer } from '../../model';
import { DEFAULT_OSM_CATEGORY_MAPPING } from './category-mapping';
import { detectOsmFormat } from './detect';
import { OsmImportError } from './errors';
import { interestFor } from './interest';
import { OsmStore } from './osm-store';
import type { OsmImportOptions } from './options';
import { readOsmPbf } from './pbf-stream';
import { readOsmXml } from './xml-reader';
import { buildLayers } from './build-layers';

export type { OsmImportOptions } from './options';
export { DEFAULT_OSM_CATEGORY_MAPPING, formatTagMatches, parseTagMatches, type OsmCategoryRule, type TagMatch } from './category-mapping';
export { ADMIN_LEVEL_PRESETS, DEFAULT_ADMIN_LEVEL_MAPPING, autoAdminLevels, parseAdminLevelMapping, type AdminLevelMapping } from './admin-levels';
export { DEFAULT_CHILD_ESTIMATE, ESTIMATE_PRESETS, estimateChildren, estimateHome, type ChildEstimateConfig, type EstimatePreset } from './estimate-children';
export { detectOsmFormat, type OsmFormat } from './detect';
export type { OsmErrorCode } from './errors';
export { parseMaxspeed } from './tags';

/** Share of the progress bar spent reading; the rest builds layers. */
const READ_SHARE = 0.7;
/** Hand control back this often so a cancel message (and progress) can get through. */
const YIELD_MS = 50;

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function importOsm(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: ProgressFn,
  cancel?: CancelToken,
  options: OsmImportOptions = {},
): Promise<JobResult<LoadedLayer[]>> {
  const jobId = options.jobId ?? '';
  const report = (stage: string, fraction?: number) => onProgress?.({ jobId, stage, fraction });
  try {
    if (bytes.length === 0) throw new OsmImportError('osm.empty');
    const format = detectOsmFormat(bytes);
    if (!format) throw new OsmImportError('osm.format_unknown');
    const mapping = options.categoryMapping ?? DEFAULT_OSM_CATEGORY_MAPPING;
    const store = new OsmStore(interestFor(mapping));
    const reader = format === 'pbf' ? readOsmPbf(bytes, store) : readOsmXml(bytes, format === 'xml.gz', store);
    let last = Date.now();
    for (const fraction of reader) {
      if (Date.now() - last >= YIELD_MS) {
        report('progress.osm.read', fraction * READ_SHARE);
        await tick();
        cancel?.check();
        last = Date.now();
      }
    }
    cancel?.check();
    if (store.counts.nodes + store.counts.ways + store.counts.relations === 0) throw new OsmImportError('osm.empty');
    report('progress.osm.ways', READ_SHARE);
    store.seal();
    const layers = await buildLayers(store, fileName, options, async (stage, fraction) => {
      report(stage, READ_SHARE + (1 - READ_SHARE) * fraction);
      await tick();
      cancel?.check();
    });
    report('progress.osm.done', 1);
    return { ok: true, value: layers };
  } catch (e) {
    if (e instanceof JobCancelledError) return { ok: false, error: CANCELLED };
    if (e instanceof OsmImportError) return { ok: false, error: { code: e.code, params: e.params } };
    return { ok: false, error: { code: 'osm.read_failed', params: { detail: String((e as Error)?.message ?? e).slice(0, 200) } } };
  }
}
