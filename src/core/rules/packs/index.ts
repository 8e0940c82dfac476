/** The rule packs shipped with the app, as raw JSON: parse them like any user file (parseRuleSet). */
import defaultPack from './default.json';
import internationalPack from './international.json';
import { parseRuleSet } from '../parse';
import type { RuleSet } from '../schema';

export const BUILTIN_PACK_IDS = ['default', 'international'] as const;
export type BuiltinPackId = (typeof BUILTIN_PACK_IDS)[number];

export const BUILTIN_PACKS: Readonly<Record<BuiltinPackId, unknown>> = {
  default: defaultPack,
  international: internationalPack,
};

/** A shipped pack, validated; throws only if a shipped file is broken (a test guards against that). */
export function loadBuiltinPack(id: BuiltinPackId): RuleSet {
  const r = parseRuleSet(BUILTIN_PACKS[id]);
  if (!r.ok) throw new Error(`built-in rule pack ${id} is invalid: ${JSON.stringify(r.issues[0])}`);
  return r.ruleSet;
}
