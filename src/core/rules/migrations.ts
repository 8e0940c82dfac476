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

/** Shenzhen's resident population at the 7th national census (1 Nov 2020), the target year of the 800 rooms. */
export const SHENZHEN_POPULATION_2020 = 17_560_061;

/**
 * 1 → 2: rules may carry `populationBase`. A v1 document is a valid v2 one; only the one rule whose target is
 * known to be Shenzhen's (≥ 800 mother-and-baby rooms, as the v1 default pack shipped it, unedited) gets its
 * base, so a saved copy of the default pack scales like the shipped one. Edited or other rules stay as written.
 */
const v1AddPopulationBase: RuleSetMigration = {
  from: 1,
  description: 'populationBase for the Shenzhen mother-and-baby-room count',
  up: (doc) => {
    const rules = doc['rules'];
    if (!Array.isArray(rules)) return doc;
    return { ...doc, rules: rules.map((r: unknown) => (isShenzhenRoomsRule(r) ? { ...r, populationBase: SHENZHEN_POPULATION_2020 } : r)) };
  },
};

function isShenzhenRoomsRule(r: unknown): r is Record<string, unknown> {
  if (typeof r !== 'object' || r === null) return false;
  const rule = r as Record<string, unknown>;
  const m = rule['metric'] as Record<string, unknown> | undefined;
  return rule['id'] === 'city.mother-baby-rooms-800' && rule['target'] === 800 && rule['populationBase'] === undefined
    && m?.['kind'] === 'facility_count' && m['category'] === 'mother_baby_room' && m['per_1000_children'] === undefined;
}

export const RULE_SET_MIGRATIONS: readonly RuleSetMigration[] = [v1AddPopulationBase];

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
