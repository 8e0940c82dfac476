/** Command-line arguments of `npm run analyze` (analyze-usage.ts has the help text). */
import { isUnitLevel, type UnitLevel } from '../core/model';
import { DEFAULT_SCHOOL_CATEGORIES } from '../core/analysis/safe-routes-types';
import { CHILD_V1 } from '../core/safety/profile';
import { demoLayers } from './analyze-demo';

export interface AnalyzeArgs {
  readonly streets: string;
  readonly residences: string;
  /** `--facility CAT=FILE` (every feature is CAT), or `--facilities FILE` (no category: each feature's `category`). */
  readonly facilities: readonly { category?: string; file: string }[];
  readonly units: readonly { level: UnitLevel; file: string }[];
  readonly maxSnapM: number;
  readonly thresholdsM: readonly number[];
  readonly cutoffM?: number;
  readonly isochrones: 'areas' | 'segments' | 'none';
  readonly out: string;
  /** A built-in pack id or a rule-set JSON file; gaps.csv, gaps.geojson and scorecards.csv are written with it. */
  readonly rules?: string;
  /** Write into a non-empty --out this tool did not write (same-named files are replaced, nothing removed). */
  readonly force?: boolean;
  /** Show stack traces with errors. */
  readonly debug?: boolean;
  /** A crossings point layer (import's crossings.fgb or raw OSM tags); read with --safe-routes. */
  readonly crossings?: string;
  /** --safe-routes: street_safety.csv, safe_routes.csv and the hotspot files (docs/safe-routes-contract.md). */
  readonly safeRoutes?: { readonly maxSchoolWalkM: number; readonly schoolCategories: readonly string[] };
}

export class ArgsError extends Error {}

/** Flags without a value. */
const SWITCHES = new Set(['--force', '--debug', '--safe-routes']);

/** `--debug` anywhere, also when the arguments are otherwise wrong (the error then shows its stack). */
export const wantsDebug = (argv: readonly string[]): boolean => argv.includes('--debug');

const VALUE_FLAGS = new Set(['--streets', '--residences', '--facility', '--facilities', '--units', '--max-snap', '--thresholds',
  '--cutoff', '--isochrones', '--out', '--rules', '--crossings', '--max-school-walk', '--school-categories']);

/** `--help` or `-h` anywhere: print the usage instead of running. */
export const wantsHelp = (argv: readonly string[]): boolean => argv.includes('--help') || argv.includes('-h');

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  const single = new Map<string, string>();
  const facilities: { category?: string; file: string }[] = [];
  const units: { level: UnitLevel; file: string }[] = [];
  let demo = false;
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--demo') {
      demo = true;
      continue;
    }
    if (SWITCHES.has(flag)) {
      switches.add(flag);
      continue;
    }
    if (!flag.startsWith('--')) throw new ArgsError(`unexpected argument ${flag} (every value follows its --option)`);
    if (!VALUE_FLAGS.has(flag)) throw new ArgsError(`unknown option ${flag}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new ArgsError(`${flag} needs a value`);
    i++;
    const pair = (): [string, string] => {
      const eq = value.indexOf('=');
      if (eq <= 0) throw new ArgsError(`${flag} expects NAME=FILE, got ${value}`);
      return [value.slice(0, eq), value.slice(eq + 1)];
    };
    if (flag === '--facility') {
      // FILE alone: a mixed file, split by each feature's category (facility-inputs.ts).
      if (value.indexOf('=') <= 0) facilities.push({ file: value });
      else {
        const [category, file] = pair();
        facilities.push({ category, file });
      }
    } else if (flag === '--facilities') {
      facilities.push({ file: value });
    } else if (flag === '--units') {
      const [level, file] = pair();
      if (!isUnitLevel(level)) throw new ArgsError(`--units level must be city, district, street or community, got ${level}`);
      units.push({ level, file });
    } else single.set(flag.slice(2), value);
  }
  const need = (k: string): string => {
    const v = single.get(k);
    if (!v) throw new ArgsError(`--${k} is required`);
    return v;
  };
  const num = (k: string, dflt: number | undefined): number | undefined => {
    const v = single.get(k);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new ArgsError(`--${k} must be a positive number, got ${v}`);
    return n;
  };
  const thresholdsM = (single.get('thresholds') ?? '300,500,1000').split(',').map(Number);
  if (thresholdsM.some((t) => !Number.isFinite(t) || t <= 0)) throw new ArgsError('--thresholds must be positive metres, comma-separated');
  const iso = single.get('isochrones') ?? 'segments';
  if (iso !== 'areas' && iso !== 'segments' && iso !== 'none') throw new ArgsError('--isochrones must be areas, segments or none');
  const safeRoutes = switches.has('--safe-routes');
  for (const k of ['max-school-walk', 'school-categories']) {
    if (!safeRoutes && single.has(k)) throw new ArgsError(`--${k} is used only with --safe-routes`);
  }
  // A rule set may hold a safe-route rule: its routes need the crossings as much as --safe-routes does.
  const routesMayRun = safeRoutes || single.has('rules');
  if (!routesMayRun && single.has('crossings')) throw new ArgsError('--crossings is used only with --safe-routes or --rules');
  const schoolCategories = (single.get('school-categories') ?? DEFAULT_SCHOOL_CATEGORIES.join(',')).split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (schoolCategories.length === 0) throw new ArgsError('--school-categories needs at least one category');
  const d = demo ? demoLayers() : undefined;
  if (d) {
    if (facilities.length === 0) facilities.push({ file: d.facilities });
    if (units.length === 0) units.push(...d.units);
  }
  if (facilities.length === 0) throw new ArgsError('at least one --facility CATEGORY=FILE or --facilities FILE is required');
  return {
    streets: single.get('streets') ?? d?.streets ?? need('streets'),
    residences: single.get('residences') ?? d?.residences ?? need('residences'),
    facilities,
    units,
    rules: single.get('rules'),
    maxSnapM: num('max-snap', 150)!,
    thresholdsM,
    cutoffM: num('cutoff', undefined),
    isochrones: iso,
    out: need('out'),
    force: switches.has('--force'),
    debug: switches.has('--debug'),
    crossings: single.get('crossings') ?? (routesMayRun ? d?.crossings : undefined),
    safeRoutes: safeRoutes ? { maxSchoolWalkM: num('max-school-walk', CHILD_V1.route.maxSchoolWalkM)!, schoolCategories } : undefined,
  };
}
