/**
 * Pure helpers for the rule-set picker and editor: which sets exist (shipped packs + the user's own), the
 * current one, and imports. Refusals carry the core's issue codes; the UI words them.
 */
import {
  BUILTIN_PACK_IDS, loadBuiltinPack, parseRuleSet, type BuiltinPackId, type RuleSet, type RuleSetIssue,
} from '../../core/rules';

const packCache = new Map<BuiltinPackId, RuleSet>();

const isBuiltin = (id: string): id is BuiltinPackId => (BUILTIN_PACK_IDS as readonly string[]).includes(id);

/** Parsed once, so selectors return the same object on every read. */
export function builtinPack(id: BuiltinPackId): RuleSet {
  let set = packCache.get(id);
  if (!set) packCache.set(id, (set = loadBuiltinPack(id)));
  return set;
}

/** A user's copy (edited or imported) wins over the shipped pack of the same id. */
export function resolveRuleSet(id: string, custom: Readonly<Record<string, RuleSet>>): RuleSet | undefined {
  return custom[id] ?? (isBuiltin(id) ? builtinPack(id) : undefined);
}

export interface RuleSetChoice {
  readonly id: string;
  readonly set: RuleSet;
  readonly builtin: boolean;
  /** A shipped pack the user has edited. */
  readonly edited: boolean;
}

export function ruleSetChoices(custom: Readonly<Record<string, RuleSet>>): RuleSetChoice[] {
  const out: RuleSetChoice[] = BUILTIN_PACK_IDS.map((id) => ({ id, set: custom[id] ?? builtinPack(id), builtin: true, edited: id in custom }));
  for (const [id, set] of Object.entries(custom)) if (!isBuiltin(id)) out.push({ id, set, builtin: false, edited: false });
  return out;
}

export type ImportResult = { ok: true; ruleSet: RuleSet } | { ok: false; issues: RuleSetIssue[] };

/** A rule-set file's text → a validated set, or the reasons it was refused (not JSON counts as one). */
export function parseRuleSetText(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: [], code: 'not-json', params: { detail: e instanceof Error ? e.message.slice(0, 120) : '' } }] };
  }
  const r = parseRuleSet(json);
  return r.ok ? { ok: true, ruleSet: r.ruleSet } : { ok: false, issues: r.issues };
}

/** What an export writes: the set as a file would hold it (round-trips through parseRuleSet). */
export const ruleSetToJson = (set: RuleSet): string => `${JSON.stringify(set, null, 2)}\n`;
