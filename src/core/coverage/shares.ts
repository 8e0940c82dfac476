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

/** What a level's coverage shares across categories: homes and children per unit, and outside every unit. */
interface LevelTotals {
  readonly homes: Int32Array;
  readonly childrenTotal: Float64Array;
  readonly estimated: Uint8Array;
  readonly outsideHomes: number;
  readonly outsideChildren: Float64Array;
  /** Children per home interleaved by band, so the per-category loops read one contiguous row. */
  readonly kids: Float64Array;
}

/** One category's part of a level's coverage: [(unit * 4 + band) * thresholds + t] and [unit]. */
interface CategoryBlock {
  readonly within: Float64Array;
  readonly unreachable: Int32Array;
}

/**
 * Coverage parts already computed for a dataset, so a run that changes one category (a proposal) counts
 * only that one: totals by the unit assignment (and home table), each category's block by its walking
 * distances (the same array is the same distances: access results are never modified), the assignment
 * and the thresholds. Held weakly: forgotten with the runs that hold those arrays.
 */
export interface CoverageCache {
  readonly totals: WeakMap<Int32Array, { readonly homes: HomeTable; readonly value: LevelTotals }>;
  readonly blocks: WeakMap<Float64Array, WeakMap<Int32Array, Map<string, CategoryBlock>>>;
}

export const createCoverageCache = (): CoverageCache => ({ totals: new WeakMap(), blocks: new WeakMap() });

function levelTotals(homes: HomeTable, units: UnitTable): LevelTotals {
  const U = units.ids.length;
  const n = homes.lng.length;
  const homeCount = new Int32Array(U);
  const childrenTotal = new Float64Array(U * NB);
  const estimated = new Uint8Array(U * NB);
  const outsideChildren = new Float64Array(NB);
  let outsideHomes = 0;
  const bandCols = AGE_BANDS.map((b) => homes.children[b]);
  const homeUnit = units.homeUnit;
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
  return { homes: homeCount, childrenTotal, estimated, outsideHomes, outsideChildren, kids };
}

function categoryBlock(kids: Float64Array, homeUnit: Int32Array, U: number, w: Float64Array, thr: Float64Array): CategoryBlock {
  const T = thr.length;
  const n = homeUnit.length;
  const within = new Float64Array(U * NB * T);
  const unreachable = new Int32Array(U);
  for (let i = 0; i < n; i++) {
    const u = homeUnit[i];
    if (u < 0) continue;
    const d = w[i];
    if (d === Infinity) {
      unreachable[u]++;
      continue;
    }
    // Thresholds ascend: the home counts for every threshold from the first one it meets.
    let t0 = 0;
    while (t0 < T && d > thr[t0]) t0++;
    if (t0 === T) continue;
    for (let b = 0; b < NB; b++) {
      const ch = kids[i * NB + b];
      if (ch === 0) continue;
      const off = withinAt(U, T, 0, u, b, 0);
      for (let t = t0; t < T; t++) within[off + t] += ch;
    }
  }
  return { within, unreachable };
}

export function computeLevelCoverage(
  homes: HomeTable,
  units: UnitTable,
  access: readonly CategoryAccess[],
  thresholdsM: readonly number[],
  cancel?: CancelToken,
  cache?: CoverageCache,
): LevelCoverage {
  const U = units.ids.length;
  const thr = Float64Array.from(thresholdsM).sort();
  const T = thr.length;
  const C = access.length;
  const homeUnit = units.homeUnit;
  let totals = cache?.totals.get(homeUnit);
  if (!totals || totals.homes !== homes) {
    totals = { homes, value: levelTotals(homes, units) };
    cache?.totals.set(homeUnit, totals);
  }
  const { kids } = totals.value;
  const thrKey = thr.join(',');
  const childrenWithin = new Float64Array(C * U * NB * T);
  const homesUnreachable = new Int32Array(C * U);
  for (let c = 0; c < C; c++) {
    cancel?.check();
    const w = access[c].walkingM;
    let byUnits = cache?.blocks.get(w);
    if (cache && !byUnits) cache.blocks.set(w, (byUnits = new WeakMap()));
    let byThr = byUnits?.get(homeUnit);
    if (byUnits && !byThr) byUnits.set(homeUnit, (byThr = new Map()));
    let block = byThr?.get(thrKey);
    if (!block) {
      block = categoryBlock(kids, homeUnit, U, w, thr);
      byThr?.set(thrKey, block);
    }
    childrenWithin.set(block.within, withinAt(U, T, c, 0, 0, 0));
    homesUnreachable.set(block.unreachable, unreachableAt(U, c, 0));
  }
  const t = totals.value;
  return {
    level: units.level,
    unitCount: U,
    categories: access.map((a) => a.category),
    thresholdsM: thr,
    // Copies: the result's buffers are transferred, the cached ones stay.
    homes: t.homes.slice(),
    childrenTotal: t.childrenTotal.slice(),
    childrenWithin,
    homesUnreachable,
    estimated: t.estimated.slice(),
    outsideHomes: t.outsideHomes,
    outsideChildren: t.outsideChildren.slice(),
  };
}
