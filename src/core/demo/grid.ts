/**
 * The city's geometry in a local metric frame (x east, y north, metres from the centre). Communities are
 * cells of a jittered grid; each cell is cut into FINE × FINE sub-cells by straight lines (a bilinear
 * map keeps lines of constant u or v straight). Every lattice node is computed once and stored, so lines
 * that meet there share the exact same coordinates after rounding.
 */
import type { Rng } from './random';

/** Sub-cells per community cell side: road lines at 0, 2, 4; mid-block footpath lines at 1, 3, 5. */
export const FINE = 6;
export const CENTER_LNG = 114.06;
export const CENTER_LAT = 22.55;
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LNG = 111_320 * Math.cos((CENTER_LAT * Math.PI) / 180);

export type Pos = readonly [number, number];

/** lon/lat rounded to 7 decimals (≈1 cm): fixed rounding keeps the output bytes stable. */
export function toLngLat(p: Pos): [number, number] {
  return [round7(CENTER_LNG + p[0] / M_PER_DEG_LNG), round7(CENTER_LAT + p[1] / M_PER_DEG_LAT)];
}

export const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

export interface GridSpec {
  readonly nx: number;
  readonly ny: number;
  /** Mean community cell side, metres. */
  readonly cellM: number;
}

/** Dense Shenzhen-like fabric: about 15,000 residents per km² gross, about 5,000 per community. */
export function gridSpecFor(people: number): GridSpec {
  const communities = Math.max(4, Math.round(people / 5000));
  const nx = Math.max(2, Math.round(Math.sqrt(communities * 1.25)));
  const ny = Math.max(2, Math.round(communities / nx));
  const areaM2 = (people / 15_000) * 1e6;
  return { nx, ny, cellM: Math.sqrt(areaM2 / (nx * ny)) };
}

export class Grid {
  readonly nx: number;
  readonly ny: number;
  readonly cellM: number;
  readonly nI: number;
  readonly nJ: number;
  private readonly cx: Float64Array;
  private readonly cy: Float64Array;
  private readonly lx: Float64Array;
  private readonly ly: Float64Array;

  constructor(spec: GridSpec, rng: Rng) {
    this.nx = spec.nx;
    this.ny = spec.ny;
    this.cellM = spec.cellM;
    this.nI = spec.nx * FINE;
    this.nJ = spec.ny * FINE;
    const n = (spec.nx + 1) * (spec.ny + 1);
    this.cx = new Float64Array(n);
    this.cy = new Float64Array(n);
    const x0 = (-spec.nx * spec.cellM) / 2;
    const y0 = (-spec.ny * spec.cellM) / 2;
    const jit = 0.07 * spec.cellM;
    for (let j = 0; j <= spec.ny; j++) {
      for (let i = 0; i <= spec.nx; i++) {
        const k = j * (spec.nx + 1) + i;
        this.cx[k] = x0 + i * spec.cellM + rng.range(-jit, jit);
        this.cy[k] = y0 + j * spec.cellM + rng.range(-jit, jit);
      }
    }
    const m = (this.nI + 1) * (this.nJ + 1);
    this.lx = new Float64Array(m);
    this.ly = new Float64Array(m);
    for (let J = 0; J <= this.nJ; J++) {
      for (let I = 0; I <= this.nI; I++) {
        const p = this.at(I, J);
        this.lx[J * (this.nI + 1) + I] = p[0];
        this.ly[J * (this.nI + 1) + I] = p[1];
      }
    }
  }

  /** Corner (i, j) of the community grid. */
  corner(i: number, j: number): Pos {
    const k = j * (this.nx + 1) + i;
    return [this.cx[k], this.cy[k]];
  }

  /** Lattice node (I, J): the stored value, identical for every line that uses it. */
  node(I: number, J: number): Pos {
    const k = J * (this.nI + 1) + I;
    return [this.lx[k], this.ly[k]];
  }

  /** Any point in fine-lattice coordinates (fractions allowed), by the cell's bilinear map. */
  at(fi: number, fj: number): Pos {
    const i = Math.min(Math.max(Math.floor(fi / FINE), 0), this.nx - 1);
    const j = Math.min(Math.max(Math.floor(fj / FINE), 0), this.ny - 1);
    const u = (fi - i * FINE) / FINE;
    const v = (fj - j * FINE) / FINE;
    const a = this.corner(i, j);
    const b = this.corner(i + 1, j);
    const c = this.corner(i + 1, j + 1);
    const d = this.corner(i, j + 1);
    const w00 = (1 - u) * (1 - v);
    const w10 = u * (1 - v);
    const w11 = u * v;
    const w01 = (1 - u) * v;
    return [w00 * a[0] + w10 * b[0] + w11 * c[0] + w01 * d[0], w00 * a[1] + w10 * b[1] + w11 * c[1] + w01 * d[1]];
  }
}

export const lerp = (a: Pos, b: Pos, t: number): Pos => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
