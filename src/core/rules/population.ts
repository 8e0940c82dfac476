/**
 * People per unit, for count targets that carry a population base. A home's people are its `population`
 * attribute when the layer has one (OSM estimates and the demo write it); otherwise its children of all
 * four bands divided by the share of 0–18-year-olds in the population (the child-estimate defaults, from
 * China's 2020 census: 22.07 %). Both are documented in docs/data-schema.md.
 */
import { DEFAULT_CHILD_ESTIMATE } from '../io/osm/estimate-children';
import { AGE_BANDS, type HomeTable } from '../model';
import type { LevelView } from './levels';

/** Share of all residents aged 0–18 (sum of the four bands' shares). */
export const CHILD_SHARE_0_18 = AGE_BANDS.reduce((s, b) => s + DEFAULT_CHILD_ESTIMATE.childShare[b], 0);

/** People of each home: its population when known (finite, ≥ 0), else children ÷ CHILD_SHARE_0_18. */
export function homePeople(homes: HomeTable): Float64Array {
  const n = homes.ids.length;
  const out = new Float64Array(n);
  const pop = homes.population;
  for (let h = 0; h < n; h++) {
    const p = pop?.[h];
    if (p !== undefined && Number.isFinite(p) && p >= 0) { out[h] = p; continue; }
    let kids = 0;
    for (const b of AGE_BANDS) kids += homes.children[b][h];
    out[h] = kids / CHILD_SHARE_0_18;
  }
  return out;
}

export function unitPopulation(view: LevelView, people: Float64Array): Float64Array {
  const out = new Float64Array(view.nUnits);
  for (let h = 0; h < people.length; h++) { const u = view.table.homeUnit[h]; if (u >= 0) out[u] += people[h]; }
  return out;
}

/**
 * A count target set for `base` people, for a unit of `population` people: ceil(target × population / base).
 * Rounded up because a facility comes whole (800 rooms for 17.56 M people → 2 rooms for 36,000).
 */
export function scaleTarget(target: number, population: number, base: number): number {
  // The small tolerance keeps an exact multiple (population = base) from rounding up on float noise.
  const x = (target * population) / base;
  return Math.ceil(x - 1e-9);
}
