/**
 * Facility layout by service tier. Each community cell has FINE × FINE sub-cells; facilities take whole
 * sub-cells (homes fill the rest). Tier A communities get a child-service hub (kindergarten, nursery,
 * playground) in every quadrant, a primary school and a children's home, so every community rule of the
 * default pack is met; tier B gets one central kindergarten and a couple of playgrounds (partly met); tier C
 * gets nothing (clearly missed). Street-scale facilities (middle schools, parks, hospitals) follow the
 * street roles and the lagging district of the plan.
 */
import type { Feature, Polygon } from 'geojson';
import { FINE, type Grid } from './grid';
import type { Crossings } from './crossings';
import { hIdx, vIdx, type Edges } from './network';
import type { Community, Plan } from './plan';
import type { Rng } from './random';
import { boxRing, cellBox, ringAreaM2, toPolygon } from './shapes';
import { edgePoint } from './ways';
import { isArterial, rank, type Cls } from './street-classes';

export interface FacilityProps {
  id: string;
  category: string;
  name: string;
  name_zh: string;
  area_m2: number;
  capacity: number | null;
  status: 'existing';
}

export type FacilityFeature = Feature<Polygon, FacilityProps>;

/** Output order: the first feature has every column filled (FlatGeobuf infers column types from it). */
const ORDER = ['kindergarten', 'nursery', 'primary_school', 'middle_school', 'playground', 'mother_baby_room', 'children_home', 'park', 'paediatric'];
const LABEL: Record<string, [string, string]> = {
  kindergarten: ['Kindergarten', '幼儿园'], nursery: ['Nursery', '托育园'], primary_school: ['Primary School', '小学'],
  middle_school: ['Middle School', '初级中学'], playground: ['Playground', '儿童游乐场'], mother_baby_room: ['Mother-and-Baby Room', '母婴室'],
  children_home: ["Children's Home", '儿童之家'], park: ['Park', '公园'], paediatric: ["Children's Hospital", '儿童医院'],
};

type Cell = readonly [number, number];
const GATED = new Set(['kindergarten', 'primary_school', 'middle_school']);

export interface FacilityLayout {
  readonly features: FacilityFeature[];
  /** Per community id: FINE×FINE flags, 1 where a sub-cell is taken by a facility or the park. */
  readonly taken: Map<string, Uint8Array>;
}

export function layoutFacilities(grid: Grid, plan: Plan, edges: Edges, seg: number, rng: Rng, crossings: Crossings): FacilityLayout {
  const byCat = new Map<string, Omit<FacilityProps, 'id'>[]>();
  const geoms = new Map<string, Polygon[]>();
  const taken = new Map<string, Uint8Array>();
  const push = (cat: string, c: Community, n: number, ring: ReturnType<typeof boxRing>, capacity: number | null, areaM2?: number): void => {
    const [en, zh] = LABEL[cat];
    const list = byCat.get(cat) ?? [];
    list.push({ category: cat, name: `${c.name.en} ${en} ${n}`, name_zh: `${c.name.zh}${zh}${n}`, area_m2: Math.round(areaM2 ?? ringAreaM2(ring)), capacity, status: 'existing' });
    byCat.set(cat, list);
    geoms.set(cat, [...(geoms.get(cat) ?? []), toPolygon(ring)]);
  };

  // Middle schools: one per row in served streets (with a park), one in an ordinary street's first-row
  // middle community; none in underserved streets.
  const middleIn = new Set<string>();
  for (const [k, s] of plan.streets.entries()) {
    const mid = s.i0 + Math.floor((s.i1 - s.i0) / 2);
    for (const c of plan.communities) {
      if (c.street !== k) continue;
      if (c.streetHub || (s.role === 'ordinary' && c.i0 === mid && c.j0 === s.j0)) middleIn.add(c.id);
    }
  }
  // A children's hospital in every district but the lagging one, in a tier A community.
  const hospitalIn = new Set<string>();
  plan.districts.forEach((dist, d) => {
    const cs = plan.communities.filter((c) => plan.streets[c.street].district === d && c.tier === 'A' && !middleIn.has(c.id));
    if (!dist.lagging && cs.length > 0) hospitalIn.add(cs[0].id);
  });

  for (const c of plan.communities) {
    const r = rng.fork(`fac:${c.id}`);
    const occ = new Uint8Array(FINE * FINE);
    if (c.park) for (let b = 0; b < 5; b++) for (let a = 0; a < 5; a++) occ[b * FINE + a] = 1;
    taken.set(c.id, occ);
    const I0 = c.i0 * FINE;
    const J0 = c.j0 * FINE;
    // First free sub-cell among the preferred ones, else the free one nearest the centre.
    const claim = (prefs: Cell[]): Cell | null => {
      const all = [...prefs];
      for (let b = 0; b < FINE; b++) for (let a = 0; a < FINE; a++) all.push([a, b]);
      const rest = all.slice(prefs.length).sort((p, q) => Math.hypot(p[0] - 2.5, p[1] - 2.5) - Math.hypot(q[0] - 2.5, q[1] - 2.5));
      for (const [a, b] of [...prefs, ...rest]) {
        if (!occ[b * FINE + a]) {
          occ[b * FINE + a] = 1;
          return [a, b];
        }
      }
      return null;
    };
    const f = grid.cellM / FINE;
    /** Offset in a sub-cell, m metres from its side toward (inner) or away from (outer) the community centre. */
    const inner = (k: number, m: number): number => (k < FINE / 2 ? f - m : m) / f;
    const outer = (k: number, m: number): number => 1 - inner(k, m);
    // School-like footprints sit in a strip along the sub-cell side nearest the community centre, so they
    // reach the network there (walking distance is measured from a facility's centroid).
    const place = (cat: string, prefs: Cell[], count: number, size: () => [number, number, number | null], central = false): void => {
      for (let n = 1; n <= count; n++) {
        const cell = claim(prefs.slice(n - 1));
        if (!cell) return;
        const [w, h, cap] = size();
        const I = I0 + cell[0];
        const J = J0 + cell[1];
        push(cat, c, n, cellBox(grid, I, J, central ? inner(cell[0], 9 + w / 2) : 0.5, central ? inner(cell[1], 9 + h / 2) : 0.5, w, h), cap);
        if (GATED.has(cat)) schoolGate(grid, edges, seg, I, J, crossings);
      }
    };
    const kg = (): [number, number, number] => [60, 50, r.chance(0.5) ? 270 : 360];
    const play = (): [number, number, null] => { const s = r.range(22, 45); return [s, s, null]; };
    const communityCentre = (n: number, at: Cell): void => {
      const cell = claim([at]);
      if (!cell) return;
      const I = I0 + cell[0];
      const J = J0 + cell[1];
      push('children_home', c, n, cellBox(grid, I, J, 0.35, 0.5, 20, 15), null);
      push('mother_baby_room', c, n, cellBox(grid, I, J, 0.75, 0.5, 4, 3), null, 12);
    };
    // A child-service hub in one sub-cell: a kindergarten with a nursery wing and a playground beside it,
    // each near the sub-cell's outer sides (toward the quadrant's far corner), so the three 300 m rules share
    // one catchment and reach the quadrant's corner homes.
    const hub = (n: number, at: Cell): void => {
      const cell = claim([at]);
      if (!cell) return;
      const [a, b] = cell;
      const I = I0 + a;
      const J = J0 + b;
      push('kindergarten', c, n, cellBox(grid, I, J, outer(a, 30), outer(b, 30), 50, 38), r.chance(0.5) ? 270 : 360);
      push('nursery', c, n, cellBox(grid, I, J, outer(a, 14), outer(b, 70), 20, 14), r.chance(0.5) ? 60 : 90);
      push('playground', c, n, cellBox(grid, I, J, outer(a, 72), outer(b, 12), 24, 16), null);
      schoolGate(grid, edges, seg, I, J, crossings);
    };
    // A community nursery point (托育点) with a pocket playground, in a central sub-cell.
    const nurseryPoint = (n: number, at: Cell): void => {
      const cell = claim([at]);
      if (!cell) return;
      const I = I0 + cell[0];
      const J = J0 + cell[1];
      push('nursery', c, n, cellBox(grid, I, J, 0.3, inner(cell[1], 20), 24, 16), 40);
      push('playground', c, n, cellBox(grid, I, J, 0.72, inner(cell[1], 20), 24, 16), null);
    };
    // A 10-minute residential park (≥ 1 ha, GB 50180-2018) over two sub-cells, crossed by a mid-block path.
    const streetPark = (): void => {
      const [a, b0] = [2, 2];
      if (occ[b0 * FINE + a] || occ[(b0 + 1) * FINE + a]) return;
      occ[b0 * FINE + a] = 1;
      occ[(b0 + 1) * FINE + a] = 1;
      push('park', c, 1, boxRing(grid, I0 + a + 0.05, J0 + b0 + 0.05, I0 + a + 0.95, J0 + b0 + 1.95), null);
    };
    if (c.streetHub) streetPark();
    if (middleIn.has(c.id)) place('middle_school', [[3, 2]], 1, () => [80, 40, r.chance(0.5) ? 1200 : 1500], true);
    const served = plan.streets[c.street].role === 'served';
    if (c.streetHub) place('primary_school', [[3, 3]], 1, () => [80, 40, 1620], true);
    if (c.tier === 'A') {
      // West of its street's middle column the school sits west of the centre, east of it east.
      const east = c.i0 > plan.streets[c.street].i0 + Math.floor((plan.streets[c.street].i1 - plan.streets[c.street].i0) / 2);
      place('primary_school', [[east ? 3 : 2, 2]], 1, () => [40, 24, r.chance(0.5) ? 1350 : 1620], true);
      communityCentre(1, [3, 3]);
      ([[1, 1], [4, 1], [1, 4], [4, 4], [2, 3]] as Cell[]).forEach((at, k) => hub(k + 1, at));
      nurseryPoint(6, [east ? 2 : 3, 2]);
    } else if (c.tier === 'B') {
      place('kindergarten', [[2, 2]], 1, kg);
      communityCentre(1, [3, 3]);
      place('playground', [[1, 4], [4, 1]], 2, play);
      if (!c.streetHub && (served || c.i0 % 3 === 1)) place('primary_school', [[3, 2]], 1, () => [80, 40, 1350], true);
      if (r.chance(0.3)) place('nursery', [[2, 3]], 1, () => [30, 25, 60]);
    }
    if (hospitalIn.has(c.id)) {
      place('paediatric', [[5, 5]], 1, () => [70, 60, null]);
    }
    if (c.park) {
      const ring = boxRing(grid, I0 + 0.1, J0 + 0.1, I0 + 4.9, J0 + 4.9);
      push('park', c, 9, ring, null);
    }
  }
  const features: FacilityFeature[] = [];
  for (const cat of ORDER) {
    const ps = byCat.get(cat) ?? [];
    const gs = geoms.get(cat) ?? [];
    ps.forEach((p, k) => features.push({ type: 'Feature', properties: { id: `f${String(features.length + 1).padStart(5, '0')}`, ...p }, geometry: gs[k] }));
  }
  return { features, taken };
}

/** A marked crossing on the street beside the school's sub-cell; local streets first (gates avoid arterials). */
function schoolGate(grid: Grid, edges: Edges, seg: number, I: number, J: number, crossings: Crossings): void {
  const sides: [Cls, [number, number], [number, number]][] = [
    [edges.v[vIdx(edges, I, J)] as Cls, [I, J], [I, J + 1]],
    [edges.v[vIdx(edges, I + 1, J)] as Cls, [I + 1, J], [I + 1, J + 1]],
    [edges.h[hIdx(edges, I, J)] as Cls, [I, J], [I + 1, J]],
    [edges.h[hIdx(edges, I, J + 1)] as Cls, [I, J + 1], [I + 1, J + 1]],
  ];
  const roads = sides.filter((s) => rank(s[0]) >= 1).sort((p, q) => rank(p[0]) - rank(q[0]));
  if (roads.length === 0) return;
  const [cls, a, b] = roads[0];
  const pa = grid.node(a[0], a[1]);
  const p = seg > 1 ? edgePoint(pa, grid.node(b[0], b[1]), Math.floor(seg / 2), seg) : pa;
  crossings.add(p, isArterial(cls) ? 'traffic_signals' : 'marked', true);
}
