/** The gap table's rows: filtered and sorted records of the latest evaluation (pure, memo-friendly). */
import type { GapRecord, RuleSet } from '../../core/rules';
import { SEVERITIES } from '../../core/rules';
import type { GapView, Language } from '../../state';
import { unitName } from './format';

export function gapRows(records: readonly GapRecord[], ruleSet: RuleSet, view: GapView, lang: Language): GapRecord[] {
  const rows = records.filter((r) =>
    (!view.failingOnly || r.status === 'failed')
    && (view.scale === 'all' || r.scale === view.scale)
    && (view.severity === 'all' || r.severity === view.severity)
    && (view.category === 'all' || r.category.split('+').includes(view.category)));
  const title = new Map(ruleSet.rules.map((r) => [r.id, r.title[lang]]));
  const num = (x: number) => (Number.isNaN(x) ? -Infinity : x);
  const key: (r: GapRecord) => number | string = {
    unit: (r: GapRecord) => unitName(r, lang),
    scale: (r: GapRecord) => ['city', 'district', 'street', 'community'].indexOf(r.scale),
    rule: (r: GapRecord) => title.get(r.rule_id) ?? r.rule_id,
    measured: (r: GapRecord) => num(r.measured),
    severity: (r: GapRecord) => SEVERITIES.indexOf(r.severity),
    // Without child counts in the data (NaN children everywhere) the homes affected order the rows.
    children: (r: GapRecord) => (Number.isNaN(r.children_affected) ? r.homes_affected : r.children_affected),
  }[view.sortKey];
  const dir = view.sortDesc ? -1 : 1;
  // Stable: ties keep evaluation order, so the same view always lists the same rows in the same order.
  return rows.map((r, i) => ({ r, i, k: key(r) })).sort((a, b) => {
    const c = typeof a.k === 'string' ? a.k.localeCompare(String(b.k), lang) : (a.k as number) - (b.k as number);
    return c !== 0 ? c * dir : a.i - b.i;
  }).map((x) => x.r);
}

export function gapCategories(records: readonly GapRecord[]): string[] {
  return [...new Set(records.flatMap((r) => (r.category ? r.category.split('+') : [])))].sort();
}
