/** What `analyze --safe-routes` says about its run: one progress line and the `safeRoutes` block of summary.json. */
import type { SafeRoutesResult } from '../core/analysis';
import { ROUTE_STATUSES, STATUS_OK } from '../core/safety';

export function safeRoutesSummary(r: SafeRoutesResult) {
  const h = r.homes;
  const count = (st: number): number => h.status.reduce((n, s) => n + (s === st ? 1 : 0), 0);
  return {
    profile: r.profileId,
    schoolCategories: r.schoolCategories,
    homes: Object.fromEntries(ROUTE_STATUSES.map((name, st) => [name, count(st)])),
    unsafeRoutes: h.unsafe.reduce((n, x) => n + x, 0),
    longDetours: h.longDetour.reduce((n, x) => n + x, 0),
    hotspotCrossings: r.crossingHotspots.length,
    hotspotWays: r.wayHotspots.length,
    weights: r.weightsAreChildren ? 'children_7_12' : 'homes',
    timingsMs: r.timingsMs,
  };
}

export function safeRoutesLine(r: SafeRoutesResult, seconds: number): string {
  const s = safeRoutesSummary(r);
  const ok = r.homes.status.reduce((n, x) => n + (x === STATUS_OK ? 1 : 0), 0);
  const top = r.crossingHotspots[0];
  return `Safe routes in ${seconds.toFixed(1)} s: ${ok} homes routed (${s.unsafeRoutes} unsafe, ${s.longDetours} long detours), `
    + `${s.homes['beyond']} beyond, ${s.homes['unreachable']} unreachable; ${s.hotspotCrossings} hotspot crossings, ${s.hotspotWays} hotspot ways`
    + (top ? `; top crossing: ${top.roads.join(' / ') || 'unnamed'} (${top.routes} routes)` : '');
}
