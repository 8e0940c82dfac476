/** The one entry the dialog calls: the asked export, with every failure turned into a code. */
import type { AppState } from '../state';
import { exportMapPage, type ExportEnv } from './export-map';
import { exportGapReport } from './gap-report';
import { exportAtlas } from './atlas-export';
import type { ExportOptions, ExportResult } from './options';

export const EXPORT_CANCELLED = 'export.cancelled';

export async function runExport(s: AppState, o: ExportOptions, env: ExportEnv): Promise<ExportResult> {
  try {
    if (o.kind === 'map') return await exportMapPage(s, o, env);
    if (o.kind === 'report' && o.format === 'pdf') return await exportGapReport(s, o, env);
    if (o.kind === 'atlas' && o.format === 'pdf') return await exportAtlas(s, o, env);
    return { ok: false, code: 'export.not-available' };
  } catch (e) {
    if (env.signal?.aborted) return { ok: false, code: EXPORT_CANCELLED };
    const msg = String((e as Error)?.message ?? e);
    const code = /^(export|print)\.[\w-]+/.exec(msg)?.[0];
    return code ? { ok: false, code, params: { detail: msg.slice(0, 200) } } : { ok: false, code: 'export.failed', params: { detail: msg.slice(0, 200) } };
  }
}

/** Starts the browser's download of the result (a Blob URL: nothing leaves the machine). */
export function download(bytes: Uint8Array, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
