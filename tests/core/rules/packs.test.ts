/** The shipped packs: valid, sourced, and holding the targets the product promises (../shared/design/PRODUCT.md, docs/standards.md). */
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORY_IDS } from '../../../src/core/model';
import {
  BUILTIN_PACK_IDS, BUILTIN_PACKS, evaluateRules, isShareMetric, loadBuiltinPack, parseRuleSet, type Rule,
} from '../../../src/core/rules';
import { access, tinyInputs } from '../../fixtures/rules/tiny-city';

const threshold = (r: Rule) => ('threshold_m' in r.metric ? r.metric.threshold_m : undefined);
const find = (rules: Rule[], p: (r: Rule) => boolean) => rules.filter(p);

describe.each(BUILTIN_PACK_IDS)('pack %s', (id) => {
  it('validates', () => {
    const r = parseRuleSet(BUILTIN_PACKS[id]);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  const rules = loadBuiltinPack(id).rules;

  it('cites a source with a status for every rule, and marks our share targets as ours', () => {
    for (const r of rules) {
      expect(r.source.document.length, r.id).toBeGreaterThan(3);
      expect(r.source.clause.length, r.id).toBeGreaterThan(3);
      expect(['C', 'P', 'R']).toContain(r.source.confirmed);
      expect(r.title.en.length * r.title.zh.length, r.id).toBeGreaterThan(0);
      if (isShareMetric(r.metric.kind)) expect(r.source.note, r.id).toMatch(/\bours\b/);
    }
  });

  it('evaluates on a small city with access to every category, skipping nothing', () => {
    const inputs = tinyInputs();
    const n = inputs.homes.ids.length;
    const all = BUILTIN_CATEGORY_IDS.map((c) => access(c, Array.from({ length: n }, (_, h) => 150 * h)));
    const ev = evaluateRules(loadBuiltinPack(id), { ...inputs, access: all });
    expect(ev.summary.skipped).toEqual([]);
    expect(ev.summary.rulesEvaluated).toBe(rules.filter((r) => r.enabled).length);
  });
});

describe('default pack holds the Shenzhen targets and the GB 50180-2018 circles', () => {
  const rules = loadBuiltinPack('default').rules;
  it('≥ 800 mother-and-baby rooms citywide', () => {
    expect(find(rules, (r) => r.scale === 'city' && r.metric.kind === 'facility_count' && r.metric.category === 'mother_baby_room')
      .map((r) => r.target)).toEqual([800]);
  });
  it('≥ 1 child-friendly street per district and ≥ 1 child-friendly community per street', () => {
    const cf = find(rules, (r) => r.metric.kind === 'child_friendly_subunits').map((r) => [r.scale, r.target]);
    expect(cf).toEqual([['street', 1], ['district', 1]]);
  });
  it.each([['nursery', 300], ['kindergarten', 300], ['primary_school', 500], ['middle_school', 1000]])(
    '%s within %i m', (category, m) => {
      expect(find(rules, (r) => r.metric.kind === 'share_within' && r.metric.category === category).map(threshold)).toContain(m);
    });
  it('community rules stay within a 10-minute walk, street rules within 15 minutes', () => {
    const distance = (r: Rule) => (r.metric.kind === 'worst_distance' ? r.target : threshold(r));
    for (const r of rules) {
      const d = distance(r);
      if (d === undefined) continue;
      expect(d, r.id).toBeLessThanOrEqual(r.scale === 'community' ? 500 : 1000);
    }
  });
});

describe('international pack holds Fields in Trust and Safe Routes to School', () => {
  const rules = loadBuiltinPack('international').rules;
  const distances = (category: string) => find(rules, (r) => 'category' in r.metric && r.metric.category === category)
    .map((r) => (r.metric.kind === 'worst_distance' ? r.target : threshold(r))).filter((d) => d !== undefined);
  it('LAP 100 m, LEAP 400 m, NEAP 1000 m and their activity zones', () => {
    expect(distances('playground')).toEqual(expect.arrayContaining([100, 400, 1000]));
    const areas = find(rules, (r) => r.metric.kind === 'presence').map((r) => (r.metric.kind === 'presence' ? r.metric.min_area_m2 : 0));
    expect(areas).toEqual(expect.arrayContaining([100, 400, 1000]));
  });
  it('walk zones 800 m, 1.6 km and 2.4 km', () => {
    expect([...distances('primary_school'), ...distances('middle_school')]).toEqual(expect.arrayContaining([800, 1600, 2400]));
  });
});
