/**
 * What an autosave holds. One small session record (the project document without its features, the
 * view, the open panel) points at one record per inline layer, keyed by layer id and content version, so
 * an unchanged layer is written once, not on every edit. The record format has its own version and
 * migrations; the document inside is a project file's text, so the project's own schemaVersion and
 * migrations (`loadProject`) apply to it when it is opened.
 */
import { z } from 'zod';
import type { PanelId, View } from '../types';

export const AUTOSAVE_FORMAT = 1;

/** The subject of autosave messages; also the file name the restored project is opened under. */
export const AUTOSAVE_SUBJECT = 'autosave';

export interface LayerRef {
  readonly id: string;
  readonly key: string;
  readonly featureCount: number;
}

export interface SessionRecord {
  readonly format: number;
  readonly savedAt: number;
  /** project-io's project file text with every inline layer's features left out (they are in `layers`). */
  readonly doc: string;
  /** The inline layers, in document order, each pointing at its layer record. */
  readonly layers: readonly LayerRef[];
  readonly view: View | null;
  readonly openPanel: PanelId;
  /** The document had changes not saved to a project file. */
  readonly unsaved: boolean;
}

export interface LayerRecord {
  readonly format: number;
  readonly layerId: string;
  readonly featureCount: number;
  /** The layer's FeatureCollection as JSON text (what a project file holds for it). */
  readonly data: Blob;
}

export interface RecordMigration {
  readonly from: number;
  readonly up: (raw: Record<string, unknown>) => Record<string, unknown>;
}

/** Format 1 is the first; a later format adds a step here (never edit a shipped one). */
export const RECORD_MIGRATIONS: readonly RecordMigration[] = [];

const PANELS = ['layers', 'analysis', 'rules', 'sketch', 'export', 'safety'] as const satisfies readonly PanelId[];

const sessionSchema = z.object({
  format: z.number().int(),
  savedAt: z.number(),
  doc: z.string().min(2),
  layers: z.array(z.object({ id: z.string().min(1), key: z.string().min(1), featureCount: z.number().int().nonnegative() })),
  view: z.object({ zoom: z.number(), lat: z.number(), lng: z.number() }).nullable(),
  // A panel this build does not know is not damage: the layers panel opens instead.
  openPanel: z.enum(PANELS).catch('layers'),
  unsaved: z.boolean(),
});

export type RecordCheck<T> = { ok: true; value: T } | { ok: false; code: 'too-new' | 'damaged'; detail: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The session record, migrated to the current format; refused (never guessed at) when newer or damaged. */
export function readSessionRecord(
  raw: unknown,
  migrations: readonly RecordMigration[] = RECORD_MIGRATIONS,
  current: number = AUTOSAVE_FORMAT,
): RecordCheck<SessionRecord> {
  if (!isObject(raw)) return { ok: false, code: 'damaged', detail: 'the record is not an object' };
  const format = raw['format'];
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) return { ok: false, code: 'damaged', detail: 'the record has no format version' };
  if (format > current) return { ok: false, code: 'too-new', detail: `format ${format}, this app reads up to ${current}` };
  let rec = raw;
  for (let v = format; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, code: 'damaged', detail: `no migration from format ${v}` };
    rec = { ...step.up(rec), format: v + 1 };
  }
  const parsed = sessionSchema.safeParse(rec);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, code: 'damaged', detail: `${first?.path.join('.') || '(record)'}: ${first?.message ?? 'invalid'}` };
  }
  return { ok: true, value: parsed.data };
}

/** A layer record as the session record's reference expects it. */
export function readLayerRecord(raw: unknown, ref: LayerRef): RecordCheck<LayerRecord> {
  if (!isObject(raw)) return { ok: false, code: 'damaged', detail: `the data of layer ${ref.id} is missing` };
  const format = raw['format'];
  if (typeof format === 'number' && format > AUTOSAVE_FORMAT) return { ok: false, code: 'too-new', detail: `layer ${ref.id}: format ${format}` };
  // Not checked against ref.id: a layer renamed on reopen (ids taken in the session) keeps its record.
  if (format !== AUTOSAVE_FORMAT || !(raw['data'] instanceof Blob)) {
    return { ok: false, code: 'damaged', detail: `the data of layer ${ref.id} is unreadable` };
  }
  return { ok: true, value: raw as unknown as LayerRecord };
}
