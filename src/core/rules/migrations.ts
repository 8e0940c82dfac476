/**
 * Rule-set migrations, like src/core/model/migrations.ts: each step lifts a document from `from` to
 * `from + 1`; parseRuleSet runs them before validation. Never edit a shipped step: add one.
 */
import { RULE_SET_SCHEMA_VERSION } from './schema';
import type { RuleSetIssue } from './parse';

export interface RuleSetMigration {
  readonly from: number;
  readonly description: string;
  readonly up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

/** Version 1 is the first released schema, so no step exists yet. */
export const RULE_SET_MIGRATIONS: readonly RuleSetMigration[] = [];

export type MigrateResult =
  | { ok: true; doc: Record<string, unknown>; migratedFrom?: number }
  | { ok: false; issues: RuleSetIssue[] };

export function migrateRuleSet(
  raw: unknown,
  migrations: readonly RuleSetMigration[] = RULE_SET_MIGRATIONS,
  current: number = RULE_SET_SCHEMA_VERSION,
): MigrateResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: [], code: 'not-an-object', params: {} }] };
  }
  let doc = raw as Record<string, unknown>;
  const version = doc['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, issues: [{ path: ['schemaVersion'], code: 'no-version', params: {} }] };
  }
  if (version > current) {
    return { ok: false, issues: [{ path: ['schemaVersion'], code: 'too-new', params: { version, current } }] };
  }
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, issues: [{ path: ['schemaVersion'], code: 'no-migration', params: { from: v } }] };
    doc = { ...step.up(doc), schemaVersion: v + 1 };
  }
  return { ok: true, doc, migratedFrom: version < current ? version : undefined };
}
