import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_PROPERTY_KEYS,
  NOTE_MAX_CHARS,
  isExpired,
  isValidMetaValue,
  sanitizeFeature,
  type SketchIssue,
} from '../../../src/core/sketch';

const point = { type: 'Point', coordinates: [114.05, 22.54] };
const wish = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  id: 'f1',
  geometry: point,
  properties,
  ...extra,
});
const codes = (issues: SketchIssue[]) => issues.map((i) => (i.key ? `${i.code}:${i.key}` : i.code));

describe('sanitizeFeature', () => {
  it('keeps a valid feature unchanged, with no issues', () => {
    const f = wish({ kind: 'wish', age_band: '7_12', group: 'class 3b', note: '滑梯', emoji: '🛝', status: 'open', created: '2026-12-03T07:00:00Z' });
    const r = sanitizeFeature('f1', f);
    expect(r.issues).toEqual([]);
    expect(r.feature).toEqual(f);
  });

  it('strips unknown keys and keeps the rest', () => {
    const r = sanitizeFeature('f1', wish({ kind: 'danger', name: 'Li Wei', photo: 'x', age_band: '4_6' }));
    expect(codes(r.issues)).toEqual(['unknown_key:name', 'unknown_key:photo']);
    expect(r.feature?.properties).toEqual({ kind: 'danger', age_band: '4_6' });
  });

  it('removes values outside their rule', () => {
    const r = sanitizeFeature(
      'f1',
      wish({ kind: 'wish', age_band: '7-12', status: 'maybe', note: 'x'.repeat(NOTE_MAX_CHARS + 1), created: 'yesterday', emoji: '' }),
    );
    expect(codes(r.issues).sort()).toEqual(
      ['bad_value:age_band', 'bad_value:created', 'bad_value:emoji', 'bad_value:note', 'bad_value:status'].sort(),
    );
    expect(r.feature?.properties).toEqual({ kind: 'wish' });
  });

  it('counts the note in characters, not UTF-16 units', () => {
    const emojiNote = '🙂'.repeat(NOTE_MAX_CHARS); // 280 UTF-16 units, 140 characters
    expect(sanitizeFeature('f1', wish({ kind: 'wish', note: emojiNote })).issues).toEqual([]);
  });

  it('keeps category and source_id on proposals only', () => {
    const proposal = sanitizeFeature('f1', wish({ kind: 'proposal', category: 'playground', source_id: 'w7' }));
    expect(proposal.issues).toEqual([]);
    const onWish = sanitizeFeature('f1', wish({ kind: 'wish', category: 'playground', source_id: 'w7' }));
    expect(codes(onWish.issues)).toEqual(['proposal_only:category', 'proposal_only:source_id']);
    expect(sanitizeFeature('f1', wish({ kind: 'proposal', category: 'Play Ground!' })).feature?.properties).toEqual({
      kind: 'proposal',
    });
  });

  it('drops a feature without a valid kind, geometry or shape', () => {
    expect(codes(sanitizeFeature('f1', wish({ kind: 'party' })).issues)).toEqual(['bad_kind']);
    expect(codes(sanitizeFeature('f1', wish({})).issues)).toEqual(['bad_kind']);
    expect(sanitizeFeature('f1', { ...wish({ kind: 'wish' }), geometry: { type: 'MultiPoint', coordinates: [[0, 0]] } }).feature).toBeNull();
    expect(sanitizeFeature('f1', { ...wish({ kind: 'wish' }), geometry: { type: 'Point', coordinates: [200, 10] } }).feature).toBeNull();
    expect(sanitizeFeature('f1', { ...wish({ kind: 'wish' }), geometry: { type: 'Point', coordinates: [10, 95] } }).feature).toBeNull();
    expect(sanitizeFeature('f1', { ...wish({ kind: 'wish' }), geometry: { type: 'Point', coordinates: [Number.NaN, 1] } }).feature).toBeNull();
    expect(sanitizeFeature('f1', 'a string').feature).toBeNull();
    expect(sanitizeFeature('f1', { type: 'FeatureCollection', features: [] }).feature).toBeNull();
    expect(sanitizeFeature('', wish({ kind: 'wish' })).feature).toBeNull();
  });

  it('checks line and polygon shapes', () => {
    const line = { type: 'LineString', coordinates: [[114, 22], [114.001, 22.001]] };
    expect(sanitizeFeature('f1', { ...wish({ kind: 'route' }), geometry: line }).issues).toEqual([]);
    expect(sanitizeFeature('f1', { ...wish({ kind: 'route' }), geometry: { type: 'LineString', coordinates: [[114, 22]] } }).feature).toBeNull();
    const closed = [[0, 0], [1, 0], [1, 1], [0, 0]];
    expect(sanitizeFeature('f1', { ...wish({ kind: 'barrier' }), geometry: { type: 'Polygon', coordinates: [closed] } }).issues).toEqual([]);
    const open = [[0, 0], [1, 0], [1, 1], [0, 1]];
    expect(sanitizeFeature('f1', { ...wish({ kind: 'barrier' }), geometry: { type: 'Polygon', coordinates: [open] } }).feature).toBeNull();
  });

  it('normalises id, extra members and a third coordinate', () => {
    const r = sanitizeFeature('key9', {
      ...wish({ kind: 'favourite' }, { bbox: [0, 0, 1, 1] }),
      geometry: { type: 'Point', coordinates: [114, 22, 30] },
    });
    expect(codes(r.issues)).toEqual(['id_mismatch', 'extra_member:bbox', 'geometry_normalised']);
    expect(r.feature).toEqual({ type: 'Feature', id: 'key9', geometry: { type: 'Point', coordinates: [114, 22] }, properties: { kind: 'favourite' } });
  });

  it('property: output keys are allowed, and sanitising twice changes nothing', () => {
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.constantFrom('wish', '0_3', 'open', 'proposal', 'playground'));
    const keys = fc.constantFrom(...ALLOWED_PROPERTY_KEYS, 'name', 'phone', 'lat', '__proto__x');
    fc.assert(
      fc.property(fc.dictionary(keys, anyValue), fc.constantFrom('wish', 'proposal', 'nope'), (props, kind) => {
        const r = sanitizeFeature('k', wish({ ...props, kind }));
        if (kind === 'nope') return r.feature === null;
        const out = r.feature!;
        const allowed = Object.keys(out.properties).every((k) => (ALLOWED_PROPERTY_KEYS as readonly string[]).includes(k));
        const again = sanitizeFeature('k', out);
        return allowed && again.issues.length === 0 && JSON.stringify(again.feature) === JSON.stringify(out);
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});

describe('isExpired', () => {
  const now = Date.parse('2026-12-03T00:00:00Z');
  it('expires after created + retention_days', () => {
    expect(isExpired({ created: '2026-11-01T00:00:00Z', retention_days: 30 }, now)).toBe(true);
    expect(isExpired({ created: '2026-11-04T00:00:00Z', retention_days: 30 }, now)).toBe(false);
  });
  it('never expires without usable meta', () => {
    expect(isExpired({}, now)).toBe(false);
    expect(isExpired({ created: '2020-01-01T00:00:00Z' }, now)).toBe(false);
    expect(isExpired({ created: 'long ago', retention_days: 1 }, now)).toBe(false);
  });
});

describe('isValidMetaValue', () => {
  it('accepts the four meta keys with their types only', () => {
    expect(isValidMetaValue('title', '三年级二班 workshop')).toBe(true);
    expect(isValidMetaValue('title', 'x'.repeat(121))).toBe(false);
    expect(isValidMetaValue('created', '2026-12-03T07:00:00Z')).toBe(true);
    expect(isValidMetaValue('created', 'Dec 3 2026')).toBe(false);
    expect(isValidMetaValue('groups', ['class 3b', 'table 2'])).toBe(true);
    expect(isValidMetaValue('groups', ['ok', 7])).toBe(false);
    expect(isValidMetaValue('retention_days', 30)).toBe(true);
    expect(isValidMetaValue('retention_days', '30')).toBe(false);
    expect(isValidMetaValue('facilitator', 'Ms Wang')).toBe(false);
  });
});
