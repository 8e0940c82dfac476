/**
 * Residential buildings. Estates hold a few mid/high-rise towers per sub-cell; urban villages (城中村) a
 * dense grid of 6–9 storey "handshake" buildings. Residents are shared out by floor area; children by
 * Shenzhen-like age shares (≈17 % under 18). Village counts are flagged as estimates.
 */
import type { Feature, Point, Polygon } from 'geojson';
import { FINE, toLngLat, type Grid, type Pos } from './grid';
import type { Community, Plan } from './plan';
import type { Rng } from './random';
import { boxRing, ringAreaM2, toPolygon } from './shapes';

export interface HomeProps {
  id: string;
  children_0_3: number;
  children_4_6: number;
  children_7_12: number;
  children_13_18: number;
  children_estimated: boolean;
  population: number;
  levels: number;
}

export type HomeFeature = Feature<Polygon | Point, HomeProps>;

/** Share of residents in each band (0–3, 4–6, 7–12, 13–18): 4.5 + 3.5 + 5 + 4 = 17 %. */
export const CHILD_SHARES = [0.045, 0.035, 0.05, 0.04] as const;
/** Residents per building at demo detail. */
const PEOPLE_PER_BUILDING = { estate: 120, village: 20 } as const;
/** Margin between a sub-cell's edge (a street or path) and its buildings, metres. */
const SETBACK_M = 9;

interface Draft {
  ring: Pos[];
  levels: number;
  weight: number;
  fixedPop?: number;
}

/**
 * `asPoints`: each building as the point at its footprint's centre (the Shenzhen-scale city, where
 * footprints would only add bytes; the analyses place a home at its centroid either way).
 */
export function layoutHomes(grid: Grid, plan: Plan, taken: Map<string, Uint8Array>, detail: number, rng: Rng, asPoints = false): HomeFeature[] {
  const out: HomeFeature[] = [];
  const fineM = grid.cellM / FINE;
  const setback = SETBACK_M / fineM;
  for (const c of plan.communities) {
    const r = rng.fork(`homes:${c.id}`);
    const occ = taken.get(c.id) ?? new Uint8Array(FINE * FINE);
    const free: [number, number][] = [];
    for (let b = 0; b < FINE; b++) for (let a = 0; a < FINE; a++) if (!occ[b * FINE + a]) free.push([a, b]);
    const drafts: Draft[] = [];
    if (c.park) drafts.push(...enclave(grid, c));
    const total = Math.max(free.length, Math.round((c.people / PEOPLE_PER_BUILDING[c.fabric]) * detail));
    free.forEach(([a, b], k) => {
      const n = Math.floor(total / free.length) + (k < total % free.length ? 1 : 0);
      const side = Math.ceil(Math.sqrt(n));
      const span = (1 - 2 * setback) / side;
      const fill = c.fabric === 'village' ? 0.78 : 0.55;
      for (let s = 0; s < n; s++) {
        const u = c.i0 * FINE + a + setback + (s % side) * span + (span * (1 - fill)) / 2;
        const v = c.j0 * FINE + b + setback + Math.floor(s / side) * span + (span * (1 - fill)) / 2;
        const ring = boxRing(grid, u, v, u + span * fill, v + span * fill);
        const levels = c.fabric === 'village' ? r.int(6, 9) : r.chance(0.25) ? r.int(6, 12) : r.int(18, 33);
        drafts.push({ ring, levels, weight: ringAreaM2(ring) * levels });
      }
    });
    const fixed = drafts.reduce((s, d) => s + (d.fixedPop ?? 0), 0);
    const wsum = drafts.reduce((s, d) => s + (d.fixedPop === undefined ? d.weight : 0), 0);
    const shares = CHILD_SHARES.map((x) => x * r.range(0.8, 1.2));
    for (const d of drafts) {
      const pop = d.fixedPop ?? r.roundStochastic(((c.people - fixed) * d.weight) / wsum);
      const kids = shares.map((x) => r.roundStochastic(pop * x));
      out.push({
        type: 'Feature',
        properties: {
          id: `h${String(out.length + 1).padStart(7, '0')}`,
          children_0_3: kids[0], children_4_6: kids[1], children_7_12: kids[2], children_13_18: kids[3],
          children_estimated: c.fabric === 'village', population: pop, levels: d.levels,
        },
        geometry: asPoints ? ringCentre(d.ring) : toPolygon(d.ring),
      });
    }
  }
  return out;
}

/** The centre of a (convex, closed) box ring: the mean of its four corners. */
function ringCentre(ring: readonly Pos[]): Point {
  let x = 0;
  let y = 0;
  const n = ring.length - 1;
  for (let k = 0; k < n; k++) {
    x += ring[k][0];
    y += ring[k][1];
  }
  return { type: 'Point', coordinates: toLngLat([x / n, y / n]) };
}

/**
 * Four old houses in the middle of the park, west of the road tunnel: more than 150 m from every
 * snappable street (the tunnel is not snappable), so the access analysis must report them unconnected.
 */
function enclave(grid: Grid, c: Community): Draft[] {
  const I0 = c.i0 * FINE;
  const J0 = c.j0 * FINE;
  const out: Draft[] = [];
  for (let k = 0; k < 4; k++) {
    const u = I0 + 2.0 + (k % 2) * 0.22;
    const v = J0 + 2.1 + Math.floor(k / 2) * 0.5;
    out.push({ ring: boxRing(grid, u, v, u + 0.14, v + 0.14), levels: 6, weight: 0, fixedPop: 24 });
  }
  return out;
}
