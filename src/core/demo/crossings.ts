/**
 * Pedestrian crossings at street vertices. Arterials get signals only where they meet arterials or
 * collectors; where local streets and paths meet them, crossings are unmarked or uncontrolled (the safe-
 * route analysis should see them as risky). Footbridges are grade-separated; school gates are added by
 * the facility layout (see facilities.ts).
 */
import type { Feature, Point } from 'geojson';
import { FINE, toLngLat, type Grid, type Pos } from './grid';
import { footbridgesOf, hIdx, vIdx, type Edges } from './network';
import type { Plan } from './plan';
import type { Rng } from './random';
import { Cls, rank } from './street-classes';

export type CrossingType = 'traffic_signals' | 'marked' | 'uncontrolled' | 'unmarked' | 'grade_separated';

export interface CrossingProps {
  id: string;
  crossing: CrossingType;
  school_gate: 'yes' | 'no';
}

export type CrossingFeature = Feature<Point, CrossingProps>;

export class Crossings {
  readonly features: CrossingFeature[] = [];
  add(p: Pos, crossing: CrossingType, schoolGate: boolean): void {
    this.features.push({
      type: 'Feature',
      properties: { id: `x${String(this.features.length + 1).padStart(6, '0')}`, crossing, school_gate: schoolGate ? 'yes' : 'no' },
      geometry: { type: 'Point', coordinates: toLngLat(p) },
    });
  }
}

const maxCls = (a: number, b: number): Cls => (rank(a as Cls) >= rank(b as Cls) ? a : b) as Cls;

function junctionType(major: number, minor: number, village: boolean, rng: Rng): CrossingType | null {
  const x = rng.next();
  if (major === 3) {
    if (minor >= 2) return 'traffic_signals';
    if (minor === 1) return x < 0.5 ? 'unmarked' : x < 0.8 ? 'uncontrolled' : 'marked';
    return 'unmarked';
  }
  if (major === 2) {
    if (minor === 2) return 'traffic_signals';
    if (minor === 1) return x < 0.7 ? 'marked' : 'uncontrolled';
    return 'uncontrolled';
  }
  if (major === 1 && minor === 1) return village || x < 0.5 ? 'unmarked' : 'marked';
  return null;
}

export function junctionCrossings(grid: Grid, plan: Plan, edges: Edges, rng: Rng, out: Crossings): void {
  const fbs = footbridgesOf(grid, plan);
  const skip = new Set(fbs.map((f) => `${f.X},${f.J}`));
  const villageCells = new Set(plan.communities.filter((c) => c.fabric === 'village').map((c) => `${c.i0},${c.j0}`));
  for (let J = 0; J <= grid.nJ; J++) {
    for (let I = 0; I <= grid.nI; I++) {
      if (skip.has(`${I},${J}`)) continue;
      const cv = maxCls(J > 0 ? edges.v[vIdx(edges, I, J - 1)] : 0, J < grid.nJ ? edges.v[vIdx(edges, I, J)] : 0);
      const ch = maxCls(I > 0 ? edges.h[hIdx(edges, I - 1, J)] : 0, I < grid.nI ? edges.h[hIdx(edges, I, J)] : 0);
      if (cv === Cls.None || ch === Cls.None) continue;
      const a = rank(cv);
      const b = rank(ch);
      const cell = `${Math.min(Math.floor(I / FINE), grid.nx - 1)},${Math.min(Math.floor(J / FINE), grid.ny - 1)}`;
      const t = junctionType(Math.max(a, b), Math.min(a, b), villageCells.has(cell), rng);
      if (t) out.add(grid.node(I, J), t, false);
    }
  }
  for (const fb of fbs) out.add(grid.node(fb.X, fb.J), 'grade_separated', false);
}
