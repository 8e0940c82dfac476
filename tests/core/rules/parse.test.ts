/* eslint-disable @typescript-eslint/no-explicit-any -- the edits write deliberately invalid, untyped JSON */
/** Rule-set validation: valid files load; invalid edits are refused with the right code and path. */
import { describe, expect, it } from 'vitest';
import { parseRuleSet, RULE_SET_MIGRATIONS, RULE_SET_SCHEMA_VERSION, type RuleSetMigration } from '../../../src/core/rules';
import { rule, ruleSetDoc, SOURCE } from '../../fixtures/rules/rule-builders';

const share = { kind: 'share_within', category: 'kindergarten', age_band: '4-6', threshold_m: 300 } as const;
const good = () => ruleSetDoc([rule('k', 'community', share, 0.8), rule('s', 'street', { kind: 'child_friendly_subunits' }, 1)]);

/** Apply an edit to a fresh valid document and return the issues (or [] if it was accepted). */
function refuse(edit: (doc: Record<string, any>) => void, options = {}) {
  const doc = JSON.parse(JSON.stringify(good()));
  edit(doc);
  const r = parseRuleSet(doc, options);
  return r.ok ? [] : r.issues.map((i) => ({ path: i.path.join('.'), code: i.code, params: i.params }));
}

describe('parseRuleSet accepts', () => {
  it('a valid set, fills defaults, and round-trips through JSON unchanged', () => {
    const r = parseRuleSet(good());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ruleSet.rules[0].enabled).toBe(true);
    expect(parseRuleSet(JSON.parse(JSON.stringify(r.ruleSet)))).toEqual({ ok: true, ruleSet: r.ruleSet, migratedFrom: undefined });
  });
  it('a user category when the caller lists it', () => {
    expect(refuse((d) => { d.rules[0].metric.category = 'library'; }, { categories: ['library'] })).toEqual([]);
  });
});

describe('parseRuleSet refuses', () => {
  it.each([
    ['a negative threshold', (d: any) => { d.rules[0].metric.threshold_m = -5; }, 'rules.0.metric.threshold_m', 'too_small'],
    ['an unknown metric', (d: any) => { d.rules[0].metric.kind = 'vibes'; }, 'rules.0.metric.kind', 'invalid_union'],
    ['an unknown severity', (d: any) => { d.rules[0].severity = 'catastrophic'; }, 'rules.0.severity', 'invalid_value'],
    ['an unknown scale', (d: any) => { d.rules[0].scale = 'province'; }, 'rules.0.scale', 'invalid_value'],
    ['an unknown source status', (d: any) => { d.rules[0].source.confirmed = 'X'; }, 'rules.0.source.confirmed', 'invalid_value'],
    ['a missing Chinese title', (d: any) => { delete d.rules[0].title.zh; }, 'rules.0.title.zh', 'invalid_type'],
    ['a misspelt key', (d: any) => { d.rules[0].metric.treshold_m = 300; }, 'rules.0.metric', 'unrecognized_keys'],
    ['a share target above 1', (d: any) => { d.rules[0].target = 80; }, 'rules.0.target', 'share-target-range'],
    ['a duplicate id', (d: any) => { d.rules[1].id = 'k'; }, 'rules.1.id', 'duplicate-id'],
    ['an unknown category', (d: any) => { d.rules[0].metric.category = 'zoo'; }, 'rules.0.metric', 'unknown-category'],
    ['child-friendly communities counted below communities', (d: any) => { d.rules[1].scale = 'community'; }, 'rules.1.scale', 'no-subunit-level'],
    ['a sub-unit count with no rules one level down', (d: any) => { d.rules[0].enabled = false; }, 'rules.1.metric', 'no-subunit-rules'],
    ['a newer schema', (d: any) => { d.schemaVersion = RULE_SET_SCHEMA_VERSION + 1; }, 'schemaVersion', 'too-new'],
    ['a missing schema version', (d: any) => { delete d.schemaVersion; }, 'schemaVersion', 'no-version'],
  ])('%s', (_name, edit, path, code) => {
    const issues = refuse(edit);
    expect(issues.map((i) => [i.path, i.code])).toContainEqual([path, code]);
  });

  it('with the reason\'s parameters', () => {
    expect(refuse((d) => { d.rules[0].metric.category = 'zoo'; })[0].params).toEqual({ category: 'zoo' });
    expect(refuse((d) => { d.rules[1].id = 'k'; })[0].params).toEqual({ id: 'k', first: 0 });
    expect(refuse((d) => { d.rules[0].metric.threshold_m = 0; })[0].params).toMatchObject({ minimum: 0, inclusive: false });
    expect(refuse((d) => { d.rules[0].severity = 'x'; })[0].params).toEqual({ values: ['info', 'minor', 'major', 'critical'] });
  });

  it('anything that is not an object', () => {
    for (const raw of [null, 3, 'rules', []]) {
      expect(parseRuleSet(raw)).toEqual({ ok: false, issues: [{ path: [], code: 'not-an-object', params: {} }] });
    }
  });
});

describe('migrations', () => {
  // A pretend v0 that called the rule list `checks`; the hook lifts it before validation.
  const v0 = { schemaVersion: 0, id: 'old', version: '0', title: { en: 'Old', zh: '旧' },
    checks: [{ id: 'k', scale: 'community', title: { en: 'k', zh: 'k' }, metric: share, target: 0.8, severity: 'minor', source: SOURCE }] };
  const step: RuleSetMigration = { from: 0, description: 'checks → rules', up: ({ checks, ...rest }) => ({ ...rest, rules: checks }) };

  it('runs the steps in order and reports where it started', () => {
    const r = parseRuleSet(v0, { migrations: [step, ...RULE_SET_MIGRATIONS] });
    expect(r.ok && r.migratedFrom).toBe(0);
    expect(r.ok && r.ruleSet.rules.map((x) => x.id)).toEqual(['k']);
  });
  it('refuses an old file with no step', () => {
    expect(parseRuleSet(v0)).toEqual({ ok: false, issues: [{ path: ['schemaVersion'], code: 'no-migration', params: { from: 0 } }] });
  });
});
