/**
 * Where each count of a LevelCoverage sits in its flat arrays (the layout documented on LevelCoverage):
 * the one place that spells the index out, for the code that fills them (shares.ts) and every reader
 * (coverage.csv rows, the per-unit shares the map and the coverage table show).
 */
import { AGE_BANDS } from '../model';

const NB = AGE_BANDS.length;

/** childrenTotal and estimated: [unit * bands + band]. */
export const unitBandAt = (u: number, b: number): number => u * NB + b;

/** childrenWithin: [((category * units + unit) * bands + band) * thresholds + t]. */
export const withinAt = (units: number, thresholds: number, c: number, u: number, b: number, t: number): number =>
  ((c * units + u) * NB + b) * thresholds + t;

/** homesUnreachable: [category * units + unit]. */
export const unreachableAt = (units: number, c: number, u: number): number => c * units + u;
