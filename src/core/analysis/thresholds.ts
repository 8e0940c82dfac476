import { DEFAULT_WALK_SPEED_MPS, type AgeBand } from '../model';
import type { ThresholdSpec } from './types';

/** Thresholds in metres, ascending and distinct; minutes convert at the band's speed (m/s × 60). */
export function resolveThresholdsM(specs: readonly ThresholdSpec[], speedsMps: Readonly<Partial<Record<AgeBand, number>>> = {}): Float64Array {
  const m = specs.map((s) => ('m' in s ? s.m : s.minutes * 60 * (speedsMps[s.ageBand] ?? DEFAULT_WALK_SPEED_MPS[s.ageBand])));
  return Float64Array.from(new Set(m.filter((x) => Number.isFinite(x) && x > 0))).sort();
}
