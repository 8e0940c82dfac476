/**
 * `analyze --safe-routes` on a real extract end to end: Monaco imported by `npm run import` (its
 * streets, homes, mixed facilities and crossings), then analysed. The figures must agree across the files
 * the run writes: every home once in safe_routes.csv with the walking distance access.csv gives for its
 * nearest school, every route's cost ≥ its length and detour ≥ 1, hotspot ways rated as in
 * street_safety.csv, hotspot counts no larger than the routes that could use them, summary.json's counts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as analyze } from '../../src/cli/analyze';
import { main as importOsm } from '../../src/cli/import';
import { sharedData } from '../shared-data';

function parse(text: string): Record<string, string>[] {
  // RFC 4180 enough for these files: quoted cells (ids, road lists) may hold commas, never quotes or newlines.
  const [head, ...rows] = text.trim().split('\n');
  const cols = head!.split(',');
  return rows.map((l) => {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (const ch of l) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i]!]));
  });
}

describe('analyze --safe-routes on Monaco (imported)', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'cfc-safe-real-'));
  const imported = path.join(tmp, 'import');
  const out = path.join(tmp, 'out');
  const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
  let seconds = 0;
  const lines: string[] = [];

  beforeAll(async () => {
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await importOsm([sharedData('osm', 'monaco.osm.gz'), '--out', imported], io), lines.join('\n')).toBe(0);
    const t0 = performance.now();
    const f = (n: string) => path.join(imported, n);
    expect(await analyze(['--streets', f('streets.fgb'), '--residences', f('homes.fgb'), '--facility', f('facilities.fgb'), '--crossings', f('crossings.fgb'),
      '--safe-routes', '--isochrones', 'none', '--out', out], io), lines.join('\n')).toBe(0);
    seconds = (performance.now() - t0) / 1000;
    console.info(`monaco: analyze --safe-routes in ${seconds.toFixed(1)} s; ${lines.find((l) => l.startsWith('Safe routes in'))}`);
  }, 180_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('every home once, with its nearest school\'s walking distance from access.csv', () => {
    const routes = parse(read('safe_routes.csv'));
    const access = parse(read('access.csv'));
    const homes = new Set(access.map((r) => r['residence_id']));
    expect(routes.length).toBe(homes.size);
    expect(new Set(routes.map((r) => r['residence_id']))).toEqual(homes);
    const nearest = new Map<string, number>();
    for (const a of access) {
      if (!['primary_school', 'middle_school', 'school'].includes(a['category']!) || a['walking_distance_m'] === '') continue;
      const d = Number(a['walking_distance_m']);
      nearest.set(a['residence_id']!, Math.min(nearest.get(a['residence_id']!) ?? Infinity, d));
    }
    expect(nearest.size).toBeGreaterThan(0);
    for (const r of routes) {
      const want = nearest.get(r['residence_id']!);
      if (want === undefined) expect(r['status']).toBe('unreachable');
      else {
        expect(Number(r['walking_distance_m'])).toBeCloseTo(want, 2);
        expect(r['status']).toBe(want > 3000 ? 'beyond' : 'ok');
      }
    }
  });

  it('routes are plausible: cost ≥ length ≥ walking distance, detour ≥ 1, flags as defined', () => {
    const ok = parse(read('safe_routes.csv')).filter((r) => r['status'] === 'ok');
    expect(ok.length).toBeGreaterThan(100);
    for (const r of ok) {
      const n = (k: string) => Number(r[k]);
      expect(n('safe_distance_m')).toBeGreaterThanOrEqual(n('walking_distance_m') - 0.02);
      expect(n('safe_cost_m')).toBeGreaterThanOrEqual(n('safe_distance_m') - 0.02);
      expect(n('detour_ratio')).toBeGreaterThanOrEqual(1 - 1e-4);
      expect(r['unsafe']).toBe(n('max_segment_plts') >= 3 || n('max_crossing_plts') >= 3 ? '1' : '0');
      expect(r['long_detour']).toBe(n('detour_ratio') > 1.5 ? '1' : '0');
      expect(n('crossings_plts3plus') > 0).toBe(n('max_crossing_plts') >= 3);
    }
  });

  it('hotspots agree with the routes and the street ratings; summary.json counts match', () => {
    const routes = parse(read('safe_routes.csv'));
    const crossingRoutes = routes.filter((r) => Number(r['crossings_plts3plus']) > 0).length;
    const stressfulRoutes = routes.filter((r) => Number(r['max_segment_plts']) >= 3).length;
    const crossings = parse(read('hotspots_crossings.csv'));
    const ways = parse(read('hotspots_segments.csv'));
    expect(crossings.length).toBeGreaterThan(0);
    expect(ways.length).toBeGreaterThan(0);
    crossings.forEach((c, i) => {
      expect(Number(c['crossing_plts'])).toBeGreaterThanOrEqual(3);
      expect(Number(c['routes'])).toBeGreaterThan(0);
      expect(Number(c['routes'])).toBeLessThanOrEqual(crossingRoutes);
      expect(c['lon']).toMatch(/^-?\d+\.\d{7}$/);
      if (i > 0) expect(Number(crossings[i - 1]!['children_7_12'])).toBeGreaterThanOrEqual(Number(c['children_7_12']));
    });
    const streets = new Map(parse(read('street_safety.csv')).map((s) => [s['way_id'], s]));
    for (const w of ways) {
      expect(streets.get(w['way_id'])).toMatchObject({ plts: w['plts'], basis: w['basis'] });
      expect(Number(w['routes'])).toBeLessThanOrEqual(stressfulRoutes);
    }
    const summary = JSON.parse(read('summary.json')) as { safeRoutes: { homes: Record<string, number>; hotspotCrossings: number; hotspotWays: number } };
    for (const st of ['ok', 'beyond', 'unreachable']) expect(summary.safeRoutes.homes[st]).toBe(routes.filter((r) => r['status'] === st).length);
    expect(summary.safeRoutes.hotspotCrossings).toBe(crossings.length);
    expect(summary.safeRoutes.hotspotWays).toBe(ways.length);
  });
});
