/**
 * Which fine-lattice edges carry which street class. Lines at community-cell boundaries are arterials or
 * collectors; lines 2 and 4 inside a cell are local streets; odd lines carry mid-block footpaths, chosen
 * per block (all of them, public, in urban villages and open communities). Special cases: the elevated
 * expressway's row has no ground street, the park community has no streets inside its park, and the
 * footbridge rows leave a gap the bridge fills.
 */
import { FINE, type Grid } from './grid';
import type { Plan } from './plan';
import type { Rng } from './random';
import { Cls } from './street-classes';

export interface Edges {
  readonly nI: number;
  readonly nJ: number;
  /** Vertical edge (I,J)→(I,J+1) at index I*nJ + J. */
  readonly v: Uint8Array;
  /** Horizontal edge (I,J)→(I+1,J) at index J*nI + I. */
  readonly h: Uint8Array;
}

export const vIdx = (e: Edges, I: number, J: number): number => I * e.nJ + J;
export const hIdx = (e: Edges, I: number, J: number): number => J * e.nI + I;

/** The fine-lattice rows (global J) at which footbridges cross an arterial column, and those columns. */
export interface Footbridge {
  readonly X: number;
  readonly J: number;
}

export function footbridgesOf(grid: Grid, plan: Plan): Footbridge[] {
  const cols = [plan.footbridgeColumn, plan.footNoColumn].filter((c, k, a) => c > 0 && c < grid.nx && a.indexOf(c) === k);
  return cols.map((c) => ({ X: c * FINE, J: 3 }));
}

export function parkCellOf(plan: Plan): { pi: number; pj: number } {
  const c = plan.communities.find((x) => x.park) ?? plan.communities[0];
  return { pi: c.i0, pj: c.j0 };
}

export function classifyEdges(grid: Grid, plan: Plan, rng: Rng): Edges {
  const { nI, nJ } = grid;
  const e: Edges = { nI, nJ, v: new Uint8Array((nI + 1) * nJ), h: new Uint8Array((nJ + 1) * nI) };
  const arterialCols = new Set([...plan.districts.map((d) => d.i0), grid.nx]);
  const arterialRows = new Set([...plan.streets.map((s) => s.j0), grid.ny]);
  const footNoEndJ = Math.ceil(grid.ny / 2) * FINE;

  for (let i = 0; i <= grid.nx; i++) {
    for (let J = 0; J < nJ; J++) {
      const art = arterialCols.has(i);
      e.v[vIdx(e, i * FINE, J)] = art ? (i === plan.footNoColumn && J < footNoEndJ ? Cls.ArterialNoFoot : Cls.Arterial) : Cls.CollectorCol;
    }
  }
  for (let j = 0; j <= grid.ny; j++) {
    if (j === plan.trunkRow) continue; // the expressway is elevated: no ground street on its row
    for (let I = 0; I < nI; I++) e.h[hIdx(e, I, j * FINE)] = arterialRows.has(j) ? Cls.Arterial : Cls.CollectorRow;
  }

  const { pi, pj } = parkCellOf(plan);
  for (const c of plan.communities) {
    const I0 = c.i0 * FINE;
    const J0 = c.j0 * FINE;
    const local = c.fabric === 'village' ? Cls.VillageLane : Cls.Local;
    for (const a of [2, 4]) {
      for (let k = 0; k < FINE; k++) {
        e.v[vIdx(e, I0 + a, J0 + k)] = local;
        e.h[hIdx(e, I0 + k, J0 + a)] = local;
      }
    }
    if (c.park) continue; // the park replaces the blocks' own paths
    const r = rng.fork(`paths:${c.id}`);
    for (let by = 0; by < 3; by++) {
      for (let bx = 0; bx < 3; bx++) {
        const x = r.next();
        const full = c.fabric === 'village' || c.open;
        const vert = full || (x >= 0.25 && x < 0.55) || x >= 0.85;
        const horz = full || x >= 0.55;
        const y = r.next();
        const cls = c.fabric === 'village' ? Cls.VillageAlley : c.open || y >= 0.13 ? Cls.Footway : y < 0.08 ? Cls.GatedPath : Cls.GatedPathFoot;
        const I = I0 + 2 * bx + 1;
        const J = J0 + 2 * by + 1;
        if (vert) for (let k = 0; k < 2; k++) e.v[vIdx(e, I, J0 + 2 * by + k)] = cls;
        if (horz) for (let k = 0; k < 2; k++) e.h[hIdx(e, I0 + 2 * bx + k, J)] = cls;
      }
    }
  }

  // Footbridges: the mid-block paths on both sides lead up to the bridge, which replaces the last edge
  // on each side; the bridge itself is a separate way (see ways.ts).
  for (const fb of footbridgesOf(grid, plan)) {
    for (const I of [fb.X - 2, fb.X + 1]) if (e.h[hIdx(e, I, fb.J)] === Cls.None) e.h[hIdx(e, I, fb.J)] = Cls.Footway;
    e.h[hIdx(e, fb.X - 1, fb.J)] = Cls.None;
    e.h[hIdx(e, fb.X, fb.J)] = Cls.None;
  }

  // The park: cell-local fine square [0,5]²; its outer edges on lines 0 stay streets, on lines 5 they
  // become the park's perimeter path, everything inside is removed.
  const PI = pi * FINE;
  const PJ = pj * FINE;
  const inPark = (I: number, J: number): boolean => I >= PI && I <= PI + 5 && J >= PJ && J <= PJ + 5;
  for (let I = PI; I <= PI + 5; I++) {
    for (let J = PJ; J <= PJ + 5; J++) {
      if (J < PJ + 5 && inPark(I, J + 1) && I !== PI) e.v[vIdx(e, I, J)] = I === PI + 5 ? Cls.ParkPath : Cls.None;
      if (I < PI + 5 && inPark(I + 1, J) && J !== PJ) e.h[hIdx(e, I, J)] = J === PJ + 5 ? Cls.ParkPath : Cls.None;
    }
  }
  return e;
}
