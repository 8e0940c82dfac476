/**
 * `analyze --safe-routes` on a hand-made city whose answers follow from the contract by hand: a primary
 * road (60 km/h, 4 lanes: segment and crossing PLTS 4) between a home and its school, and a footway loop
 * that crosses it 111 m north at signals (PLTS 2, penalty 15 m). Direct: 1.25 × 177.9 m + 300 m ≈ 522 m;
 * the loop: 1.25 × 66.7 m + 333.6 m + 15 m ≈ 432 m, so the safe route takes the loop (up the footway and
 * down the primary road instead costs ≈ 764 m). Without the crossings file the loop's crossing is unmarked
 * (PLTS 4, ≈ 717 m) and the safe route goes straight across: a crossing hotspot.
 * Distances are turf's (the contract's earth radius), computed here, not by the core.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distance } from '@turf/turf';
import type { Feature, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/analyze';
import { HOTSPOT_CROSSING_COLUMNS, HOTSPOT_SEGMENT_COLUMNS, SAFE_ROUTES_COLUMNS, STREET_SAFETY_COLUMNS } from '../../src/cli/safe-routes-csv';
import { SAFE_ROUTE_UNITS_COLUMNS } from '../../src/cli/safe-routes-units-csv';
import { COMMUNITIES, CROSSINGS, HOMES, SCHOOL, SCHOOLS, STREETS } from '../core/safety/hand-city';
import { rule, ruleSetDoc } from '../fixtures/rules/rule-builders';
import { parseCsv } from '../e2e/helpers/csv';

const m = (a: Position, b: Position): number => distance(a, b, { units: 'meters' });
const fc = (features: Feature[]) => JSON.stringify({ type: 'FeatureCollection', features });

function parse(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trim().split('\n').map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
}

describe('analyze --safe-routes on a hand-made city', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfc-safe-'));
  const file = (name: string) => path.join(dir, name);
  const read = (out: string, name: string) => readFileSync(path.join(out, name), 'utf8');
  const errs: string[] = [];
  const run = async (out: string, extra: string[]) => {
    const code = await main(['--streets', file('streets.geojson'), '--residences', file('homes.geojson'), '--facility', `school=${file('school.geojson')}`,
      '--safe-routes', '--max-school-walk', '250', '--isochrones', 'none', ...extra, '--out', out], { out: () => {}, err: (l) => errs.push(l) });
    expect(code, errs.join('\n')).toBe(0);
  };

  beforeAll(async () => {
    writeFileSync(file('streets.geojson'), fc(STREETS));
    writeFileSync(file('homes.geojson'), fc(HOMES));
    writeFileSync(file('school.geojson'), fc(SCHOOLS));
    writeFileSync(file('crossings.geojson'), fc(CROSSINGS));
    writeFileSync(file('communities.geojson'), fc(COMMUNITIES));
    writeFileSync(file('rules.json'), JSON.stringify(ruleSetDoc([rule('community.safe-route', 'community', { kind: 'safe_route_share', age_band: '7-12' }, 0.9)])));
    await run(file('with'), ['--crossings', file('crossings.geojson')]);
    await run(file('without'), []);
    await run(file('units'), ['--crossings', file('crossings.geojson'), '--units', `community=${file('communities.geojson')}`, '--rules', file('rules.json')]);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the four files with the contract\'s columns beside the access outputs', () => {
    const out = file('with');
    expect(read(out, 'street_safety.csv').split('\n')[0]).toBe(STREET_SAFETY_COLUMNS.join(','));
    expect(read(out, 'safe_routes.csv').split('\n')[0]).toBe(SAFE_ROUTES_COLUMNS.join(','));
    expect(read(out, 'hotspots_crossings.csv').split('\n')[0]).toBe('lon,lat,crossing_plts,control,roads,routes,children_7_12');
    expect(HOTSPOT_CROSSING_COLUMNS.join(',')).toBe('lon,lat,crossing_plts,control,roads,routes,children_7_12');
    expect(read(out, 'hotspots_segments.csv').split('\n')[0]).toBe(HOTSPOT_SEGMENT_COLUMNS.join(','));
    expect(read(out, 'access.csv').length).toBeGreaterThan(0);
    const marker = JSON.parse(read(out, '.cfc-planner-out')) as { files: string[] };
    expect(marker.files).toEqual(expect.arrayContaining(['street_safety.csv', 'safe_routes.csv', 'hotspots_crossings.csv', 'hotspots_segments.csv']));
  });

  it('rates every walkable way with its basis and tags', () => {
    const rows = parse(read(file('with'), 'street_safety.csv'));
    const by = Object.fromEntries(rows.map((r) => [r['way_id'], r]));
    expect(rows).toHaveLength(6);
    expect(by['west']).toEqual({ way_id: 'west', plts: '2', basis: 'assumed_quiet', speed_kmh: '30', speed_assumed: '1', lanes: '2', sidewalk: 'unknown' });
    expect(by['main']).toEqual({ way_id: 'main', plts: '4', basis: 'sidewalk', speed_kmh: '60', speed_assumed: '0', lanes: '4', sidewalk: 'present' });
    expect(by['loop-w']).toMatchObject({ plts: '1', basis: 'dedicated' });
  });

  it('routes each home as worked out by hand', () => {
    const rows = Object.fromEntries(parse(read(file('with'), 'safe_routes.csv')).map((r) => [r['residence_id'], r]));
    expect(Object.keys(rows).sort()).toEqual(['H1', 'H2', 'H3', 'H4', 'H5']);
    const num = (r: Record<string, string> | undefined, k: string) => Number(r![k]);
    // H1: walks 177.9 m straight across the primary road; its safe route is the loop across the signals.
    const direct = m([0.0002, 0], SCHOOL);
    const loopRes = m([0.0002, 0], [0.0005, 0]) + m([0.0015, 0], SCHOOL);
    const loopFoot = m([0.0005, 0], [0.0005, 0.001]) + m([0.0005, 0.001], [0.001, 0.001]) + m([0.001, 0.001], [0.0015, 0.001]) + m([0.0015, 0.001], [0.0015, 0]);
    const h1 = rows['H1'];
    expect(h1).toMatchObject({ school_id: 'S', status: 'ok', max_segment_plts: '2', max_crossing_plts: '2', crossings_plts3plus: '0', unsafe: '0', long_detour: '1' });
    expect(num(h1, 'walking_distance_m')).toBeCloseTo(direct, 1);
    expect(num(h1, 'safe_distance_m')).toBeCloseTo(loopRes + loopFoot, 1);
    expect(num(h1, 'safe_cost_m')).toBeCloseTo(1.25 * loopRes + loopFoot + 15, 1);
    expect(num(h1, 'detour_ratio')).toBeCloseTo((loopRes + loopFoot) / direct, 3);
    // H2: 11 m along a quiet street, nothing crossed.
    expect(rows['H2']).toMatchObject({ status: 'ok', max_segment_plts: '2', max_crossing_plts: '0', unsafe: '0', long_detour: '0', detour_ratio: '1.0000' });
    expect(num(rows['H2'], 'safe_cost_m')).toBeCloseTo(1.25 * m([0.0019, 0], SCHOOL), 1);
    // H3: on a footway island; H4: 311 m > --max-school-walk 250.
    expect(rows['H3']).toEqual({ residence_id: 'H3', school_id: '', walking_distance_m: '', safe_distance_m: '', safe_cost_m: '', detour_ratio: '',
      max_segment_plts: '', max_crossing_plts: '', crossings_plts3plus: '', unsafe: '', long_detour: '', status: 'unreachable' });
    expect(rows['H4']).toMatchObject({ school_id: 'S', safe_distance_m: '', unsafe: '', status: 'beyond' });
    expect(num(rows['H4'], 'walking_distance_m')).toBeCloseTo(m([-0.001, 0], SCHOOL), 1);
    // H5: on the primary road itself (PLTS 4 along it); turning into East Street crosses West Street (local, 30 km/h: PLTS 1, no penalty).
    const along = m([0.001, -0.0008], [0.001, 0]);
    const east = m([0.001, 0], SCHOOL);
    expect(rows['H5']).toMatchObject({ status: 'ok', max_segment_plts: '4', max_crossing_plts: '1', crossings_plts3plus: '0', unsafe: '1', long_detour: '0' });
    expect(num(rows['H5'], 'safe_cost_m')).toBeCloseTo(4 * along + 1.25 * east, 1);
  });

  it('hotspots: the primary road as a way; a crossing only when its signals are not known', () => {
    expect(parse(read(file('with'), 'hotspots_segments.csv'))).toEqual([{ way_id: 'main', plts: '4', basis: 'sidewalk', routes: '1', children_7_12: '4' }]);
    expect(parse(read(file('with'), 'hotspots_crossings.csv'))).toEqual([]);
    // Without crossings the loop's crossing is unmarked PLTS 4 as well: H1 goes straight across Main Road.
    const h1 = parse(read(file('without'), 'safe_routes.csv')).find((r) => r['residence_id'] === 'H1')!;
    expect(h1).toMatchObject({ max_segment_plts: '2', max_crossing_plts: '4', crossings_plts3plus: '1', unsafe: '1', long_detour: '0', detour_ratio: '1.0000' });
    expect(Number(h1['safe_cost_m'])).toBeCloseTo(1.25 * m([0.0002, 0], SCHOOL) + 300, 1);
    expect(parse(read(file('without'), 'hotspots_crossings.csv'))).toEqual([
      { lon: '0.0010000', lat: '0.0000000', crossing_plts: '4', control: 'unmarked', roads: 'Main Road', routes: '1', children_7_12: '2' },
    ]);
    expect(errs.some((l) => l.includes('without --crossings'))).toBe(true);
  });

  it('safe_routes_units.csv: children of 7–12 with a safe route per community and for the whole area, as counted by hand', () => {
    const text = read(file('units'), 'safe_routes_units.csv');
    expect(text.split('\n')[0]).toBe(SAFE_ROUTE_UNITS_COLUMNS.join(','));
    const rows = parse(text);
    // West: H1 safe (2), H4 beyond (3), H5 unsafe (4); East: H2 safe (1), H3 unreachable (1).
    expect(rows.map((r) => [r['unit_level'], r['unit_id'], r['unit_name'], r['counted'], r['total'], r['safe'], r['unsafe'], r['beyond'], r['unreachable'], r['long_detour']])).toEqual([
      ['city', 'whole_extract', '', 'children_7_12', '11', '3', '4', '3', '1', '2'],
      ['community', 'C-W', 'West', 'children_7_12', '9', '2', '4', '3', '0', '2'],
      ['community', 'C-E', 'East', 'children_7_12', '2', '1', '0', '0', '1', '0'],
    ]);
    expect(rows.map((r) => [r['safe_share'], r['unsafe_share'], r['median_detour_ratio']])).toEqual([
      [(3 / 11).toFixed(6), (4 / 11).toFixed(6), '1.0000'], [(2 / 9).toFixed(6), (4 / 9).toFixed(6), '1.0000'], ['0.500000', '0.000000', '1.0000'],
    ]);
    expect(JSON.parse(read(file('units'), '.cfc-planner-out')).files).toContain('safe_routes_units.csv');
  });

  it('a safe-route rule becomes gaps in gaps.csv and scorecards.csv; without --safe-routes the rule set computes them', async () => {
    const gaps = parseCsv(read(file('units'), 'gaps.csv')).filter((r) => r['rule_id'] === 'community.safe-route');
    expect(gaps.map((g) => [g['unit_id'], g['metric'], g['category'], g['age_band'], g['measured'], g['passed'], g['children_affected'], g['homes_affected']])).toEqual([
      ['C-W', 'safe_route_share', 'primary_school+middle_school', '7-12', String(Math.round((2 / 9) * 1e4) / 1e4), 'false', '7', '2'],
      ['C-E', 'safe_route_share', 'primary_school+middle_school', '7-12', '0.5', 'false', '1', '1'],
    ]);
    expect(read(file('units'), 'scorecards.csv')).toContain('community.safe-route,safe_route_share');
    const lines: string[] = [];
    const out = file('implied');
    expect(await main(['--streets', file('streets.geojson'), '--residences', file('homes.geojson'), '--facility', `school=${file('school.geojson')}`,
      '--units', `community=${file('communities.geojson')}`, '--rules', file('rules.json'), '--isochrones', 'none', '--out', out],
    { out: () => {}, err: (l) => lines.push(l) })).toBe(0);
    expect(lines.join('\n')).toContain('computing them as with --safe-routes');
    // No crossings file: the signals are unknown, so H1 and H4 (routed now: the
    // default maximum walk is 3,000 m) cross Main Road unmarked, H5 walks along it: no child of West has a safe route.
    const west = parseCsv(read(out, 'gaps.csv')).find((r) => r['rule_id'] === 'community.safe-route' && r['unit_id'] === 'C-W')!;
    expect(west).toMatchObject({ measured: '0', passed: 'false', children_affected: '9', homes_affected: '3' });
    expect(parse(read(out, 'safe_routes_units.csv')).find((r) => r['unit_id'] === 'C-W')).toMatchObject({ safe: '0', unsafe: '9', beyond: '0' });

    // With the crossings file a rule set's routes are the ones --safe-routes finds (the signals known): the same gaps.
    const withRules = file('rules-crossings');
    const withSwitch = file('switch-crossings');
    const common = ['--streets', file('streets.geojson'), '--residences', file('homes.geojson'), '--facility', `school=${file('school.geojson')}`,
      '--units', `community=${file('communities.geojson')}`, '--rules', file('rules.json'), '--crossings', file('crossings.geojson'), '--isochrones', 'none'];
    expect(await main([...common, '--out', withRules], { out: () => {}, err: (l) => lines.push(l) }), lines.join('\n')).toBe(0);
    expect(await main([...common, '--safe-routes', '--out', withSwitch], { out: () => {}, err: (l) => lines.push(l) })).toBe(0);
    const ruleGaps = (dirName: string) => parseCsv(read(dirName, 'gaps.csv')).filter((r) => r['rule_id'] === 'community.safe-route');
    expect(ruleGaps(withRules)).toEqual(ruleGaps(withSwitch));
    expect(ruleGaps(withRules).find((r) => r['unit_id'] === 'C-W')!['measured']).not.toBe('0');
  }, 60_000);

  it('refuses --safe-routes without schools and its flags without --safe-routes', async () => {
    const lines: string[] = [];
    const io = { out: () => {}, err: (l: string) => lines.push(l) };
    const base = ['--streets', file('streets.geojson'), '--residences', file('homes.geojson'), '--out', file('refused')];
    expect(await main([...base, '--facility', `playground=${file('school.geojson')}`, '--safe-routes'], io)).toBe(2);
    expect(lines.join('\n')).toContain('--safe-routes needs schools');
    expect(await main([...base, '--facility', `school=${file('school.geojson')}`, '--max-school-walk', '100'], io)).toBe(2);
    expect(lines.join('\n')).toContain('--max-school-walk is used only with --safe-routes');
  });
});
