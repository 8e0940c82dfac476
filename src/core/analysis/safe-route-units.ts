/**
 * Safe routes summarised per unit (community, street, district, city): children of 7–12 (homes, where the
 * data has no child counts) with a safe route, the unsafe share, the median detour. When no city layer is
 * loaded the whole study area is one city (WHOLE_AREA_UNIT_ID), as for rules, so a city-scale safe-route
 * rule and the city row here count the same homes.
 */
import { UNIT_LEVELS, type UnitLevel, type UnitTable } from '../model';
import { WHOLE_AREA_UNIT_ID } from '../rules';
import { summariseRoutes, type RouteSummary, type RouteWeights, type SafeRoutes } from '../safety';

export interface UnitRouteSummaries {
  readonly level: UnitLevel;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly namesZh: readonly (string | undefined)[];
  readonly summaries: readonly RouteSummary[];
}

/** One entry per level present (and the whole-area city when none is), in UNIT_LEVELS order (city first). */
export function summariseUnits(routes: Pick<SafeRoutes, 'status' | 'unsafe' | 'longDetour' | 'detourRatio'>,
  units: Partial<Record<UnitLevel, UnitTable>>, weights: RouteWeights): UnitRouteSummaries[] {
  const n = routes.status.length;
  const out: UnitRouteSummaries[] = [];
  for (const level of UNIT_LEVELS) {
    const u = units[level];
    if (u) {
      out.push({ level, ids: u.ids, names: u.names, namesZh: u.namesZh, summaries: summariseRoutes(routes, u.homeUnit, u.ids.length, weights) });
    } else if (level === 'city') {
      out.push({ level, ids: [WHOLE_AREA_UNIT_ID], names: [''], namesZh: [undefined], summaries: summariseRoutes(routes, new Int32Array(n), 1, weights) });
    }
  }
  return out;
}
