/**
 * One rule at one level → a measured value per unit. Access metrics (share, composite, worst distance)
 * also say which homes fail the rule's per-home condition and how many children live there; count
 * metrics have no per-home condition. Before any comparison, a unit may get a reason instead
 * (gap-record.ts): a category with no facility in the data fails every distance rule; data without child
 * counts makes every rule weighted by children not applicable; a unit with no children of the band too.
 */
import type { CategoryAccess, FacilityTable, HomeTable } from '../model';
import type { RuleReason } from './gap-record';
import type { LevelView } from './levels';
import { safeRouteMask, type SafeRouteInput } from './safe-route-measure';
import { compare, comparatorOf, type AgeBandSpec, type Condition, type Rule } from './schema';

export interface MeasureInputs {
  readonly homes: HomeTable;
  readonly facilities: FacilityTable;
  readonly accessBy: ReadonlyMap<string, CategoryAccess>;
  readonly playSpaceCategories: readonly string[];
  readonly weights: (spec: AgeBandSpec) => Float64Array;
  /** Some home has a child count above 0; without, rules weighted by children do not apply. */
  readonly childCounts: boolean;
  /** Categories with at least one facility (existing or proposed) in the data. */
  readonly present: ReadonlySet<string>;
  /** The run's safe routes to school, for safe_route_share rules; absent: those rules are skipped. */
  readonly safeRoutes?: SafeRouteInput;
}

/** Child-friendly flags of the level below and their parents (for child_friendly_subunits). */
export interface SubunitView {
  readonly friendly: Uint8Array;
  readonly parent: Int32Array;
}

export interface UnitMeasures {
  readonly measured: Float64Array;
  /** Per unit: why it is not compared normally, or '' to compare `measured` with the target. */
  readonly reason: readonly (RuleReason | '')[];
  /** Children failing the per-home condition; NaN where the data has no child counts. */
  readonly affected: Float64Array;
  /** Per unit, the homes with children of the band that fail the per-home condition; empty for counts. */
  readonly uncovered: readonly Int32Array[];
}

const EMPTY = new Int32Array(0);

/** Per-home pass mask of a condition, or undefined when some category has no access array. */
export function conditionMask(c: Condition, accessBy: ReadonlyMap<string, CategoryAccess>, n: number): Uint8Array | undefined {
  if ('category' in c) {
    const a = accessBy.get(c.category);
    if (!a) return undefined;
    const m = new Uint8Array(n);
    for (let h = 0; h < n; h++) m[h] = a.walkingM[h] <= c.threshold_m ? 1 : 0;
    return m;
  }
  const parts: Uint8Array[] = [];
  for (const sub of c.conditions) {
    const m = conditionMask(sub, accessBy, n);
    if (!m) return undefined;
    parts.push(m);
  }
  const out = new Uint8Array(n).fill(c.op === 'all' ? 1 : 0);
  for (const m of parts) for (let h = 0; h < n; h++) out[h] = c.op === 'all' ? out[h] & m[h] : out[h] | m[h];
  return out;
}

/** Measures of `rule` at `view`, or undefined when its access data is missing. */
export function measureRule(rule: Rule, view: LevelView, inp: MeasureInputs, sub?: SubunitView): UnitMeasures | undefined {
  const m = rule.metric;
  const n = inp.homes.ids.length;
  switch (m.kind) {
    case 'share_within': case 'composite': {
      const cond: Condition = m.kind === 'share_within' ? { category: m.category, threshold_m: m.threshold_m } : { op: m.op, conditions: m.conditions };
      const mask = conditionMask(cond, inp.accessBy, n);
      if (!mask) return undefined;
      if (!conditionPossible(cond, inp.present)) return noFacility(view, inp.weights(m.age_band), inp.childCounts, 0);
      return inp.childCounts ? shareMeasures(view, inp.weights(m.age_band), mask) : noChildCounts(view);
    }
    case 'worst_distance': {
      const a = inp.accessBy.get(m.category);
      if (!a) return undefined;
      if (!inp.present.has(m.category)) return noFacility(view, inp.weights(m.age_band), inp.childCounts, Infinity);
      return inp.childCounts ? worstMeasures(view, inp.weights(m.age_band), a.walkingM, rule) : noChildCounts(view);
    }
    case 'facility_count': case 'presence': {
      const counts = facilityCounts(view, inp.facilities, [m.category], m.min_area_m2);
      if (m.kind === 'presence' || !m.per_1000_children) return countMeasures(view, counts, undefined);
      if (!inp.childCounts) return noChildCounts(view);
      const kids = unitSums(view, inp.weights(m.per_1000_children));
      return countMeasures(view, counts.map((c, u) => (kids[u] > 0 ? (c / kids[u]) * 1000 : NaN)), kids);
    }
    case 'play_area_per_child': {
      if (!inp.childCounts) return noChildCounts(view);
      const area = facilityAreas(view, inp.facilities, m.categories ?? inp.playSpaceCategories);
      const kids = unitSums(view, inp.weights(m.age_band));
      return countMeasures(view, area.map((a, u) => (kids[u] > 0 ? a / kids[u] : NaN)), kids);
    }
    case 'safe_route_share': {
      const sr = inp.safeRoutes;
      if (!sr) return undefined;
      // No school in the data: no home can have a route to one, as a distance rule without its facility.
      if (!sr.schoolCategories.some((c) => inp.present.has(c))) return noFacility(view, inp.weights(m.age_band), inp.childCounts, 0);
      return inp.childCounts ? shareMeasures(view, inp.weights(m.age_band), safeRouteMask(sr, n)) : noChildCounts(view);
    }
    case 'child_friendly_subunits': {
      if (!sub) return undefined;
      const counts = new Float64Array(view.nUnits);
      sub.friendly.forEach((f, s) => { const p = sub.parent[s]; if (f && p >= 0) counts[p] += 1; });
      return countMeasures(view, counts, undefined);
    }
  }
}

/** Whether any home could meet the condition at all: 'all' needs every category present, 'any' one. */
export function conditionPossible(c: Condition, present: ReadonlySet<string>): boolean {
  if ('category' in c) return present.has(c.category);
  return c.op === 'all' ? c.conditions.every((x) => conditionPossible(x, present)) : c.conditions.some((x) => conditionPossible(x, present));
}

/**
 * No facility of the category anywhere: the rule fails in every unit, measured `none` (0 % within, or an
 * Infinity worst distance). Affected: the band's children of the unit; without child counts, NaN children
 * and every home of the unit (the map highlights them).
 */
function noFacility(view: LevelView, w: Float64Array, childCounts: boolean, none: number): UnitMeasures {
  const affected = new Float64Array(view.nUnits).fill(childCounts ? 0 : NaN);
  const flag = new Uint8Array(w.length);
  for (let h = 0; h < w.length; h++) {
    const u = view.table.homeUnit[h];
    if (u < 0) continue;
    if (!childCounts) flag[h] = 1;
    else if (w[h] > 0) { flag[h] = 1; affected[u] += w[h]; }
  }
  return { measured: new Float64Array(view.nUnits).fill(none), reason: new Array<RuleReason>(view.nUnits).fill('no-facility'), affected, uncovered: homesByUnit(view, flag) };
}

/** The data has no child counts: nothing weighted by children can be measured anywhere. */
function noChildCounts(view: LevelView): UnitMeasures {
  return {
    measured: new Float64Array(view.nUnits).fill(NaN), reason: new Array<RuleReason>(view.nUnits).fill('no-child-counts'),
    affected: new Float64Array(view.nUnits).fill(NaN), uncovered: new Array<Int32Array>(view.nUnits).fill(EMPTY),
  };
}

const byChildren = (t: number): RuleReason | '' => (t > 0 ? '' : 'no-children-in-unit');

function shareMeasures(view: LevelView, w: Float64Array, mask: Uint8Array): UnitMeasures {
  const total = new Float64Array(view.nUnits);
  const within = new Float64Array(view.nUnits);
  const failing = new Uint8Array(w.length);
  for (let h = 0; h < w.length; h++) {
    const u = view.table.homeUnit[h];
    if (u < 0 || !(w[h] > 0)) continue;
    total[u] += w[h];
    if (mask[h]) within[u] += w[h];
    else failing[h] = 1;
  }
  const measured = total.map((t, u) => (t > 0 ? within[u] / t : NaN));
  return {
    measured,
    reason: Array.from(total, byChildren),
    affected: total.map((t, u) => t - within[u]),
    uncovered: homesByUnit(view, failing),
  };
}

function worstMeasures(view: LevelView, w: Float64Array, walking: Float64Array, rule: Rule): UnitMeasures {
  const worst = new Float64Array(view.nUnits).fill(-Infinity);
  const affected = new Float64Array(view.nUnits);
  const failing = new Uint8Array(w.length);
  const cmp = comparatorOf(rule);
  for (let h = 0; h < w.length; h++) {
    const u = view.table.homeUnit[h];
    if (u < 0 || !(w[h] > 0)) continue;
    const d = Number.isNaN(walking[h]) ? Infinity : walking[h];
    if (d > worst[u]) worst[u] = d;
    if (!compare(d, cmp, rule.target)) { failing[h] = 1; affected[u] += w[h]; }
  }
  const reason = Array.from(worst, (d) => byChildren(d === -Infinity ? 0 : 1));
  worst.forEach((d, u) => { if (d === -Infinity) worst[u] = NaN; });
  return { measured: worst, reason, affected, uncovered: homesByUnit(view, failing) };
}

/** Count-type measures: compared unless a per-child denominator is zero. */
function countMeasures(view: LevelView, measured: Float64Array, denominators: Float64Array | undefined): UnitMeasures {
  const reason = denominators ? Array.from(denominators, byChildren) : new Array<RuleReason | ''>(view.nUnits).fill('');
  return { measured, reason, affected: new Float64Array(view.nUnits), uncovered: new Array<Int32Array>(view.nUnits).fill(EMPTY) };
}

function unitSums(view: LevelView, w: Float64Array): Float64Array {
  const out = new Float64Array(view.nUnits);
  for (let h = 0; h < w.length; h++) { const u = view.table.homeUnit[h]; if (u >= 0 && w[h] > 0) out[u] += w[h]; }
  return out;
}

function facilityCounts(view: LevelView, f: FacilityTable, cats: readonly string[], minArea?: number): Float64Array {
  const out = new Float64Array(view.nUnits);
  for (let i = 0; i < f.ids.length; i++) {
    const u = view.table.facilityUnit[i];
    if (u < 0 || !cats.includes(f.category[i])) continue;
    if (minArea !== undefined && !(f.areaM2[i] >= minArea)) continue;
    out[u] += 1;
  }
  return out;
}

/** Unknown (NaN) areas add nothing: a play space of unknown size cannot be credited with any. */
function facilityAreas(view: LevelView, f: FacilityTable, cats: readonly string[]): Float64Array {
  const out = new Float64Array(view.nUnits);
  for (let i = 0; i < f.ids.length; i++) {
    const u = view.table.facilityUnit[i];
    if (u >= 0 && cats.includes(f.category[i]) && f.areaM2[i] > 0) out[u] += f.areaM2[i];
  }
  return out;
}

/** Two passes (count, then fill) so each unit gets one exact-size Int32Array. */
function homesByUnit(view: LevelView, flag: Uint8Array): Int32Array[] {
  const counts = new Int32Array(view.nUnits);
  for (let h = 0; h < flag.length; h++) if (flag[h]) counts[view.table.homeUnit[h]]++;
  const out = Array.from(counts, (c) => (c > 0 ? new Int32Array(c) : EMPTY));
  const fill = new Int32Array(view.nUnits);
  for (let h = 0; h < flag.length; h++) if (flag[h]) { const u = view.table.homeUnit[h]; out[u][fill[u]++] = h; }
  return out;
}
