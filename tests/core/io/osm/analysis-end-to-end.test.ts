/**
 * Every extract in shared/data/osm, imported with importOsm, runs through the access analysis end to end
 * (streets, homes, facilities per category and units by level, all picked by role as the app does), and the
 * result obeys properties computed here without the core's geometry: a haversine and a shoelace centroid of
 * our own, the homes layer's feature count, and coverage re-added from the per-home results.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { runAccessAnalysis, type AccessAnalysisResult, type AnalysisInputs } from '../../../../src/core/analysis';
import { countedCategories, type LoadedLayer } from '../../../../src/core/model';
import { importOk, layer, readBytes, sharedData } from './helpers';

const FILES = ['monaco.osm.gz', 'moscow.osm.gz', 'andorra.osm.pbf', 'limburg_an_der_lahn.osm.pbf', 'liechtenstein-2021-10-28.osm.pbf'];
const THRESHOLDS = [300, 500, 1000];
const LEVELS = ['city', 'district', 'street', 'community'] as const;
const BAND_FIELDS = ['children_0_3', 'children_4_6', 'children_7_12', 'children_13_18'];
const MAX_SNAP_M = 150;
/** Metres: rounding between our centroid / haversine and the core's, far below anything that matters. */
const TOL_M = 0.05;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

// The contract's earth radius (access-contract.md), same as turf's.
const R = 6_371_008.8;
function haversine(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1]! - a[1]!) * rad;
  const dLng = (b[0]! - a[0]!) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A point is itself; polygons: area-weighted centroid in lon/lat, holes subtracted (shoelace, written here). */
function pointOf(g: Geometry | null): [number, number] | null {
  if (!g) return null;
  if (g.type === 'Point') return [g.coordinates[0]!, g.coordinates[1]!];
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const o = polys[0]?.[0]?.[0];
  if (!o) return null;
  let a = 0, x = 0, y = 0;
  for (const rings of polys) {
    rings.forEach((ring, r) => {
      let ra = 0, rx = 0, ry = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x0, y0] = [ring[i]![0]! - o[0]!, ring[i]![1]! - o[1]!];
        const [x1, y1] = [ring[i + 1]![0]! - o[0]!, ring[i + 1]![1]! - o[1]!];
        const c = x0 * y1 - x1 * y0;
        ra += c;
        rx += (x0 + x1) * c;
        ry += (y0 + y1) * c;
      }
      const s = (r === 0 ? 1 : -1) * Math.sign(ra);
      a += s * ra;
      x += s * rx;
      y += s * ry;
    });
  }
  return a === 0 ? null : [o[0]! + x / (3 * a), o[1]! + y / (3 * a)];
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : 0);

describe.each(FILES)('%s: imported layers through the access analysis', (file) => {
  let layers: LoadedLayer[];
  let homes: Feature[];
  let result: AccessAnalysisResult;
  let categories: string[];
  let unitLevels: string[];
  /** Our own facility points per category, and per facility id. */
  const facilityPts = new Map<string, [number, number][]>();
  const byId = new Map<string, [number, number][]>();
  let importMs = 0;
  let analysisMs = 0;

  beforeAll(async () => {
    let t0 = performance.now();
    layers = await importOk(readBytes(path.join(sharedData, 'osm', file)), file);
    importMs = performance.now() - t0;
    homes = layer(layers, 'homes')?.data.features ?? [];
    const facilities = layer(layers, 'facilities')!;
    for (const f of facilities.data.features) {
      const p = pointOf(f.geometry);
      const cat = f.properties?.category;
      if (!p || typeof cat !== 'string') continue;
      // A `school` of unknown level counts as primary and as middle school (facility-categories.ts countsAs).
      const counted = countedCategories(cat);
      for (const c of counted) {
        facilityPts.set(c, [...(facilityPts.get(c) ?? []), p]);
        const id = String(f.properties?.id ?? f.properties?.osm_id) + (counted.length > 1 ? `/${c}` : '');
        byId.set(id, [...(byId.get(id) ?? []), p]);
      }
    }
    categories = [...facilityPts.keys()].sort();
    const units: Record<string, FeatureCollection> = {};
    for (const level of LEVELS) {
      const l = layer(layers, level);
      if (l) units[level] = l.data;
    }
    unitLevels = Object.keys(units);
    const inputs: AnalysisInputs = {
      streets: layer(layers, 'streets')!.data,
      homes: layer(layers, 'homes')?.data ?? EMPTY,
      facilities: [{ fc: facilities.data }],
      units,
    };
    t0 = performance.now();
    result = runAccessAnalysis(inputs, { categories, thresholds: THRESHOLDS.map((m) => ({ m })), maxSnapM: MAX_SNAP_M, isochrones: 'segments' }).result;
    analysisMs = performance.now() - t0;
  }, 60_000);

  it('runs on the categories present, in well under 20 s, with one home per feature of the homes layer', () => {
    console.info(`${file}: import ${importMs.toFixed(0)} ms, analysis ${analysisMs.toFixed(0)} ms, ${homes.length} homes, ` +
      `${result.facilityCount} facilities, categories ${categories.join(' ')}, levels ${result.coverage.map((c) => c.level).join(' ')}`);
    expect(categories.length).toBeGreaterThan(0);
    expect(result.categories.map((c) => c.category)).toEqual(categories);
    expect([...result.thresholdsM]).toEqual(THRESHOLDS);
    expect(result.homeCount).toBe(layer(layers, 'homes')?.featureCount ?? 0);
    expect(result.homeCount).toBe(homes.length);
    expect(result.facilityCount).toBe([...facilityPts.values()].reduce((s, p) => s + p.length, 0));
    expect(result.network.segments).toBeGreaterThan(0);
    expect(result.coverage.map((c) => c.level)).toEqual(unitLevels);
    expect(importMs + analysisMs).toBeLessThan(20_000);
  });

  it('puts homes and facilities where their geometry is (our centroid)', () => {
    const bad: string[] = [];
    for (let h = 0; h < result.homeCount; h++) {
      const p = pointOf(homes[result.homeFeatureIdx[h]!]!.geometry)!;
      if (!(haversine(p, [result.homeLng[h]!, result.homeLat[h]!]) < TOL_M / 5)) bad.push(`home ${h}`);
    }
    for (let f = 0; f < result.facilityCount; f++) {
      const mine = byId.get(result.facilityIds[f]!) ?? [];
      if (!(Math.min(...mine.map((p) => haversine(p, [result.facilityLng[f]!, result.facilityLat[f]!]))) < TOL_M / 5)) bad.push(`facility ${result.facilityIds[f]}`);
    }
    expect(bad).toEqual([]);
  });

  it('never walks shorter than the straight line to the nearest facility of the category', () => {
    // Failures are collected, not asserted one by one: 12k homes × 7 categories of expect() take seconds.
    const bad: string[] = [];
    let checked = 0;
    let minSlack = Infinity;
    for (const c of result.categories) {
      const pts = facilityPts.get(c.category)!;
      for (let h = 0; h < result.homeCount; h++) {
        const w = c.walkingM[h]!;
        if (w === Infinity) continue;
        const home = pointOf(homes[result.homeFeatureIdx[h]!]!.geometry)!;
        let straight = Infinity;
        for (const p of pts) straight = Math.min(straight, haversine(home, p));
        minSlack = Math.min(minSlack, w - straight);
        if (!(w >= straight - TOL_M)) bad.push(`${c.category} home ${h}: walking ${w} < straight line ${straight}`);
        // ...nor shorter than the line to the facility it names, which is of that category.
        const f = c.nearestFacility[h]!;
        if (result.facilityCategory[f] !== c.category) bad.push(`${c.category} home ${h}: nearest ${f} is ${result.facilityCategory[f]}`);
        if (!(w >= haversine(home, [result.facilityLng[f]!, result.facilityLat[f]!]) - TOL_M)) bad.push(`${c.category} home ${h}: shorter than the line to ${f}`);
        // walking = home snap leg + network + facility snap leg, both legs within the snap limit.
        const [hs, fs] = [result.homeSnapM[h]!, result.facilitySnapM[f]!];
        if (!(hs <= MAX_SNAP_M + 1e-6 && fs <= MAX_SNAP_M + 1e-6)) bad.push(`${c.category} home ${h}: snap legs ${hs} ${fs}`);
        if (!(Math.abs(hs + c.networkM[h]! + fs - w) < 1e-6)) bad.push(`${c.category} home ${h}: legs + network ≠ walking`);
        checked++;
      }
    }
    console.info(`${file}: ${checked} reachable home × category pairs, smallest walking − straight line ${minSlack.toFixed(3)} m`);
    expect(bad.slice(0, 20)).toEqual([]);
    if (result.homeCount > 0) expect(checked).toBeGreaterThan(0);
  });

  it('counts unreachable and not-connected homes and gives them no distance', () => {
    let notConnected = 0;
    for (let h = 0; h < result.homeCount; h++) if (result.homeSnapM[h] === Infinity) notConnected++;
    expect(result.notConnectedHomes).toBe(notConnected);
    for (const c of result.categories) {
      let unreachable = 0;
      const bad: number[] = [];
      for (let h = 0; h < result.homeCount; h++) {
        const w = c.walkingM[h]!;
        if (Number.isNaN(w) || (w === Infinity) !== (c.networkM[h] === Infinity) || (w === Infinity) !== (c.nearestFacility[h] === -1)) bad.push(h);
        // A home off the network reaches nothing.
        if (result.homeSnapM[h] === Infinity && w !== Infinity) bad.push(h);
        if (w === Infinity) unreachable++;
      }
      expect(bad, c.category).toEqual([]);
      expect(c.unreachableHomes, c.category).toBe(unreachable);
      expect(unreachable).toBeGreaterThanOrEqual(notConnected);
    }
  });

  it('coverage: shares in [0, 1], never more children than the unit has, monotone in the threshold, re-added from the homes', () => {
    const T = THRESHOLDS.length;
    for (const cov of result.coverage) {
      const units = result.units.find((u) => u.level === cov.level)!;
      const U = cov.unitCount;
      expect(cov.categories).toEqual(categories);
      // Children per unit and within each threshold, added up here from the features' attributes.
      const total = new Float64Array(U * 4);
      const within = new Float64Array(categories.length * U * 4 * T);
      const unreachable = new Int32Array(categories.length * U);
      let outside = 0;
      for (let h = 0; h < result.homeCount; h++) {
        const u = units.homeUnit[h]!;
        if (u < 0) {
          outside++;
          continue;
        }
        const props = homes[result.homeFeatureIdx[h]!]!.properties;
        const kids = BAND_FIELDS.map((k) => num(props?.[k]));
        kids.forEach((k, b) => (total[u * 4 + b] += k));
        result.categories.forEach((c, ci) => {
          const w = c.walkingM[h]!;
          if (w === Infinity) unreachable[ci * U + u]!++;
          THRESHOLDS.forEach((m, t) => {
            if (w <= m) kids.forEach((k, b) => (within[((ci * U + u) * 4 + b) * T + t] += k));
          });
        });
      }
      expect(cov.outsideHomes).toBe(outside);
      expect(cov.homes.reduce((s, n) => s + n, 0) + outside).toBe(result.homeCount);
      expect([...cov.homesUnreachable]).toEqual([...unreachable]);
      const bad: string[] = [];
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
      total.forEach((n, i) => close(cov.childrenTotal[i]!, n) || bad.push(`total ${i}: ${cov.childrenTotal[i]} ≠ ${n}`));
      within.forEach((n, i) => close(cov.childrenWithin[i]!, n) || bad.push(`within ${i}: ${cov.childrenWithin[i]} ≠ ${n}`));
      for (let ci = 0; ci < categories.length; ci++) {
        for (let u = 0; u < U; u++) {
          for (let b = 0; b < 4; b++) {
            const all = cov.childrenTotal[u * 4 + b]!;
            let prev = 0;
            for (let t = 0; t < T; t++) {
              const n = cov.childrenWithin[((ci * U + u) * 4 + b) * T + t]!;
              const share = all > 0 ? n / all : 0;
              if (!(n >= 0 && n <= all + 1e-9 && share >= 0 && share <= 1 && share >= prev)) bad.push(`${categories[ci]} unit ${u} band ${b} t ${t}: ${n} of ${all}`);
              prev = share;
            }
          }
        }
      }
      expect(bad.slice(0, 20), cov.level).toEqual([]);
    }
  });
});
