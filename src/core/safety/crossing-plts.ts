/**
 * Stress of crossing one road (safe-routes contract, "Crossings"): a base PLTS from the road's class, speed
 * and lanes, then adjusted by the crossing's control.
 */
import type { Plts, SafetyProfile } from './profile';
import { baseClass } from './tags';

export const CONTROLS = ['signals', 'marked', 'unmarked', 'grade_separated'] as const;
export type Control = (typeof CONTROLS)[number];

/** Base PLTS of crossing a car road of this class; undefined for classes that are not car roads. */
export function baseCrossingPlts(highway: string, speedKmh: number, lanes: number, profile: SafetyProfile): Plts | undefined {
  const c = baseClass(highway);
  const p = profile.crossing;
  if (!p.carRoads.includes(c)) return undefined;
  if (p.localRoads.includes(c)) return speedKmh <= p.local[0] ? 1 : speedKmh <= p.local[1] ? 2 : 3;
  // Arterials without a volume class are treated as high volume (the cautious reading).
  const volume = Object.hasOwn(p.volume, c) ? p.volume[c]! : 'high';
  const col = (lanes >= 3 ? 3 : 0) + (volume === 'low' ? 0 : volume === 'medium' ? 1 : 2);
  const row = p.arterial.find((r) => speedKmh <= r.maxKmh);
  return (row ? row.plts[col]! : p.above[col]!) as Plts;
}

export function adjustForControl(base: Plts, control: Control, profile: SafetyProfile): Plts {
  switch (control) {
    case 'signals': return profile.crossing.signals[base - 1]! as Plts;
    case 'marked': return profile.crossing.marked[base - 1]! as Plts;
    case 'grade_separated': return profile.crossing.gradeSeparated as Plts;
    default: return base;
  }
}
