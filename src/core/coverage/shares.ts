/**
 * Coverage per unit (access-contract.md): children of a band in the unit's homes whose walking distance
 * is within a threshold, over all children of that band in the unit's homes. Unreachable homes
 * (walking distance Infinity) stay in the denominator. Kept columnar so it crosses to the UI as buffers.
 */
import { AGE_BANDS, type CategoryAccess, type HomeTable, type UnitLevel, type UnitTable } from '../model';
import type { CancelToken } from '../jobs';
import { unitBandAt, unreachableAt, withinAt } from './level-index';

export interface LevelCoverage {
  readonly level: UnitLevel;
  readonly unitCount: number;
  readonly categories: readonly string[];
  /** Ascending metres. */
  readonly thresholdsM: Float64Array;
  /** Homes per unit. */
  readonly homes: Int32Array;
  /** [unit * 4 + band] children of each AGE_BANDS band (level-index.ts spells out every index). */
  readonly childrenTotal: Float64Array;
  /** [((cat * units + unit) * 4 + band) * thresholds + t] children within thresholdsM[t]. */
  readonly childrenWithin: Float64Array;
  /** [cat * units + unit] homes of the unit that cannot reach the category. */
  readonly homesUnreachable: Int32Array;
  /** [unit * 4 + band] 1 when any home counted there has estimated child counts. */
  readonly estimated: Uint8Array;
  /** Homes outside every unit of this level, counted apart. */
  readonly outsideHomes: number;
  /** [band] their children. */
  readonly outsideChildren: Float64Array;
}

const NB = AGE_BANDS.length;

export function computeLevelCoverage(
  homes: HomeTable,
  units: UnitTable,
  access: readonly CategoryAccess[],
  thresholdsM: readonly number[],
  cancel?: CancelToken,
): LevelCoverage {
  const U = units.ids.length;
  const thr = Float64Array.from(thresholdsM).sort();
  const T = thr.length;
  const C = access.length;
  const n = homes.lng.length;
  const homeCount = new Int32Array(U);
  const childrenTotal = new Float64Array(U * NB);
  const estimated = new Uint8Array(U * NB);
  const outsideChildren = new Float64Array(NB);
  let outsideHomes = 0;
  const bandCols = AGE_BANDS.map((b) => homes.children[b]);
  const homeUnit = units.homeUnit;
  // Children per home interleaved by band, so the per-category loops read one contiguous row.
  const kids = new Float64Array(n * NB);
  for (let b = 0; b < NB; b++) {
    const col = bandCols[b];
    for (let i = 0; i < n; i++) kids[i * NB + b] = col[i];
  }
  for (let i = 0; i < n; i++) {
    const u = homeUnit[i];
    if (u < 0) {
      outsideHomes++;
      for (let b = 0; b < NB; b++) outsideChildren[b] += kids[i * NB + b];
      continue;
    }
    homeCount[u]++;
    for (let b = 0; b < NB; b++) {
      const c = kids[i * NB + b];
      childrenTotal[unitBandAt(u, b)] += c;
      if (c > 0 && homes.estimated[i]) estimated[unitBandAt(u, b)] = 1;
    }
  }
  const childrenWithin = new Float64Array(C * U * NB * T);
  const homesUnreachable = new Int32Array(C * U);
  for (let c = 0; c < C; c++) {
    cancel?.check();
    const w = access[c].walkingM;
    for (let i = 0; i < n; i++) {
      const u = homeUnit[i];
      if (u < 0) continue;
      const d = w[i];
      if (d === Infinity) {
        homesUnreachable[unreachableAt(U, c, u)]++;
        continue;
      }
      // Thresholds ascend: the home counts for every threshold from the first one it meets.
      let t0 = 0;
      while (t0 < T && d > thr[t0]) t0++;
      if (t0 === T) continue;
      for (let b = 0; b < NB; b++) {
        const ch = kids[i * NB + b];
        if (ch === 0) continue;
        const off = withinAt(U, T, c, u, b, 0);
        for (let t = t0; t < T; t++) childrenWithin[off + t] += ch;
      }
    }
  }
  return {
    level: units.level,
    unitCount: U,
    categories: access.map((a) => a.category),
    thresholdsM: thr,
    homes: homeCount,
    childrenTotal,
    childrenWithin,
    homesUnreachable,
    estimated,
    outsideHomes,
    outsideChildren,
  };
}
