/**
 * The CLI on real Monaco layers, checked against calculations that do not use the core: turf's
 * centerOfMass and nearestPointOnLine, and a plain O(n²) Dijkstra over a graph built here from the
 * contract's walkability table.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { centerOfMass, distance, nearestPointOnLine, lineString } from '@turf/turf';
import type { FeatureCollection, LineString, Position } from 'geojson';
import { analyze } from '../../src/cli/analyze';
import { ACCESS_COLUMNS, COVERAGE_COLUMNS } from '../../src/cli/csv';
import { sharedData } from '../shared-data';

const D = sharedData('monaco');
const load = (f: string): FeatureCollection => JSON.parse(readFileSync(path.join(D, f), 'utf8'));
// turf's earth radius is the contract's 6,371,008.8 m.
const hav = (a: Position, b: Position): number => distance(a, b, { units: 'meters' });

const WALKABLE = new Set(['footway', 'path', 'pedestrian', 'steps', 'living_street', 'residential', 'service', 'unclassified', 'tertiary', 'secondary', 'primary', 'cycleway', 'track', 'road', 'primary_link', 'secondary_link', 'tertiary_link']);
function walkable(p: Record<string, unknown>): boolean {
  const hw = String(p.highway ?? '');
  if (['motorway', 'motorway_link', 'trunk', 'trunk_link', 'construction', 'proposed', 'planned', 'abandoned', 'disused', 'razed',
    'raceway', 'bus_guideway', 'no'].includes(hw)) return false; // access contract 1.1
  if (!WALKABLE.has(hw) && hw !== '') return WALKABLE.has('road');
  if (p.foot === 'no') return false;
  if ((p.access === 'private' || p.access === 'no') && !['yes', 'designated', 'permissive'].includes(String(p.foot))) return false;
  return true;
}

function parseCsv(text: string): string[][] {
  return text.trim().split('\n').map((l) => l.split(','));
}

describe('npm run analyze on Monaco', () => {
  let out: string;
  let access: string[][];
  let coverage: string[][];
  const homes = load('residential_buildings.geojson');
  const playgrounds = load('facilities_playground.geojson');
  const schools = load('facilities_school.geojson');

  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'cfc-analyze-'));
    await analyze({
      streets: path.join(D, 'roads.fgb'),
      residences: path.join(D, 'residential_buildings.geojson'),
      facilities: [{ category: 'playground', file: path.join(D, 'facilities_playground.geojson') }, { category: 'primary_school', file: path.join(D, 'facilities_school.fgb') }],
      units: [{ level: 'city', file: path.join(D, 'admin_boundaries.geojson') }],
      maxSnapM: 150,
      thresholdsM: [300, 500, 1000],
      isochrones: 'segments',
      out,
    });
    access = parseCsv(readFileSync(path.join(out, 'access.csv'), 'utf8'));
    coverage = parseCsv(readFileSync(path.join(out, 'coverage.csv'), 'utf8'));
    return () => rmSync(out, { recursive: true, force: true });
  }, 60_000);

  it('writes the contract columns and one row per home and category', () => {
    expect(access[0]).toEqual([...ACCESS_COLUMNS]);
    expect(access.length - 1).toBe(homes.features.length * 2);
    expect(coverage[0]).toEqual([...COVERAGE_COLUMNS]);
    // 4 admin units × 2 categories × 4 bands × 3 thresholds
    expect(coverage.length - 1).toBe(4 * 2 * 4 * 3);
    const iso = JSON.parse(readFileSync(path.join(out, 'isochrones_playground.geojson'), 'utf8')) as FeatureCollection;
    expect(iso.features.map((f) => f.properties!.threshold_m)).toEqual([300, 500, 1000]);
  });

  it('uses osm_id as the id of FlatGeobuf facilities, and walking ≥ straight line for every row', () => {
    const byId = new Map(homes.features.map((f) => [String(f.properties!.osm_id), centerOfMass(f).geometry.coordinates]));
    const facilities = new Map([...playgrounds.features, ...schools.features].map((f) => [String(f.properties!.osm_id), (f.geometry as { coordinates: Position }).coordinates]));
    let checked = 0;
    for (const [id, category, networkM, walkingM, snapM, facilityId] of access.slice(1)) {
      if (walkingM === '') continue;
      const fac = facilities.get(facilityId);
      expect(fac, `facility ${facilityId} of ${category}`).toBeDefined();
      const w = Number(walkingM);
      expect(w).toBeGreaterThanOrEqual(hav(byId.get(id)!, fac!) - 0.01);
      // walking = home snap + network + facility snap, and the facility snap leg is within 150 m
      const facilityLeg = w - Number(networkM) - Number(snapM);
      expect(facilityLeg).toBeGreaterThanOrEqual(-0.02);
      expect(facilityLeg).toBeLessThanOrEqual(150.02);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('matches an independent snap + Dijkstra for sampled homes', () => {
    // Graph over the vertices of walkable lines (identical coordinates connect).
    const key = (p: Position) => `${p[0]},${p[1]}`;
    const ids = new Map<string, number>();
    const coords: Position[] = [];
    const adj: [number, number][][] = [];
    const node = (p: Position) => {
      let n = ids.get(key(p));
      if (n === undefined) {
        ids.set(key(p), (n = coords.length));
        coords.push(p);
        adj.push([]);
      }
      return n;
    };
    const roads = load('roads.geojson').features.filter((f) => f.geometry?.type === 'LineString' && walkable(f.properties ?? {}));
    const snappable = roads.filter((f) => f.properties!.tunnel !== 'yes');
    for (const r of roads) {
      const c = (r.geometry as LineString).coordinates;
      for (let i = 0; i + 1 < c.length; i++) {
        const a = node(c[i]), b = node(c[i + 1]), w = hav(c[i], c[i + 1]);
        adj[a].push([b, w]);
        adj[b].push([a, w]);
      }
    }
    const snap = (p: Position) => {
      let best = { d: Infinity, a: -1, b: -1, at: p };
      for (const r of snappable) {
        const c = (r.geometry as LineString).coordinates;
        const q = nearestPointOnLine(lineString(c), p, { units: 'kilometers' });
        const d = q.properties.dist! * 1000;
        // turf reports the last vertex as segment n-1; that point is the end of segment n-2.
        const k = Math.min(q.properties.segmentIndex!, c.length - 2);
        if (d < best.d) best = { d, a: node(c[k]), b: node(c[k + 1]), at: q.geometry.coordinates };
      }
      return best;
    };
    const dijkstra = (seeds: [number, number][]): Float64Array => {
      const dist = new Float64Array(coords.length).fill(Infinity);
      const done = new Uint8Array(coords.length);
      for (const [n, d] of seeds) dist[n] = Math.min(dist[n], d);
      for (;;) {
        let u = -1;
        for (let i = 0; i < dist.length; i++) if (!done[i] && dist[i] < Infinity && (u < 0 || dist[i] < dist[u])) u = i;
        if (u < 0) return dist;
        done[u] = 1;
        for (const [v, w] of adj[u]) if (dist[u] + w < dist[v]) dist[v] = dist[u] + w;
      }
    };
    const seeds: [number, number][] = [];
    for (const f of playgrounds.features) {
      const s = snap((f.geometry as { coordinates: Position }).coordinates);
      seeds.push([s.a, s.d + hav(s.at, coords[s.a])], [s.b, s.d + hav(s.at, coords[s.b])]);
    }
    const dist = dijkstra(seeds);
    const rows = new Map(access.slice(1).filter((r) => r[1] === 'playground').map((r) => [r[0], r]));
    for (const f of homes.features.filter((_, i) => i % 97 === 5)) {
      const s = snap(centerOfMass(f).geometry.coordinates);
      // Homes whose segment also holds a playground could walk along it directly; none of the sampled ones do.
      const want = s.d + Math.min(dist[s.a] + hav(s.at, coords[s.a]), dist[s.b] + hav(s.at, coords[s.b]));
      const row = rows.get(String(f.properties!.osm_id))!;
      expect(Number(row[4]), `snap of ${row[0]}`).toBeCloseTo(s.d, 0);
      expect(Math.abs(Number(row[3]) - want), `walking of ${row[0]}`).toBeLessThan(1);
    }
  });
});
