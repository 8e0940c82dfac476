/**
 * Administrative polygons. Every ring walks the community-grid corners along its edges, so neighbouring
 * units share identical edge vertices and communities tile streets tile districts tile the city.
 */
import type { Feature, Polygon } from 'geojson';
import type { Grid, Pos } from './grid';
import type { CellRange, Plan } from './plan';
import { CITY_NAME, type BiName } from './names';
import { toPolygon } from './shapes';

export interface UnitProps {
  id: string;
  name: string;
  name_zh: string;
  parent_id: string | null;
  admin_code: string;
}

export type UnitFeature = Feature<Polygon, UnitProps>;

export const CITY_ID = 'city';
export const CITY_CODE = '990100000000';

/** Counter-clockwise ring over the corners of a cell range (RFC 7946 exterior orientation). */
export function rangeRing(grid: Grid, r: CellRange): Pos[] {
  const ring: Pos[] = [];
  for (let i = r.i0; i < r.i1; i++) ring.push(grid.corner(i, r.j0));
  for (let j = r.j0; j < r.j1; j++) ring.push(grid.corner(r.i1, j));
  for (let i = r.i1; i > r.i0; i--) ring.push(grid.corner(i, r.j1));
  for (let j = r.j1; j > r.j0; j--) ring.push(grid.corner(r.i0, j));
  ring.push(ring[0]);
  return ring;
}

const unit = (grid: Grid, r: CellRange, id: string, name: BiName, parent: string | null, code: string): UnitFeature => ({
  type: 'Feature',
  properties: { id, name: name.en, name_zh: name.zh, parent_id: parent, admin_code: code },
  geometry: toPolygon(rangeRing(grid, r)),
});

export interface UnitLayers {
  city: UnitFeature[];
  district: UnitFeature[];
  street: UnitFeature[];
  community: UnitFeature[];
}

export function buildUnits(grid: Grid, plan: Plan): UnitLayers {
  return {
    city: [unit(grid, { i0: 0, i1: grid.nx, j0: 0, j1: grid.ny }, CITY_ID, CITY_NAME, null, CITY_CODE)],
    district: plan.districts.map((d) => unit(grid, d, d.id, d.name, CITY_ID, d.code)),
    street: plan.streets.map((s) => unit(grid, s, s.id, s.name, plan.districts[s.district].id, s.code)),
    community: plan.communities.map((c) => unit(grid, c, c.id, c.name, plan.streets[c.street].id, c.code)),
  };
}
