/**
 * Share of children within one threshold per unit of a level, for one category and an age band or all of
 * them ('all' sums the four bands before dividing): the numbers coverage.csv holds, as the map colours
 * units and the coverage table lists them.
 */
import { AGE_BANDS, type AgeBand } from '../model';
import { unitBandAt, unreachableAt, withinAt } from './level-index';
import type { LevelCoverage } from './shares';

export interface UnitShare {
  readonly unitIdx: number;
  readonly id: string;
  readonly name: string;
  /** The unit's Chinese name (name_zh), when its layer has one. */
  readonly nameZh?: string;
  readonly homes: number;
  readonly childrenTotal: number;
  readonly childrenWithin: number;
  /** NaN when the unit has no children of the band. */
  readonly share: number;
  readonly homesUnreachable: number;
  readonly estimated: boolean;
}

/** Children of `bands` in unit u, those within thresholdsM[t] of category c, and whether any is an estimate. */
export function unitBandCounts(cov: LevelCoverage, c: number, u: number, t: number, bands: readonly number[]) {
  const U = cov.unitCount;
  const T = cov.thresholdsM.length;
  let childrenTotal = 0;
  let childrenWithin = 0;
  let estimated = false;
  for (const b of bands) {
    childrenTotal += cov.childrenTotal[unitBandAt(u, b)];
    childrenWithin += cov.childrenWithin[withinAt(U, T, c, u, b, t)];
    estimated ||= cov.estimated[unitBandAt(u, b)] === 1;
  }
  return { childrenTotal, childrenWithin, share: childrenTotal > 0 ? childrenWithin / childrenTotal : NaN, estimated };
}

/** Per unit of the level; null when the coverage lacks the category or the threshold index. */
export function levelUnitShares(
  cov: LevelCoverage,
  units: { readonly ids: readonly string[]; readonly names: readonly string[]; readonly namesZh?: readonly (string | undefined)[] },
  category: string,
  thresholdIdx: number,
  band: AgeBand | 'all',
): UnitShare[] | null {
  const c = cov.categories.indexOf(category);
  if (c < 0 || !(thresholdIdx >= 0 && thresholdIdx < cov.thresholdsM.length)) return null;
  const bands = band === 'all' ? AGE_BANDS.map((_, b) => b) : [AGE_BANDS.indexOf(band)];
  const out: UnitShare[] = [];
  for (let u = 0; u < cov.unitCount; u++) {
    const nameZh = units.namesZh?.[u];
    out.push({
      unitIdx: u, id: units.ids[u], name: units.names[u], ...(nameZh ? { nameZh } : {}), homes: cov.homes[u],
      ...unitBandCounts(cov, c, u, thresholdIdx, bands), homesUnreachable: cov.homesUnreachable[unreachableAt(cov.unitCount, c, u)],
    });
  }
  return out;
}
