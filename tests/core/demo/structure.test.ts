/** Structural properties of the committed demo, checked from the files with Turf and brute force. */
import { booleanPointInPolygon, booleanWithin, pointOnFeature } from '@turf/turf';
import type { Feature, LineString, Point, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORIES } from '../../../src/core/model';
import { readDemoLayer, readManifest } from './helpers';

type Poly = Feature<Polygon>;
const P = (f: Feature): Record<string, unknown> => f.properties ?? {};

let units: Record<string, Poly[]>;
let streets: Feature<LineString>[];
let crossings: Feature<Point>[];
let facilities: Poly[];
let homes: Poly[];

beforeAll(async () => {
  units = {};
  for (const l of ['city', 'district', 'street', 'community']) units[l] = (await readDemoLayer(`units_${l}.fgb`)) as Poly[];
  streets = (await readDemoLayer('streets.fgb')) as Feature<LineString>[];
  crossings = (await readDemoLayer('crossings.fgb')) as Feature<Point>[];
  facilities = (await readDemoLayer('facilities.fgb')) as Poly[];
  homes = (await readDemoLayer('homes.fgb')) as Poly[];
});

describe('demo city structure', () => {
  it('has the issue’s unit counts and a manifest that says synthetic', () => {
    expect(units.city).toHaveLength(1);
    expect(units.district.length).toBeGreaterThanOrEqual(3);
    expect(units.district.length).toBeLessThanOrEqual(4);
    expect(units.street.length).toBeGreaterThanOrEqual(10);
    expect(units.street.length).toBeLessThanOrEqual(15);
    expect(units.community.length).toBeGreaterThanOrEqual(50);
    expect(units.community.length).toBeLessThanOrEqual(80);
    expect(homes.length).toBeGreaterThanOrEqual(5000);
    expect(homes.length).toBeLessThanOrEqual(15000);
    const m = readManifest();
    expect(m.synthetic).toBe(true);
    expect(m.layers.map((l) => l.role)).toEqual(['city', 'district', 'street', 'community', 'streets', 'crossings', 'facilities', 'homes']);
    expect(m.layers.find((l) => l.role === 'homes')?.featureCount).toBe(homes.length);
    expect(String(P(units.city[0]).name).toLowerCase()).toContain('synthetic');
  });

  it('nests each unit within exactly one parent, the one its parent_id names', () => {
    for (const [child, parent] of [['district', 'city'], ['street', 'district'], ['community', 'street']] as const) {
      for (const c of units[child]) {
        const within = units[parent].filter((p) => booleanWithin(c, p));
        expect(within, `${P(c).id}`).toHaveLength(1);
        const inner = pointOnFeature(c);
        const holders = units[parent].filter((p) => booleanPointInPolygon(inner, p));
        expect(holders.map((p) => P(p).id)).toEqual([P(c).parent_id]);
      }
    }
  });

  it('has about 300k people, 15–18 % of them under 18, in mid/high-rise buildings', () => {
    let people = 0;
    let kids = 0;
    for (const h of homes) {
      const p = P(h);
      people += p.population as number;
      kids += (p.children_0_3 as number) + (p.children_4_6 as number) + (p.children_7_12 as number) + (p.children_13_18 as number);
      expect(p.levels as number).toBeGreaterThanOrEqual(6);
      expect(p.levels as number).toBeLessThanOrEqual(33);
    }
    expect(Math.abs(people - 300_000)).toBeLessThan(30_000);
    expect(kids / people).toBeGreaterThan(0.15);
    expect(kids / people).toBeLessThan(0.18);
    const est = new Set(homes.map((h) => P(h).children_estimated));
    expect(est).toEqual(new Set([true, false]));
  });

  it('has at least one existing facility of every registry category (umbrella categories through what they count as)', () => {
    // `school` is for real data that cannot tell primary from middle; the demo knows, so it has both instead.
    for (const c of BUILTIN_CATEGORIES) {
      for (const cat of c.countsAs ?? [c.id]) expect(facilities.some((f) => P(f).category === cat), cat).toBe(true);
    }
    expect(facilities.every((f) => P(f).status === 'existing')).toBe(true);
  });

  it('puts every crossing on a street vertex, with few signals on arterials', () => {
    const vertices = new Set(streets.flatMap((s) => s.geometry.coordinates.map((c) => c.join(','))));
    for (const c of crossings) expect(vertices.has(c.geometry.coordinates.join(',')), P(c).id as string).toBe(true);
    const kinds = new Set(crossings.map((c) => P(c).crossing));
    expect(kinds).toEqual(new Set(['traffic_signals', 'marked', 'uncontrolled', 'unmarked', 'grade_separated']));
    expect(crossings.some((c) => P(c).school_gate === 'yes')).toBe(true);
  });

  it('has the special streets: expressway, foot=no arterial, bridges, one tunnel', () => {
    const has = (pred: (p: Record<string, unknown>) => boolean): number => streets.filter((s) => pred(P(s))).length;
    expect(has((p) => p.highway === 'trunk')).toBeGreaterThan(0);
    expect(has((p) => p.highway === 'primary' && p.foot === 'no')).toBeGreaterThan(0);
    expect(has((p) => p.bridge === 'yes' && p.highway === 'footway')).toBeGreaterThan(0);
    expect(has((p) => p.tunnel === 'yes')).toBe(1);
    expect(has((p) => p.highway === 'primary' && p.maxspeed === 60)).toBeGreaterThan(0);
  });

  it('is noded: where two lines meet (no bridge or tunnel), the point is a vertex of both', () => {
    type Seg = { a: number[]; b: number[]; line: number; exempt: boolean };
    const segs: Seg[] = [];
    streets.forEach((s, line) => {
      const exempt = P(s).bridge === 'yes' || P(s).tunnel === 'yes';
      const c = s.geometry.coordinates;
      for (let k = 0; k + 1 < c.length; k++) segs.push({ a: c[k], b: c[k + 1], line, exempt });
    });
    // Bucket segments on a coarse grid; test pairs that share a bucket.
    const cell = 0.002;
    const buckets = new Map<string, number[]>();
    segs.forEach((s, k) => {
      for (let x = Math.floor(Math.min(s.a[0], s.b[0]) / cell); x <= Math.floor(Math.max(s.a[0], s.b[0]) / cell); x++)
        for (let y = Math.floor(Math.min(s.a[1], s.b[1]) / cell); y <= Math.floor(Math.max(s.a[1], s.b[1]) / cell); y++) {
          const key = `${x},${y}`;
          buckets.set(key, [...(buckets.get(key) ?? []), k]);
        }
    });
    const same = (p: number[], q: number[]): boolean => p[0] === q[0] && p[1] === q[1];
    const onSeg = (p: number[], s: Seg): boolean => {
      const cross = (s.b[0] - s.a[0]) * (p[1] - s.a[1]) - (s.b[1] - s.a[1]) * (p[0] - s.a[0]);
      const len = Math.hypot(s.b[0] - s.a[0], s.b[1] - s.a[1]);
      const t = ((p[0] - s.a[0]) * (s.b[0] - s.a[0]) + (p[1] - s.a[1]) * (s.b[1] - s.a[1])) / (len * len);
      return Math.abs(cross) / len < 1e-8 && t > -1e-9 && t < 1 + 1e-9;
    };
    const properCross = (s: Seg, r: Seg): boolean => {
      const o = (p: number[], q: number[], z: number[]): number => Math.sign((q[0] - p[0]) * (z[1] - p[1]) - (q[1] - p[1]) * (z[0] - p[0]));
      return o(s.a, s.b, r.a) * o(s.a, s.b, r.b) < 0 && o(r.a, r.b, s.a) * o(r.a, r.b, s.b) < 0;
    };
    const countBad = (honourExempt: boolean): [number, number] => {
    let bad = 0;
    let checked = 0;
    const seen = new Set<string>();
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
        const s = segs[list[x]];
        const r = segs[list[y]];
        if (s.line === r.line || (honourExempt && (s.exempt || r.exempt))) continue;
        const key = `${list[x]},${list[y]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        checked++;
        // Touching at an endpoint of one segment that is not an endpoint of the other = T-junction without a vertex.
        const shares = [s.a, s.b].some((p) => same(p, r.a) || same(p, r.b));
        const tJunction = !shares && ([s.a, s.b].some((p) => onSeg(p, r)) || [r.a, r.b].some((p) => onSeg(p, s)));
        if (tJunction || (!shares && properCross(s, r))) bad++;
      }
    }
    return [bad, checked];
    };
    const [bad, checked] = countBad(true);
    expect(checked).toBeGreaterThan(1000);
    expect(bad).toBe(0);
    // The same check sees the bridges and the tunnel crossing other lines once they are not exempt.
    expect(countBad(false)[0]).toBeGreaterThan(10);
  });
});
