/**
 * Real OpenStreetMap extracts end to end in Node: imported with the app's importer, every street rated,
 * every home routed to its nearest school (school categories), and the results obey invariants that hold
 * whatever the data: cost ≥ length, detour ≥ 1, beyond exactly when the walk exceeds 3,000 m, and the
 * shortest route found by the same turn-aware search with length costs equals the access core's distance.
 */
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeCategoryAccess } from '../../../src/core/access';
import { buildNetwork, isWalkable, snapPoints, type PedestrianNetwork, type SnapResult } from '../../../src/core/network';
import {
  CHILD_V1, computeSafeRoutes, crossingHotspots, lengthOnly, routeHomes, routeWeights, summariseBySchool, wayHotspots, STATUS_BEYOND, STATUS_OK,
  STATUS_UNREACHABLE, type SafeRoutes,
} from '../../../src/core/safety';
import { buildFacilityTable, buildHomeTable } from '../../../src/core/tables';
import type { CategoryAccess } from '../../../src/core/model';
import { importOk, layer, readBytes, sharedData } from '../io/osm/helpers';

const FILES = ['monaco.osm.gz', 'andorra.osm.pbf'];
const SCHOOL_CATEGORIES = ['school', 'primary_school', 'middle_school'];
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

describe.each(FILES)('%s: safe routes end to end', (file) => {
  let streets: FeatureCollection;
  let net: PedestrianNetwork;
  let homeSnap: SnapResult;
  let schoolSnap: SnapResult;
  let access: CategoryAccess;
  let routes: SafeRoutes;
  let homeCount = 0;
  let weights: ReturnType<typeof routeWeights>;

  beforeAll(async () => {
    const layers = await importOk(readBytes(path.join(sharedData, 'osm', file)), file);
    streets = layer(layers, 'streets')!.data;
    const crossings = layer(layers, 'crossings')?.data ?? EMPTY;
    const homes = buildHomeTable(layer(layers, 'homes')?.data ?? EMPTY);
    const facilities = buildFacilityTable([{ fc: layer(layers, 'facilities')?.data ?? EMPTY }]);
    homeCount = homes.ids.length;
    weights = routeWeights(homes);
    const schools = Int32Array.from(facilities.category.flatMap((c, i) => (SCHOOL_CATEGORIES.includes(c) ? [i] : [])));
    net = buildNetwork(streets);
    homeSnap = snapPoints(net, homes.lng, homes.lat);
    schoolSnap = snapPoints(net, facilities.lng, facilities.lat);
    access = computeCategoryAccess(net, homeSnap, schoolSnap, schools);
    const t0 = performance.now();
    routes = computeSafeRoutes({ net, streets, crossings, homeSnap, schoolSnap, access, profile: CHILD_V1 });
    console.info(`${file}: ${homeCount} homes, ${schools.length} school rows, ${net.segmentCount} segments, ${crossings.features.length} crossing points; `
      + `safe routes in ${(performance.now() - t0).toFixed(0)} ms; ok ${routes.status.filter((s) => s === STATUS_OK).length}, `
      + `beyond ${routes.status.filter((s) => s === STATUS_BEYOND).length}, unreachable ${routes.status.filter((s) => s === STATUS_UNREACHABLE).length}, `
      + `unsafe ${routes.unsafe.reduce((a, b) => a + b, 0)}`);
  }, 120_000);

  it('rates every walkable way and only those', () => {
    streets.features.forEach((f, i) => {
      const p = routes.streetSafety.plts[i]!;
      if (isWalkable(f.properties)) expect(p >= 1 && p <= 4, `way ${i}`).toBe(true);
      else expect(p).toBe(0);
    });
  });

  it('routes homes: statuses follow the access result and the maximum walk', () => {
    expect(routes.status.filter((s) => s === STATUS_OK).length).toBeGreaterThan(0);
    for (let h = 0; h < homeCount; h++) {
      const w = access.walkingM[h]!;
      const expected = !Number.isFinite(w) ? STATUS_UNREACHABLE : w > CHILD_V1.route.maxSchoolWalkM ? STATUS_BEYOND : STATUS_OK;
      expect(routes.status[h]).toBe(expected);
    }
  });

  it('every route: cost ≥ length, detour ≥ 1, flags as defined', () => {
    for (let h = 0; h < homeCount; h++) {
      if (routes.status[h] !== STATUS_OK) continue;
      expect(routes.safeCostM[h]! >= routes.safeM[h]! - 1e-9).toBe(true);
      expect(routes.detourRatio[h]! >= 1 - 1e-9, `home ${h}: ${routes.detourRatio[h]}`).toBe(true);
      expect(routes.unsafe[h]).toBe(routes.maxSegmentPlts[h]! >= 3 || routes.maxCrossingPlts[h]! >= 3 ? 1 : 0);
      expect(routes.longDetour[h]).toBe(routes.detourRatio[h]! > 1.5 ? 1 : 0);
      expect(routes.crossingsPlts3[h]! > 0).toBe(routes.maxCrossingPlts[h]! >= 3);
    }
  });

  it('the shortest route by the same search equals the access core\'s walking distance', () => {
    const homeSchool = Int32Array.from(routes.status, (s, h) => (s === STATUS_OK ? routes.school[h]! : -1));
    const shortest = routeHomes(lengthOnly(routes.graph), homeSnap, schoolSnap, homeSchool, 3);
    let checked = 0;
    for (let h = 0; h < homeCount; h++) {
      if (homeSchool[h]! < 0) continue;
      expect(Math.abs(shortest.cost[h]! - access.walkingM[h]!), `home ${h}`).toBeLessThan(1e-6);
      expect(Math.abs(shortest.facts[h]!.lengthM - access.walkingM[h]!)).toBeLessThan(1e-6);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('summaries add up and hotspots are ranked', () => {
    const bySchool = summariseBySchool(routes, schoolSnap.segment.length, weights);
    const total = bySchool.reduce((s, x) => s + x.total, 0);
    const expected = [...routes.school].reduce((s, f, h) => s + (f >= 0 ? weights.weight[h]! : 0), 0);
    expect(total).toBeCloseTo(expected, 6);
    for (const x of bySchool) if (x.total > 0) expect(x.safe + x.unsafe + x.beyond + x.unreachable).toBeCloseTo(x.total, 6);
    const hot = crossingHotspots(routes, weights);
    hot.forEach((c, i) => {
      expect(c.plts).toBeGreaterThanOrEqual(3);
      expect(c.routes).toBeGreaterThan(0);
      if (i > 0) expect(hot[i - 1]!.weight >= c.weight).toBe(true);
    });
    const ways = wayHotspots(routes, weights);
    ways.forEach((w, i) => {
      expect(w.plts).toBeGreaterThanOrEqual(3);
      if (i > 0) expect(ways[i - 1]!.weight >= w.weight).toBe(true);
    });
    console.info(`${file}: ${hot.length} crossing hotspots (top: ${hot.slice(0, 3).map((c) => `${c.roads.join('/')} ×${c.routes}`).join(', ')}), ${ways.length} way hotspots`);
  });
});
