/** --rules FILE|default|international: a built-in pack, or a rule file validated like the app's (parseRuleSet). */
import { readFileSync } from 'node:fs';
import { BUILTIN_PACK_IDS, loadBuiltinPack, parseRuleSet, type BuiltinPackId, type RuleSet } from '../core/rules';
import { ArgsError } from './analyze-args';

export function loadRuleSetArg(spec: string): RuleSet {
  if ((BUILTIN_PACK_IDS as readonly string[]).includes(spec)) return loadBuiltinPack(spec as BuiltinPackId);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(spec, 'utf8'));
  } catch (e) {
    throw new ArgsError(`--rules ${spec}: cannot read a JSON rule set (${(e as Error).message})`);
  }
  const r = parseRuleSet(json);
  if (r.ok) return r.ruleSet;
  const first = r.issues[0];
  const where = first.path.length ? first.path.join('.') : '(top level)';
  const more = r.issues.length > 1 ? ` (and ${r.issues.length - 1} more)` : '';
  throw new ArgsError(`--rules ${spec}: invalid rule set at ${where}: ${first.code} ${JSON.stringify(first.params)}${more}`);
}
