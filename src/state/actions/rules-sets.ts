/**
 * The user's rule sets, which live in the document (`doc.ruleSets`, saved in the project file): document
 * actions that put, remove and import a set (each one undo step), and pure helpers for the picker and
 * editor: which sets exist (shipped packs + the user's own), the current one, imports. Refusals carry the
 * core's issue codes; the UI words them.
 */
import type { Project } from '../../core/model';
import {
  BUILTIN_PACK_IDS, loadBuiltinPack, parseRuleSet, type BuiltinPackId, type RuleSet, type RuleSetIssue,
} from '../../core/rules';
import { defineAction } from './define';

/** Adds the set, or replaces the user's set of the same id in place (an edit of a shipped pack is a copy under its id). */
export const putRuleSet = defineAction('rules.put-set', (doc, { ruleSet }: { ruleSet: RuleSet }) => {
  const at = doc.ruleSets.findIndex((s) => s.id === ruleSet.id);
  if (at >= 0 && doc.ruleSets[at] === ruleSet) return doc;
  const ruleSets = at >= 0 ? doc.ruleSets.map((s, i) => (i === at ? ruleSet : s)) : [...doc.ruleSets, ruleSet];
  return { ...doc, ruleSets };
});

/** Drops the user's set (for a shipped pack's id: back to the shipped rules). */
export const removeRuleSet = defineAction('rules.remove-set', (doc, { id }: { id: string }) =>
  doc.ruleSets.some((s) => s.id === id) ? { ...doc, ruleSets: doc.ruleSets.filter((s) => s.id !== id) } : doc);

/** An imported set is stored and chosen in one step, so one Undo takes the whole import back. */
export const importRuleSetAction = defineAction('rules.import-set', (doc, { ruleSet }: { ruleSet: RuleSet }) => {
  const put = putRuleSet.apply(doc, { ruleSet });
  return put.settings.ruleSetId === ruleSet.id ? put : { ...put, settings: { ...put.settings, ruleSetId: ruleSet.id } };
});

const byIdMemo = new WeakMap<readonly RuleSet[], Readonly<Record<string, RuleSet>>>();

/** The document's sets by id; the same object for the same document, so selectors stay stable. */
export function customRuleSets(doc: Pick<Project, 'ruleSets'>): Readonly<Record<string, RuleSet>> {
  let byId = byIdMemo.get(doc.ruleSets);
  if (!byId) byIdMemo.set(doc.ruleSets, (byId = Object.fromEntries(doc.ruleSets.map((s) => [s.id, s]))));
  return byId;
}

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
