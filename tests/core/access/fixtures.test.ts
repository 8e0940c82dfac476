/**
 * Turf-style fixtures: tests/fixtures/access/<name>/in/<name>.geojson holds streets, homes and facilities
 * (options in the collection's `properties`); out/<name>.geojson adds each home's result and its explained
 * path. REGEN=1 rewrites the outputs (review the diff by hand). The distances below are computed by hand:
 * the fixtures lie on the equator and meridians, where 0.001° is exactly U metres.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildNetwork, snapPoints } from '../../../src/core/network';
import { computeCategoryAccess, explainPath } from '../../../src/core/access';
import { oracleHaversine } from './oracle';

const U = (6_371_008.8 * Math.PI / 180) * 0.001;
const hav = (a: number[], b: number[]): number => oracleHaversine(a.map((v) => v * 1e-3), b.map((v) => v * 1e-3));

/** Expected walking distance of each home (null = unreachable) and its nearest facility. */
const EXPECTED: Record<string, Record<string, [walkingM: number | null, nearest: string | null]>> = {
  // 0.1 snap + 0.8 along the bar + 1 up the stem + 0.2 facility snap.
  't-junction': { h1: [2.1 * U, 'f1'], h2: [(0.1 + 0.9 + 1 + 0.2) * U, 'f1'] },
  // h1 cannot cross onto the bridge (it would be 3.1 U to f1), so it walks to f2: 0.1 + 2.9 + 0.3.
  'bridge-crossing': { h1: [3.3 * U, 'f2'], h2: [(0.1 + 3 + 0.1) * U, 'f1'] },
  // Round three sides instead of the forbidden side.
  'foot-no': { h1: [(0.1 + 3 + 0.1) * U, 'f1'] },
  // Snaps to the tunnel mouth (0,0), walks through the tunnel (1 U) and on (2 U), 0.1 U facility snap.
  tunnel: { h1: [hav([0.4, 0.1], [0, 0]) + 3.1 * U, 'f1'] },
  // Snaps 1.2 U south to the main street, not 0.3 U north to the island; f2 only had the island (not connected).
  island: { h1: [(1.2 + 2 + 0.1) * U, 'f1'] },
  // h1 and f1 on one segment: 0.1 + 2 + 0.1; h2 is 1.5 U = 167 m away (> 150): not connected.
  'same-segment-and-max-snap': { h1: [2.2 * U, 'f1'], h2: [null, null], h3: [(0.1 + 0.4 + 0.1) * U, 'f1'] },
  // Issue 12: the way runs 1→3 and folds back 3→0; the point at x=2 lies on both segments. Along the last
  // segment from x=0.1 to x=2 it is 0.1 + 1.9 + 0.1; attached to the first only, 0.1 + 1 + 2.9 + 0.1.
  'issue-12-folded-way-facility': { h1: [2.1 * U, 'f1'] },
  'issue-12-folded-way-home': { h1: [2.1 * U, 'f1'] },
  // Contract 1.1: the construction way along the bottom (foot=yes), the raceway and the proposed spur are not
  // walkable; bridleway, platform and corridor walk as road. h1 snaps to the corner (0,0), goes up, along the
  // top and down (1 + 3 + 1); f1 snaps to the corner (3,0). h2 snaps 0.9 south to the top, walks 1.4 + 1.
  'access-1.1-unknown-and-dead-ways': {
    h1: [hav([0.1, -0.1], [0, 0]) + 5 * U + hav([2.9, -0.1], [3, 0]), 'f1'],
    h2: [(0.9 + 1.4 + 1) * U + hav([2.9, -0.1], [3, 0]), 'f1'],
  },
};

const ROOT = path.resolve(__dirname, '../../fixtures/access');

function run(fc: FeatureCollection & { properties?: Record<string, number> }) {
  const options = fc.properties ?? {};
  const streets = { type: 'FeatureCollection' as const, features: fc.features.filter((f) => f.properties?.['role'] === 'street') };
  const pick = (role: string) => fc.features.filter((f): f is Feature<Point> => f.properties?.['role'] === role);
  const homes = pick('home');
  const facilities = pick('facility');
  const arrays = (fs: Feature<Point>[]) => ({
    lng: Float64Array.from(fs.map((f) => f.geometry.coordinates[0]!)),
    lat: Float64Array.from(fs.map((f) => f.geometry.coordinates[1]!)),
  });
  const net = buildNetwork(streets, { islandMaxM: options['islandMaxM'] });
  const snapOptions = { maxSnapM: options['maxSnapM'] };
  const homeSnap = snapPoints(net, arrays(homes).lng, arrays(homes).lat, snapOptions);
  const facilitySnap = snapPoints(net, arrays(facilities).lng, arrays(facilities).lat, snapOptions);
  const access = computeCategoryAccess(net, homeSnap, facilitySnap, Int32Array.from(facilities.map((_, i) => i)));
  const out: Feature[] = [...streets.features, ...facilities];
  homes.forEach((home, h) => {
    const reachable = Number.isFinite(access.walkingM[h]!);
    const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null);
    out.push({ ...home, properties: {
      ...home.properties, walking_m: round(access.walkingM[h]!), network_m: round(access.networkM[h]!), snap_m: round(access.homeSnapM[h]!),
      nearest_facility_id: reachable ? facilities[access.nearestFacility[h]!]!.properties!['id'] : null,
    } });
    const p = explainPath(net, homeSnap, facilitySnap, h, access, arrays(homes), arrays(facilities));
    if (p) out.push({ type: 'Feature', properties: { role: 'path', home: home.properties!['id'], walking_m: round(p.walkingM), stroke: '#e6781e' },
      geometry: { type: 'LineString', coordinates: p.coordinates.map(([x, y]) => [round(x)!, round(y)!]) } });
  });
  return { homes, facilities, access, out: { type: 'FeatureCollection', properties: fc.properties, features: out } };
}

describe.each(readdirSync(ROOT))('fixture %s', (name) => {
  const input = JSON.parse(readFileSync(path.join(ROOT, name, 'in', `${name}.geojson`), 'utf8'));
  const { homes, facilities, access, out } = run(input);

  it('matches the hand-computed walking distances and nearest facilities', () => {
    const expected = EXPECTED[name]!;
    expect(Object.keys(expected).sort()).toEqual(homes.map((f) => String(f.properties!['id'])).sort());
    homes.forEach((home, h) => {
      const [walking, nearest] = expected[String(home.properties!['id'])]!;
      if (walking === null) {
        expect(access.walkingM[h]).toBe(Infinity);
        expect(access.nearestFacility[h]).toBe(-1);
      } else {
        expect(Math.abs(access.walkingM[h]! - walking)).toBeLessThan(1e-6);
        expect(facilities[access.nearestFacility[h]!]!.properties!['id']).toBe(nearest);
      }
    });
  });

  it('matches out/ (REGEN=1 rewrites it)', () => {
    const file = path.join(ROOT, name, 'out', `${name}.geojson`);
    if (process.env['REGEN']) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(out, null, 1) + '\n');
    }
    expect(out).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
