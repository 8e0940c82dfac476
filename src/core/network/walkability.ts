/**
 * Which street features are walkable (access-contract.md, "Walkable ways"). The table is data so the user
 * can edit it and the project can save it; `DEFAULT_WALKABILITY` is the contract's default.
 */
import { readStreet, type Props } from '../model';

export interface WalkabilityTable {
  /** `highway` values that are walkable. Unknown classes read as `road` (data-schema.md). */
  readonly walkable: readonly string[];
  /** `highway` values that are never walkable, whatever `foot` says. */
  readonly neverWalkable: readonly string[];
  /** `foot` values that forbid walking. */
  readonly footForbidden: readonly string[];
  /** `access` values that forbid walking unless `foot` is one of `footAllows`. */
  readonly accessForbidden: readonly string[];
  readonly footAllows: readonly string[];
  /** `tunnel` values whose segments route but cannot be snapped to (nobody enters a home from a tunnel). */
  readonly unsnappableTunnel: readonly string[];
}

export const DEFAULT_WALKABILITY: WalkabilityTable = {
  walkable: [
    'footway', 'path', 'pedestrian', 'steps', 'living_street', 'residential', 'service', 'unclassified', 'tertiary',
    'secondary', 'primary', 'cycleway', 'track', 'road', 'primary_link', 'secondary_link', 'tertiary_link',
  ],
  // access-contract 1.1: ways that do not exist (yet, any more) or cannot be walked on.
  neverWalkable: [
    'motorway', 'motorway_link', 'trunk', 'trunk_link', 'construction', 'proposed', 'planned', 'abandoned', 'disused',
    'razed', 'raceway', 'bus_guideway', 'no',
  ],
  footForbidden: ['no'],
  accessForbidden: ['private', 'no'],
  footAllows: ['yes', 'designated', 'permissive'],
  unsnappableTunnel: ['yes'],
};

/** True when a street feature belongs to the pedestrian line network (closed `area=yes` ways do not). */
export function isWalkable(props: Props | null | undefined, table: WalkabilityTable = DEFAULT_WALKABILITY): boolean {
  const raw = typeof props?.['highway'] === 'string' ? (props['highway'] as string) : undefined;
  if (raw !== undefined && table.neverWalkable.includes(raw)) return false;
  const street = readStreet(props);
  const highway = raw !== undefined && table.walkable.includes(raw) ? raw : street.highway;
  if (!table.walkable.includes(highway)) return false;
  const foot = street.foot;
  if (foot !== undefined && table.footForbidden.includes(foot)) return false;
  if (street.access !== undefined && table.accessForbidden.includes(street.access)) {
    return foot !== undefined && table.footAllows.includes(foot);
  }
  return true;
}

/** True when the way's segments may not be snapped to because it is a tunnel. */
export function isUnsnappableTunnel(props: Props | null | undefined, table: WalkabilityTable = DEFAULT_WALKABILITY): boolean {
  const t = props?.['tunnel'];
  if (t === true) return table.unsnappableTunnel.includes('yes');
  return typeof t === 'string' && table.unsnappableTunnel.includes(t);
}
