/**
 * Project-file migrations. Each step lifts a document from `from` to `from + 1`; `loadProject` runs the
 * steps in order and then validates against the current schema. Never edit a shipped step: add one.
 */
import { PROJECT_SCHEMA_VERSION, projectSchema, type Project } from './project';

export interface Migration {
  readonly from: number;
  readonly description: string;
  readonly up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

/** Version 1 is the first released schema, so no step exists yet; v0 (pre-release drafts) is refused. */
export const MIGRATIONS: readonly Migration[] = [];

export type ProjectLoadResult =
  | { ok: true; project: Project; migratedFrom?: number }
  | { ok: false; code: 'not-an-object' | 'no-version' | 'too-new' | 'no-migration' | 'invalid'; detail: string };

export function loadProject(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = PROJECT_SCHEMA_VERSION,
): ProjectLoadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, code: 'not-an-object', detail: 'a project file must be a JSON object' };
  }
  let doc = raw as Record<string, unknown>;
  const version = doc['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, code: 'no-version', detail: 'schemaVersion is missing' };
  }
  if (version > current) {
    return { ok: false, code: 'too-new', detail: `schemaVersion ${version} is newer than this app (${current})` };
  }
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, code: 'no-migration', detail: `no migration from schemaVersion ${v}` };
    doc = { ...step.up(doc), schemaVersion: v + 1 };
  }
  const parsed = projectSchema.safeParse(doc);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, code: 'invalid', detail: `${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}` };
  }
  return { ok: true, project: parsed.data, migratedFrom: version < current ? version : undefined };
}
