/** coverage.csv rows (data-schema.md) expanded from the columnar LevelCoverage, for CSV and tables. */
import { AGE_BANDS, type AgeBand, type UnitLevel, type UnitTable } from '../model';
import type { LevelCoverage } from './shares';

export interface CoverageRow {
  readonly unitLevel: UnitLevel;
  readonly unitIdx: number;
  readonly unitId: string;
  readonly unitName: string;
  readonly category: string;
  readonly ageBand: AgeBand;
  readonly thresholdM: number;
  readonly childrenTotal: number;
  readonly childrenWithin: number;
  /** childrenWithin / childrenTotal; NaN when the unit has no children of the band. */
  readonly share: number;
  readonly homesUnreachable: number;
  /** True when some of the counts are estimates (data-schema: children_estimated). */
  readonly estimated: boolean;
}

export function coverageRows(cov: LevelCoverage, units: Pick<UnitTable, 'ids' | 'names'>): CoverageRow[] {
  const rows: CoverageRow[] = [];
  const U = cov.unitCount;
  const T = cov.thresholdsM.length;
  const NB = AGE_BANDS.length;
  for (let u = 0; u < U; u++) {
    cov.categories.forEach((category, c) => {
      AGE_BANDS.forEach((ageBand, b) => {
        const total = cov.childrenTotal[u * NB + b];
        for (let t = 0; t < T; t++) {
          const within = cov.childrenWithin[((c * U + u) * NB + b) * T + t];
          rows.push({
            unitLevel: cov.level,
            unitIdx: u,
            unitId: units.ids[u],
            unitName: units.names[u],
            category,
            ageBand,
            thresholdM: cov.thresholdsM[t],
            childrenTotal: total,
            childrenWithin: within,
            share: total > 0 ? within / total : NaN,
            homesUnreachable: cov.homesUnreachable[c * U + u],
            estimated: cov.estimated[u * NB + b] === 1,
          });
        }
      });
    });
  }
  return rows;
}
