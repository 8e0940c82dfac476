/**
 * Street lines (ways) from the classified lattice edges, plus the special ways that do not follow the
 * lattice: the elevated expressway, footbridges, the park tunnel and a detached path fragment. Ways
 * include every lattice node they pass (so junctions are shared vertices) except where a bridge crosses
 * them, and `seg` − 1 intermediate vertices per edge (segment density for benchmarks).
 */
import type { Feature, LineString } from 'geojson';
import { FINE, lerp, toLngLat, type Grid, type Pos } from './grid';
import { footbridgesOf, hIdx, parkCellOf, vIdx, type Edges } from './network';
import { baseName, type BiName } from './names';
import type { Plan } from './plan';
import { Cls, TAGS, isArterial, isCollector } from './street-classes';

export interface StreetProps {
  id: string;
  highway: string;
  name: string | null;
  name_zh: string | null;
  maxspeed: number | null;
  lanes: number | null;
  sidewalk: string | null;
  foot: string | null;
  access: string | null;
  layer: number;
  bridge: string | null;
  tunnel: string | null;
  lit: string;
}

export type StreetFeature = Feature<LineString, StreetProps>;

/** The k-th of n intermediate points of edge a→b: the one formula used for ways and school gates. */
export const edgePoint = (a: Pos, b: Pos, k: number, n: number): Pos => lerp(a, b, k / n);

function lineName(cls: Cls, vertical: boolean, line: number): BiName | null {
  const base = baseName(1000 + (vertical ? 0 : 500) + line);
  if (isArterial(cls)) return { en: `${base.en} Avenue`, zh: `${base.zh}大道` };
  if (isCollector(cls)) return { en: `${base.en} Road`, zh: `${base.zh}路` };
  if (cls === Cls.Local || cls === Cls.VillageLane) return { en: `${base.en} Street`, zh: `${base.zh}街` };
  return null;
}

function props(cls: Cls, name: BiName | null, extra: Partial<StreetProps> = {}): Omit<StreetProps, 'id'> {
  const t = TAGS[cls];
  return {
    highway: t.highway, name: name?.en ?? null, name_zh: name?.zh ?? null, maxspeed: t.maxspeed, lanes: t.lanes,
    sidewalk: t.sidewalk, foot: t.foot, access: t.access, layer: 0, bridge: null, tunnel: null, lit: t.lit, ...extra,
  };
}

export interface WayBuild {
  readonly features: StreetFeature[];
  /** Count of 2-point segments over all ways. */
  readonly segments: number;
}

export function buildWays(grid: Grid, plan: Plan, edges: Edges, seg: number): WayBuild {
  const features: StreetFeature[] = [];
  let segments = 0;
  const skip = new Set(footbridgesOf(grid, plan).map((f) => `${f.X},${f.J}`));
  const emit = (pts: Pos[], p: Omit<StreetProps, 'id'>): void => {
    features.push({
      type: 'Feature',
      properties: { id: `w${String(features.length + 1).padStart(6, '0')}`, ...p },
      geometry: { type: 'LineString', coordinates: pts.map(toLngLat) },
    });
    segments += pts.length - 1;
  };

  // One pass per lattice line; a way ends at a gap, a class change, or a cell (roads) / block (paths) edge.
  const walk = (vertical: boolean, line: number, len: number, clsAt: (k: number) => Cls, node: (k: number) => Pos): void => {
    const period = line % 2 === 1 ? 2 : FINE;
    let pts: Pos[] = [];
    let cur: Cls = Cls.None;
    const flush = (): void => {
      if (pts.length >= 2) emit(pts, props(cur, lineName(cur, vertical, line)));
      pts = [];
    };
    for (let k = 0; k < len; k++) {
      const cls = clsAt(k);
      if (cls !== cur || k % period === 0) {
        flush();
        cur = cls;
      }
      if (cls === Cls.None) continue;
      const a = node(k);
      const b = node(k + 1);
      const key = vertical ? `${line},${k}` : `${k},${line}`;
      if (pts.length === 0 || !skip.has(key) || !vertical) pts.push(a);
      for (let s = 1; s < seg; s++) pts.push(edgePoint(a, b, s, seg));
      if (k === len - 1 || clsAt(k + 1) !== cls || (k + 1) % period === 0) pts.push(b);
    }
    flush();
  };
  for (let I = 0; I <= grid.nI; I++) walk(true, I, grid.nJ, (J) => edges.v[vIdx(edges, I, J)] as Cls, (J) => grid.node(I, J));
  for (let J = 0; J <= grid.nJ; J++) walk(false, J, grid.nI, (I) => edges.h[hIdx(edges, I, J)] as Cls, (I) => grid.node(I, J));

  addExpressway(grid, plan, seg, emit);
  for (const fb of footbridgesOf(grid, plan)) {
    const a = grid.node(fb.X - 1, fb.J);
    const m = grid.node(fb.X, fb.J);
    const b = grid.node(fb.X + 1, fb.J);
    emit([a, lerp(a, m, 0.5), m, lerp(m, b, 0.5), b], props(Cls.Footway, null, { layer: 1, bridge: 'yes' }));
  }
  addPark(grid, plan, seg, emit);
  return { features, segments };
}

type Emit = (pts: Pos[], p: Omit<StreetProps, 'id'>) => void;

/** Half-edge offsets keep every expressway and tunnel vertex off the lattice nodes it passes over/under. */
const offNode = (a: Pos, b: Pos, k: number, n: number): Pos => lerp(a, b, (k + 0.5) / n);

function addExpressway(grid: Grid, plan: Plan, seg: number, emit: Emit): void {
  const J = plan.trunkRow * FINE;
  const name = baseName(1000 + 500 + J);
  const p = {
    highway: 'trunk', name: `${name.en} Expressway`, name_zh: `${name.zh}快速路`, maxspeed: 80, lanes: 8, sidewalk: 'no',
    foot: 'no', access: null, layer: 1, bridge: 'yes', tunnel: null, lit: 'yes',
  };
  let pts: Pos[] = [grid.at(-1, J)];
  for (let I = 0; I < grid.nI; I++) {
    for (let s = 0; s < seg; s++) pts.push(offNode(grid.node(I, J), grid.node(I + 1, J), s, seg));
    if ((I + 1) % FINE === 0 && I + 1 < grid.nI) {
      emit(pts, p);
      pts = [pts[pts.length - 1]];
    }
  }
  pts.push(grid.at(grid.nI + 1, J));
  emit(pts, p);
}

function addPark(grid: Grid, plan: Plan, seg: number, emit: Emit): void {
  const { pi, pj } = parkCellOf(plan);
  const I = pi * FINE + 3;
  const J0 = pj * FINE;
  const pts: Pos[] = [grid.node(I, J0)];
  for (let J = J0; J < J0 + FINE; J++) for (let s = 0; s < seg; s++) pts.push(offNode(grid.node(I, J), grid.node(I, J + 1), s, seg));
  pts.push(grid.node(I, J0 + FINE));
  const name = baseName(1000 + I);
  emit(pts, { ...props(Cls.CollectorCol, null), name: `${name.en} Tunnel`, name_zh: `${name.zh}隧道`, sidewalk: 'no', layer: -1, tunnel: 'yes' });
  // A detached path fragment (~150 m): a network island, too short to snap to.
  const I0 = pi * FINE;
  emit([grid.at(I0 + 0.6, J0 + 3.6), grid.at(I0 + 1.6, J0 + 3.6), grid.at(I0 + 1.6, J0 + 4.3)], props(Cls.ParkPath, null));
}
