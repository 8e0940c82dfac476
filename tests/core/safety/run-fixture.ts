/** Runs one safe-routes fixture (tests/fixtures/safety/<name>/in) through the core and builds its out/ collection. */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { computeCategoryAccess } from '../../../src/core/access';
import { buildNetwork, snapPoints } from '../../../src/core/network';
import { CHILD_V1, computeSafeRoutes, ROUTE_STATUSES, SEGMENT_BASES, type SafeRoutes } from '../../../src/core/safety';

type Options = { maxSchoolWalkM?: number };

export function runFixture(fc: FeatureCollection & { properties?: Options }) {
  const pick = (role: string) => fc.features.filter((f) => f.properties?.['role'] === role);
  const streets: FeatureCollection = { type: 'FeatureCollection', features: pick('street') };
  const crossings: FeatureCollection = { type: 'FeatureCollection', features: pick('crossing') };
  const homes = pick('home') as Feature<Point>[];
  const schools = pick('school') as Feature<Point>[];
  const xy = (fs: Feature<Point>[], k: 0 | 1) => Float64Array.from(fs.map((f) => f.geometry.coordinates[k]!));
  const net = buildNetwork(streets);
  const homeSnap = snapPoints(net, xy(homes, 0), xy(homes, 1));
  const schoolSnap = snapPoints(net, xy(schools, 0), xy(schools, 1));
  const access = computeCategoryAccess(net, homeSnap, schoolSnap, Int32Array.from(schools.map((_, i) => i)));
  const profile = { ...CHILD_V1, route: { ...CHILD_V1.route, ...(fc.properties?.maxSchoolWalkM ? { maxSchoolWalkM: fc.properties.maxSchoolWalkM } : {}) } };
  const routes = computeSafeRoutes({ net, streets, crossings, homeSnap, schoolSnap, access, profile, keepRouteSegments: true });
  return { net, homes, schools, access, routes, out: outCollection(fc, streets, net, homes, schools, routes) };
}

const r6 = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null);

function outCollection(fc: FeatureCollection, streets: FeatureCollection, net: ReturnType<typeof buildNetwork>, homes: Feature<Point>[],
  schools: Feature<Point>[], routes: SafeRoutes): FeatureCollection {
  const s = routes.streetSafety;
  const features: Feature[] = streets.features.map((f, i) => ({ ...f, properties: { ...f.properties, plts: s.plts[i], basis: SEGMENT_BASES[s.basis[i]!] ?? null } }));
  features.push(...fc.features.filter((f) => f.properties?.['role'] === 'crossing'), ...schools);
  homes.forEach((home, h) => {
    const ok = routes.status[h] === 0;
    features.push({ ...home, properties: {
      ...home.properties, status: ROUTE_STATUSES[routes.status[h]!], school_id: routes.school[h]! >= 0 ? schools[routes.school[h]!]!.properties!['id'] : null,
      walking_distance_m: r6(routes.walkingM[h]!), safe_distance_m: r6(routes.safeM[h]!), safe_cost_m: r6(routes.safeCostM[h]!),
      detour_ratio: r6(routes.detourRatio[h]!), max_segment_plts: ok ? routes.maxSegmentPlts[h] : null,
      max_crossing_plts: ok ? routes.maxCrossingPlts[h] : null, crossings_plts3plus: ok ? routes.crossingsPlts3[h] : null,
      unsafe: ok ? routes.unsafe[h] : null, long_detour: ok ? routes.longDetour[h] : null,
    } });
    const facts = routes.facts[h];
    if (facts) {
      const coords = facts.segments.map((sg) => [[net.nodeLng[net.segA[sg]!]!, net.nodeLat[net.segA[sg]!]!], [net.nodeLng[net.segB[sg]!]!, net.nodeLat[net.segB[sg]!]!]]);
      features.push({ type: 'Feature', properties: { role: 'safe-route', home: home.properties!['id'], stroke: '#1e8c3a' },
        geometry: { type: 'MultiLineString', coordinates: coords.map((seg) => seg.map(([x, y]) => [r6(x!)!, r6(y!)!])) } });
    }
  });
  return { type: 'FeatureCollection', properties: (fc as { properties?: unknown }).properties, features } as FeatureCollection;
}
