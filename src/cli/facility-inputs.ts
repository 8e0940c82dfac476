/**
 * What a `--facility` argument takes from its file. A file whose features carry a `category` attribute is a
 * mixed facility file (such as an import's facilities.fgb):
 * - `--facility playground=F` on a file with several categories keeps the features whose category is `playground` (and those naming none,
 *   as the app's layer category applies there) and says how many of how many it kept; none matching is an
 *   error that names the file, the flag and the categories present;
 * - `--facility F` / `--facilities F` splits F by each feature's category (features without one are skipped
 *   and counted; a file with no category at all is an error, since nothing says what its features are).
 * A file without any `category`, or with one category only (not mixed), keeps the old meaning of
 * `--facility CAT=F`: every feature is CAT (a file of `school` features may be named `primary_school`).
 */
import type { FeatureCollection } from 'geojson';
import { ArgsError } from './analyze-args';

export interface FacilityInput {
  readonly fc: FeatureCollection;
  readonly category?: string;
  readonly forceCategory: boolean;
  /** One line for the user about what was taken from the file, when it was not simply everything. */
  readonly note?: string;
}

const categoryOf = (p: unknown): string | undefined => {
  const c = (p as Record<string, unknown> | null)?.['category'];
  return typeof c === 'string' && c.trim() !== '' ? c : undefined;
};

/** Category → feature count, in first-seen order. */
export function categoryCounts(fc: FeatureCollection): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of fc.features) {
    const c = categoryOf(f.properties);
    if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}

const listCounts = (counts: Map<string, number>): string => [...counts].map(([c, n]) => `${c} ${n}`).join(', ');

export function facilityInput(arg: { category?: string; file: string }, fc: FeatureCollection): FacilityInput {
  const counts = categoryCounts(fc);
  const total = fc.features.length;
  if (arg.category === undefined) {
    if (counts.size === 0) {
      throw new ArgsError(`--facility ${arg.file}: its ${total} features have no \`category\` attribute, so nothing says what they are; `
        + `name the category: --facility playground=${arg.file}`);
    }
    const named = [...counts.values()].reduce((s, n) => s + n, 0);
    const skipped = total - named;
    return { fc, forceCategory: false, note: `${arg.file}: split by category (${listCounts(counts)})${skipped ? `; ${skipped} features without a category skipped` : ''}` };
  }
  if (counts.size === 0) return { fc, category: arg.category, forceCategory: true };
  // One category only: not a mixed file, and the flag names what its features are (school → primary_school).
  if (counts.size === 1 && !counts.has(arg.category)) {
    const [only] = counts.keys();
    return { fc, category: arg.category, forceCategory: true, note: `${arg.file}: all ${total} features used as ${arg.category} (the file calls them ${only})` };
  }
  const kept = fc.features.filter((f) => {
    const c = categoryOf(f.properties);
    return c === undefined || c === arg.category;
  });
  if (!counts.has(arg.category)) {
    throw new ArgsError(`--facility ${arg.category}=${arg.file}: no feature has category "${arg.category}"; `
      + `the file's categories are ${listCounts(counts)} (use one of them, or --facility ${arg.file} to use each feature's own)`);
  }
  return {
    fc: { ...fc, features: kept },
    category: arg.category,
    forceCategory: true,
    note: `${arg.file}: ${kept.length} of ${total} features used as ${arg.category} (categories in the file: ${listCounts(counts)})`,
  };
}
