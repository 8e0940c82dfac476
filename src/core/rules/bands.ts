/** Age-band specs of a rule (one band, several, or 'all') and the child weight of each home under them. */
import { AGE_BANDS, type AgeBand, type HomeTable } from '../model';
import type { AgeBandSpec } from './schema';

export function bandsOf(spec: AgeBandSpec): readonly AgeBand[] {
  if (spec === 'all') return AGE_BANDS;
  return typeof spec === 'string' ? [spec] : AGE_BANDS.filter((b) => spec.includes(b));
}

/** The gaps.csv `age_band` cell: '4-6', '0-3+4-6', or 'all'. */
export function bandLabel(spec: AgeBandSpec): string {
  const bands = bandsOf(spec);
  return bands.length === AGE_BANDS.length ? 'all' : bands.join('+');
}

/** Children of the bands in each home, summed. Cached by label because many rules share a band. */
export function createWeightCache(homes: HomeTable): (spec: AgeBandSpec) => Float64Array {
  const cache = new Map<string, Float64Array>();
  return (spec) => {
    const key = bandLabel(spec);
    let w = cache.get(key);
    if (!w) {
      const bands = bandsOf(spec);
      const n = homes.ids.length;
      w = bands.length === 1 ? homes.children[bands[0]] : new Float64Array(n);
      if (bands.length > 1) for (const b of bands) { const c = homes.children[b]; for (let h = 0; h < n; h++) w[h] += c[h]; }
      cache.set(key, w);
    }
    return w;
  };
}

/** Whether any home has a child count above 0 in any band (data without `children_*` fields has none). */
export function hasChildCounts(homes: HomeTable): boolean {
  for (const b of AGE_BANDS) if (homes.children[b].some((c) => c > 0)) return true;
  return false;
}
