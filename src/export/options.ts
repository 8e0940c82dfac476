/** What the export dialog asks for; the renderer takes it as it is. */
import type { Orientation, PaperSize, PrintDpi } from '../core/print';
import type { UnitLevel } from '../core/model';

/** 'data': every layer and result as files (ui/export/DataExport.tsx), not a page. */
export type ExportKind = 'map' | 'report' | 'atlas' | 'data';
export type ExportFormat = 'pdf' | 'png';

export interface ExportOptions {
  readonly kind: ExportKind;
  readonly format: ExportFormat;
  readonly paper: PaperSize;
  readonly orientation: Orientation;
  readonly dpi: PrintDpi;
  readonly title: string;
  readonly subtitle: string;
  /** yyyy-mm-dd: printed in the footer and the PDF's creation date, so the same date gives the same bytes. */
  readonly date: string;
  readonly atlas: { readonly level: UnitLevel; readonly filter: string; readonly sortBy: 'code' | 'name'; readonly zip: boolean };
}

/** The export date as a UTC midnight (an invalid date falls back to 1970-01-01, never to "now"). */
export function exportDate(date: string): Date {
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

export type ExportResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly fileName: string; readonly mime: string; readonly pages: number }
  | { readonly ok: false; readonly code: string; readonly params?: Readonly<Record<string, string | number>> };

/** A file name from the title: characters that file systems refuse become '_'. */
export const pdfName = (title: string, fallback: string): string => `${(title.trim() || fallback).replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)}.pdf`;

/**
 * `p`, or a rejection with `export.cancelled` as soon as `signal` aborts: a page render (map idle, JPEG,
 * fonts) can take seconds, and Cancel must not wait for it. The work behind `p` is torn down by the caller.
 */
export function unlessAborted<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new Error('export.cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('export.cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
