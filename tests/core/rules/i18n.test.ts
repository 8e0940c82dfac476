/** Every code the rules core emits has words in both languages (the UI looks them up in rules.json). */
import { describe, expect, it } from 'vitest';
import { UNIT_LEVELS } from '../../../src/core/model';
import {
  COMPARATORS, METRIC_KINDS, RULE_REASONS, RULE_SET_ISSUE_CODES, RULE_STATUSES, SEVERITIES, SKIP_CODES, SOURCE_STATUSES,
} from '../../../src/core/rules';
import en from '../../../src/i18n/locales/en/rules.json';
import zh from '../../../src/i18n/locales/zh/rules.json';

const ZOD_CODES = ['invalid_type', 'too_small', 'too_big', 'invalid_value', 'unrecognized_keys', 'invalid_union', 'invalid_format', 'custom'];

const needed = [
  ...UNIT_LEVELS.map((l) => `rules.scale.${l}`),
  ...SEVERITIES.map((s) => `rules.severity.${s}`),
  ...COMPARATORS.map((c) => `rules.comparator.${c}`),
  ...METRIC_KINDS.map((m) => `rules.metric.${m}`),
  ...SOURCE_STATUSES.map((s) => `rules.status.${s}`),
  ...[...RULE_SET_ISSUE_CODES, ...ZOD_CODES].map((c) => `rules.issue.${c}`),
  ...SKIP_CODES.map((c) => `rules.skip.${c}`),
  ...RULE_STATUSES.map((s) => `rules.verdict.${s}`),
  ...RULE_REASONS.map((r) => `rules.reason.${r}`),
];

describe('rules.json', () => {
  it.each([['en', en], ['zh', zh]] as const)('%s has every code', (_lang, strings) => {
    const missing = needed.filter((k) => typeof (strings as Record<string, string>)[k] !== 'string');
    expect(missing).toEqual([]);
  });
  it('en and zh have the same keys and the same {{params}} per key', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const params = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
    for (const [k, v] of Object.entries(en)) expect(params((zh as Record<string, string>)[k]), k).toEqual(params(v));
  });
});
