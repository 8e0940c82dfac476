import { describe, expect, it } from 'vitest';
import { CHILD_V1, parseProfile } from '../../../src/core/safety/profile';

describe('parseProfile', () => {
  it('accepts child-v1 as JSON text round trip', () => {
    const r = parseProfile(JSON.parse(JSON.stringify(CHILD_V1)));
    expect(r).toEqual({ ok: true, profile: CHILD_V1 });
  });
  it('refuses a PLTS out of range with its path', () => {
    const bad = structuredClone(CHILD_V1) as unknown as { crossing: { signals: number[] } };
    bad.crossing.signals[2] = 5;
    const r = parseProfile(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([{ path: ['crossing', 'signals', 2], code: 'too_big' }]);
  });
  it('refuses a negative penalty, an unknown key and a missing version', () => {
    const bad = { ...structuredClone(CHILD_V1), cost: { multiplier: [1, 1, 1, 1], penaltyM: [0, -1, 0, 0] }, extra: 1 } as Record<string, unknown>;
    delete bad['version'];
    const r = parseProfile(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code).sort()).toEqual(['invalid_value', 'too_small', 'unrecognized_keys']);
  });
  it('refuses arterial rows not in increasing speed', () => {
    const bad = structuredClone(CHILD_V1);
    (bad.crossing.arterial[1] as { maxKmh: number }).maxKmh = 30;
    expect(parseProfile(bad)).toEqual({ ok: false, issues: [{ path: ['crossing', 'arterial', 1, 'maxKmh'], code: 'arterial-order' }] });
  });
  it('refuses what is not an object', () => expect(parseProfile('child-v1').ok).toBe(false));
});
