/**
 * Share of children within a threshold per unit of one level, read from the result's columnar coverage
 * (the same numbers coverage.csv holds). 'all' sums the four age bands before dividing.
 */
import { AGE_BANDS, type AgeBand, type UnitLevel } from '../../core/model';
import type { AccessAnalysisResult } from '../../protocol/analysis-api';

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

const NB = AGE_BANDS.length;
const memo = new WeakMap<AccessAnalysisResult, Map<string, UnitShare[] | null>>();

/** Per unit of `level`, for one category and threshold index; null when the result lacks them. */
export function unitShares(
  result: AccessAnalysisResult, level: UnitLevel, category: string, thresholdIdx: number, band: AgeBand | 'all',
): UnitShare[] | null {
  const key = `${level}|${category}|${thresholdIdx}|${band}`;
  let byKey = memo.get(result);
  if (!byKey) memo.set(result, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key)!;
  const cov = result.coverage.find((c) => c.level === level);
  const units = result.units.find((u) => u.level === level);
  const c = cov?.categories.indexOf(category) ?? -1;
  let out: UnitShare[] | null = null;
  if (cov && units && c >= 0 && thresholdIdx < cov.thresholdsM.length) {
    const U = cov.unitCount;
    const T = cov.thresholdsM.length;
    const bands = band === 'all' ? AGE_BANDS.map((_, b) => b) : [AGE_BANDS.indexOf(band)];
    out = [];
    for (let u = 0; u < U; u++) {
      let total = 0;
      let within = 0;
      let estimated = false;
      for (const b of bands) {
        total += cov.childrenTotal[u * NB + b];
        within += cov.childrenWithin[((c * U + u) * NB + b) * T + thresholdIdx];
        estimated ||= cov.estimated[u * NB + b] === 1;
      }
      out.push({
        unitIdx: u, id: units.ids[u], name: units.names[u], ...(units.namesZh?.[u] ? { nameZh: units.namesZh[u] } : {}), homes: cov.homes[u], childrenTotal: total, childrenWithin: within,
        share: total > 0 ? within / total : NaN, homesUnreachable: cov.homesUnreachable[c * U + u], estimated,
      });
    }
  }
  byKey.set(key, out);
  return out;
}
