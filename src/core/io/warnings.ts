/** Warning codes and a tally that folds per-feature problems into one LoadWarning per code. */
import type { LoadWarning } from '../model';

export const IO_WARNINGS = {
  emptyGeometryDropped: 'warning.io.empty-geometry-dropped',
  invalidCoordinates: 'warning.io.invalid-coordinates',
  tooFewPoints: 'warning.io.too-few-points',
  ringClosed: 'warning.io.ring-closed',
  rewound: 'warning.io.rewound',
  selfIntersection: 'warning.io.self-intersection',
  duplicateIds: 'warning.io.duplicate-ids',
  unsafeKeyDropped: 'warning.io.unsafe-key-dropped',
  longTextTruncated: 'warning.io.long-text-truncated',
  markupInText: 'warning.io.markup-in-text',
  axesSwapped: 'warning.io.axes-swapped',
  featureCap: 'warning.io.feature-cap',
  reprojected: 'warning.io.reprojected',
  cgcs2000AsWgs84: 'warning.io.cgcs2000-as-wgs84',
  declaredGcj02: 'warning.io.declared-gcj02',
  declaredBd09: 'warning.io.declared-bd09',
  looksGcj02: 'warning.io.looks-gcj02',
  looksBd09: 'warning.io.looks-bd09',
  csvBadRows: 'warning.io.csv-bad-rows',
  unsupportedGeometry: 'warning.io.unsupported-geometry',
  noIndexForBbox: 'warning.io.no-index-for-bbox',
  crsAssumedWgs84: 'warning.io.crs-assumed-wgs84',
  gpkgTableSkipped: 'warning.io.gpkg-table-skipped',
  offGlobeDropped: 'warning.io.off-globe-dropped',
  csvUnclosedQuote: 'warning.io.csv-unclosed-quote',
} as const;

export type IoWarningCode = (typeof IO_WARNINGS)[keyof typeof IO_WARNINGS];

const MAX_EXAMPLES = 5;

export class WarningTally {
  private readonly byCode = new Map<string, { count: number; examples: number[]; params?: Record<string, string | number> }>();

  add(code: IoWarningCode, featureIdx?: number, n = 1): void {
    let w = this.byCode.get(code);
    if (!w) {
      w = { count: 0, examples: [] };
      this.byCode.set(code, w);
    }
    w.count += n;
    if (featureIdx !== undefined && w.examples.length < MAX_EXAMPLES) w.examples.push(featureIdx);
  }

  /** A layer-level note (count 1) with parameters; a second call replaces the parameters. */
  note(code: IoWarningCode, params: Record<string, string | number>): void {
    this.byCode.set(code, { count: 1, examples: [], params });
  }

  has(code: IoWarningCode): boolean {
    return this.byCode.has(code);
  }

  merge(other: readonly LoadWarning[]): void {
    for (const w of other) this.byCode.set(w.code, { count: w.count, examples: [...(w.examples ?? [])], params: w.params ? { ...w.params } : undefined });
  }

  list(): LoadWarning[] {
    return [...this.byCode.entries()].map(([code, w]) => ({
      code,
      count: w.count,
      ...(w.params ? { params: w.params } : {}),
      ...(w.examples.length ? { examples: w.examples } : {}),
    }));
  }
}
