/** coverage.csv rows (data-schema.md) expanded from the columnar LevelCoverage, for CSV and tables. */
import { AGE_BANDS, type AgeBand, type UnitLevel, type UnitTable } from '../model';
import { unreachableAt } from './level-index';
import type { LevelCoverage } from './shares';
import { unitBandCounts } from './unit-shares';

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
  for (let u = 0; u < cov.unitCount; u++) {
    cov.categories.forEach((category, c) => {
      AGE_BANDS.forEach((ageBand, b) => {
        for (let t = 0; t < cov.thresholdsM.length; t++) {
          const counts = unitBandCounts(cov, c, u, t, [b]);
          rows.push({
            unitLevel: cov.level,
            unitIdx: u,
            unitId: units.ids[u],
            unitName: units.names[u],
            category,
            ageBand,
            thresholdM: cov.thresholdsM[t],
            childrenTotal: counts.childrenTotal,
            childrenWithin: counts.childrenWithin,
            share: counts.share,
            homesUnreachable: cov.homesUnreachable[unreachableAt(cov.unitCount, c, u)],
            estimated: counts.estimated,
          });
        }
      });
    });
  }
  return rows;
}
