/**
 * The add-rule form's values → the rule the store adds: a safe-route rule (age band, share in per cent,
 * scale) is validated by the core's zod schema and cross-checks like every metric, refused with its reasons
 * when invalid, and added as one undo step.
 */
import { describe, expect, it } from 'vitest';
import { createIoService } from '../../src/core/io/io-service';
import { loadBuiltinPack, needsSafeRoutes } from '../../src/core/rules';
import { createAppStore, currentRuleSet } from '../../src/state';
import { ruleDraftFromForm, usesAgeBand, usesCategory, usesThreshold } from '../../src/ui/rules/rule-draft';

/** What the form holds after the user filled it in (the selects' values are option values). */
const FILLED: Record<string, string> = {
  id: 'community.safe-route-mine', scale: 'community', titleEn: 'Safe route to school', titleZh: '安全上学路线',
  kind: 'safe_route_share', ageBand: '7-12', target: '85', severity: 'major',
  document: 'Our plan', year: '2026', clause: '§3', status: 'R',
};
/** The new rule's index: after the shipped pack's rules. */
const NEW = loadBuiltinPack('default').rules.length;
const values = (patch: Record<string, string> = {}) => (k: string) => ({ ...FILLED, ...patch })[k] ?? '';

function store() {
  const s = createAppStore({ io: createIoService() });
  s.getState().rules.chooseRuleSet('default');
  return s;
}
const added = (s: ReturnType<typeof store>) => currentRuleSet(s.getState())?.rules.find((r) => r.id === FILLED['id']);

describe('the add-rule form: a safe-route rule', () => {
  it('asks for an age band and a target, not a facility or a distance', () => {
    expect([usesAgeBand('safe_route_share'), usesCategory('safe_route_share'), usesThreshold('safe_route_share')]).toEqual([true, false, false]);
  });

  it('becomes a safe_route_share rule with the share as a fraction; added, undone and redone as one step', () => {
    const s = store();
    const st = () => s.getState();
    expect(needsSafeRoutes(currentRuleSet(st())!)).toBe(false); // the pack's own safe-route rule ships off
    // A facility and a distance left in the form (from another metric) are not part of the rule.
    expect(st().rules.addRule(ruleDraftFromForm(values({ category: 'kindergarten', threshold: '300' })))).toBe(true);
    expect(added(s)).toEqual({
      id: 'community.safe-route-mine', scale: 'community', title: { en: 'Safe route to school', zh: '安全上学路线' },
      metric: { kind: 'safe_route_share', age_band: '7-12' }, target: 0.85, severity: 'major', enabled: true,
      source: { document: 'Our plan', year: 2026, clause: '§3', confirmed: 'R', note: '' },
    });
    expect(needsSafeRoutes(currentRuleSet(st())!)).toBe(true); // the next check routes
    expect(st().history.past.at(-1)?.label).toBe('rules.put-set');
    st().undo();
    expect(added(s)).toBeUndefined();
    expect(st().doc.ruleSets).toEqual([]);
    st().redo();
    expect(added(s)?.metric).toEqual({ kind: 'safe_route_share', age_band: '7-12' });
  });

  it('is refused with the core\'s reasons: a share over 100 %, an unknown age band, a bad scale; nothing changes', () => {
    const s = store();
    const st = () => s.getState();
    const before = st().doc;
    const steps = st().history.past.length;
    expect(st().rules.addRule(ruleDraftFromForm(values({ target: '150' })))).toBe(false);
    expect(st().rules.refusal).toMatchObject({ context: 'add', issues: [{ code: 'share-target-range', path: ['rules', NEW, 'target'] }] });
    expect(st().rules.addRule(ruleDraftFromForm(values({ ageBand: '5-9' })))).toBe(false);
    expect(st().rules.refusal?.issues.map((i) => i.path.slice(2).join('.'))).toContain('metric.age_band');
    expect(st().rules.addRule(ruleDraftFromForm(values({ scale: 'planet' })))).toBe(false);
    expect(st().rules.refusal?.issues[0]).toMatchObject({ code: 'invalid_value', path: ['rules', NEW, 'scale'] });
    expect(st().doc).toBe(before);
    expect(st().history.past.length).toBe(steps);
  });

  it('other metrics keep their fields: a distance share in per cent, a count as typed', () => {
    const share = ruleDraftFromForm(values({ kind: 'share_within', category: 'kindergarten', ageBand: '4-6', threshold: '300', target: '80' }));
    expect(share).toMatchObject({ metric: { kind: 'share_within', category: 'kindergarten', age_band: '4-6', threshold_m: 300 }, target: 0.8 });
    const count = ruleDraftFromForm(values({ kind: 'facility_count', category: 'playground', target: '3' }));
    expect(count).toMatchObject({ metric: { kind: 'facility_count', category: 'playground' }, target: 3 });
  });
});
