/** The facilities report lines: how many facilities of each category, and which clue classified each school. */
import type { Feature } from 'geojson';
import type { LoadWarning } from '../../model';

function tally(features: readonly Feature[], key: string, only?: (f: Feature) => boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of features) {
    if (only && !only(f)) continue;
    const v = f.properties?.[key];
    if (typeof v === 'string') out[v] = (out[v] ?? 0) + 1;
  }
  return out;
}

export function facilityCounts(features: readonly Feature[]): LoadWarning[] {
  if (!features.length) return [];
  const out: LoadWarning[] = [{ code: 'info.osm.categories', count: features.length, params: tally(features, 'category') }];
  // A school of both levels is two features (one per category); its clue is counted once.
  const firstOfSchool = (f: Feature) => typeof f.properties?.['category_rule'] === 'string' && f.properties?.['id'] === undefined;
  const clues = tally(features, 'category_rule', firstOfSchool);
  if (Object.keys(clues).length) out.push({ code: 'info.osm.school_clues', count: Object.values(clues).reduce((a, b) => a + b, 0), params: clues });
  return out;
}
