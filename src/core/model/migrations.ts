/**
 * Project-file migrations and refusals. Each step lifts a document from `from` to `from + 1`;
 * `migrateProject` checks the version and runs the steps in order, `validateProject` checks the result
 * against the current schema. Never edit a shipped step: add one. Refusals are codes with parameters
 * (the UI words them as `error.project.<code>`); `detail` is an English line for logs and tests only.
 */
import type { z } from 'zod';
import { PROJECT_FIELDS, PROJECT_SCHEMA_VERSION, projectSchema, type Project } from './project';

export interface Migration {
  readonly from: number;
  readonly description: string;
  readonly up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * 1 → 2: rule sets move into the document. A version 1 file never held the user's rule sets (they lived
 * in the session and were lost on save), so it gets an empty `ruleSets`; its `settings.ruleSetId` is
 * kept as written (a shipped pack id opens that pack; an id of a lost user set shows as missing).
 */
const v1RuleSetsInDocument: Migration = {
  from: 1,
  description: 'ruleSets: the user\'s rule sets are saved in the project',
  up: (doc) => ({ ...doc, ruleSets: Array.isArray(doc['ruleSets']) ? doc['ruleSets'] : [] }),
};

/** Version 0 (pre-release drafts) is refused: no step lifts it. */
export const MIGRATIONS: readonly Migration[] = [v1RuleSetsInDocument];

export type ProjectRefusalCode =
  | 'not-an-object' | 'no-version' | 'version-not-number' | 'too-new' | 'no-migration' | 'unknown-field' | 'invalid';

export interface ProjectRefusal {
  readonly ok: false;
  readonly code: ProjectRefusalCode;
  readonly params: Readonly<Record<string, string | number>>;
  readonly detail: string;
}

export type ProjectLoadResult = { ok: true; project: Project; migratedFrom?: number } | ProjectRefusal;

export type MigrateResult = { ok: true; doc: Record<string, unknown>; migratedFrom?: number } | ProjectRefusal;

const refuse = (code: ProjectRefusalCode, params: Record<string, string | number>, detail: string): ProjectRefusal =>
  ({ ok: false, code, params, detail });

/** A value as the file wrote it, short (for "got …" in messages). */
const shown = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

export function migrateProject(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = PROJECT_SCHEMA_VERSION,
): MigrateResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return refuse('not-an-object', {}, 'a project file must be a JSON object');
  }
  let doc = raw as Record<string, unknown>;
  const version = doc['schemaVersion'];
  if (version === undefined || version === null) return refuse('no-version', {}, 'schemaVersion is missing');
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return refuse('version-not-number', { got: shown(version) }, `schemaVersion must be a number, got ${shown(version)}`);
  }
  if (version > current) {
    return refuse('too-new', { version, current }, `schemaVersion ${version} is newer than this app (${current})`);
  }
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return refuse('no-migration', { version: v }, `no migration from schemaVersion ${v}`);
    doc = { ...step.up(doc), schemaVersion: v + 1 };
  }
  return { ok: true, doc, ...(version < current ? { migratedFrom: version } : {}) };
}

/** Checks a migrated document against the current schema; the first problem is reported with its path. */
export function validateProject(doc: Record<string, unknown>, fields: readonly string[] = PROJECT_FIELDS): ProjectLoadResult {
  const unknown = Object.keys(doc).filter((k) => !fields.includes(k));
  if (unknown.length) {
    return refuse('unknown-field', { field: unknown.slice(0, 5).join(', '), count: unknown.length }, `unknown top-level field(s): ${unknown.join(', ')}`);
  }
  const parsed = projectSchema.safeParse(doc);
  if (!parsed.success) return refuse('invalid', ...firstIssue(parsed.error));
  return { ok: true, project: parsed.data };
}

function firstIssue(error: z.ZodError): [Record<string, string>, string] {
  const first = error.issues[0];
  const path = first?.path.map(String).join('.') || '(root)';
  const issue = first?.code ?? 'invalid';
  return [{ path, issue }, `${path}: ${first?.message ?? 'invalid'}`];
}

export function loadProject(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = PROJECT_SCHEMA_VERSION,
): ProjectLoadResult {
  const m = migrateProject(raw, migrations, current);
  if (!m.ok) return m;
  const v = validateProject(m.doc);
  if (!v.ok) return v;
  return { ok: true, project: v.project, migratedFrom: m.migratedFrom };
}
