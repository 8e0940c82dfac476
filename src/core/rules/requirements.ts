/**
 * What a rule set needs from the access analysis: the categories to compute, and the distances it tests
 * (so a search cutoff can be set no lower than `maxDistanceM` without changing any verdict).
 */
import type { Condition, RuleSet } from './schema';

export interface AccessRequirements {
  readonly categories: readonly string[];
  /** Distinct distances (m) the enabled rules test, ascending: thresholds and worst-distance targets. */
  readonly distancesM: readonly number[];
  readonly maxDistanceM: number;
}

export function accessRequirements(set: RuleSet): AccessRequirements {
  const cats = new Set<string>();
  const dists = new Set<number>();
  const visit = (c: Condition): void => {
    if ('category' in c) { cats.add(c.category); dists.add(c.threshold_m); } else c.conditions.forEach(visit);
  };
  for (const r of set.rules) {
    if (!r.enabled) continue;
    const m = r.metric;
    if (m.kind === 'share_within') visit(m);
    else if (m.kind === 'composite') m.conditions.forEach(visit);
    else if (m.kind === 'worst_distance') { cats.add(m.category); dists.add(r.target); }
  }
  const distancesM = [...dists].sort((a, b) => a - b);
  return { categories: [...cats].sort(), distancesM, maxDistanceM: distancesM.at(-1) ?? 0 };
}
