/**
 * The pipeline both `analyze` and `export` run: the rule set checked first, then --out, then every input
 * read and validated (analyze-inputs.ts), facilities split by category, the categories chosen, the
 * analysis run as the app runs it, and the rules evaluated. What each command writes is its own.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import {
  computeRunSafeRoutes, DEFAULT_SCHOOL_CATEGORIES, prepareDataset, runAccessAnalysis, runSchoolCategories, safeRoutesForRules, type AccessAnalysisResult,
  type AccessAnalysisRun, type AccessRequest, type HeldSafeRoutes, type SafeRoutesResult,
} from '../core/analysis';
import { countedCategories, featureId, readFacility, type LoadedLayer, type Props, type UnitLevel } from '../core/model';
import { CHILD_V1, parseProfile } from '../core/safety';
import { accessRequirements, evaluateRules, needsSafeRoutes, type Evaluation, type RuleSet, type UnitGeometries } from '../core/rules';
import type { UnitLayers } from '../core/tables';
import type { AnalyzeArgs } from './analyze-args';
import { analyzeInputSpecs, readInputs, type InputSpec } from './analyze-inputs';
import { loadRuleSetArg } from './analyze-rules';
import { CliError, EXIT } from './cli-errors';
import { facilityInput } from './facility-inputs';
import { OutputFolder } from './output-folder';
import { progressPrinter } from './progress-lines';

export interface AnalyzeRun {
  /** --out, checked, not yet cleared: the command clears it when it is about to write. */
  readonly out: OutputFolder;
  /** Every input as read and validated (personal fields withheld), with the flag that named it. */
  readonly inputs: readonly { readonly spec: InputSpec; readonly layer: LoadedLayer }[];
  readonly units: UnitLayers;
  /** Unit polygons per level, indexed like the level's unit table. */
  readonly unitGeometries: UnitGeometries;
  readonly result: AccessAnalysisResult;
  readonly tables: AccessAnalysisRun['tables'];
  readonly ruleSet?: RuleSet;
  readonly evaluation?: Evaluation;
  /** With --safe-routes: the result, and the street ids and geometries its per-way rows use. */
  readonly safeRoutes?: {
    readonly result: SafeRoutesResult; readonly wayIds: readonly string[]; readonly wayGeometries: readonly (Geometry | null)[]; readonly seconds: number;
  };
}

export async function runAnalyze(args: AnalyzeArgs, command: string, log: (line: string) => void): Promise<AnalyzeRun> {
  // Refuse a bad rule file before reading any layer.
  const ruleSet = args.rules === undefined ? undefined : loadRuleSetArg(args.rules);
  // Then --out, then every input: all refusals come before any analysis work.
  const out = await OutputFolder.open(args.out, command, args.force ?? false);
  const specs = analyzeInputSpecs(args);
  const layers = await readInputs(specs, args.maxSnapM, log);
  const [streetLayer, homeLayer, ...rest] = layers;
  // An empty mixed facility file names no category, an empty unit file no unit: both were warned about.
  const facilities = args.facilities.flatMap((f, i) => (f.category === undefined && rest[i].featureCount === 0 ? [] : [facilityInput(f, rest[i].data)]));
  for (const f of facilities) if (f.note) log(f.note);
  const units: UnitLayers = Object.fromEntries(args.units.flatMap((u, i): [UnitLevel, FeatureCollection][] => {
    const l = rest[args.facilities.length + i];
    return l.featureCount === 0 ? [] : [[u.level, l.data]];
  }));
  const need = ruleSet ? accessRequirements(ruleSet) : undefined;
  const multi = facilities.filter((f) => f.category === undefined);
  // A `school` of unknown level counts as primary and middle (the facility table gives it a row for each).
  const categories = [...new Set([
    ...facilities.flatMap((f) => (f.category ? [f.category] : [])),
    ...multi.flatMap((f) => f.fc.features.flatMap((x) => readFacility(x.properties).category ?? [])).sort(),
    ...(multi.length && need ? need.categories : []),
  ].flatMap(countedCategories))];
  if (categories.length === 0) {
    throw new CliError(EXIT.inputRefused, 'no facility category is left to analyse (every facility file is empty). Give a facility file with features.');
  }
  // Safe-route rules need safe routes: computed as with --safe-routes (its defaults) when it was not given.
  const srArgs = args.safeRoutes ?? (ruleSet && needsSafeRoutes(ruleSet) && runSchoolCategories(categories).length > 0
    ? { maxSchoolWalkM: CHILD_V1.route.maxSchoolWalkM, schoolCategories: DEFAULT_SCHOOL_CATEGORIES } : undefined);
  if (srArgs && !args.safeRoutes) log('The rule set measures safe routes to school: computing them as with --safe-routes.');
  if (args.safeRoutes && runSchoolCategories(categories, args.safeRoutes.schoolCategories).length === 0) {
    throw new CliError(EXIT.usage, `--safe-routes needs schools: none of the categories ${args.safeRoutes.schoolCategories.join(', ')} is analysed. `
      + 'Give --facility school=FILE (or primary_school=, middle_school=), or name yours with --school-categories.');
  }
  const cutoffM = args.cutoffM === undefined ? undefined : Math.max(args.cutoffM, need?.maxDistanceM ?? 0);
  const crossingLayer = args.crossings ? rest[args.facilities.length + args.units.length] : undefined;
  const data = prepareDataset({ streets: streetLayer.data, homes: homeLayer.data, facilities, units, crossings: crossingLayer?.data });
  const request: AccessRequest = { categories, thresholds: args.thresholdsM.map((m) => ({ m })), maxSnapM: args.maxSnapM, cutoffM, isochrones: args.isochrones };
  const run = runAccessAnalysis(data, request, progressPrinter(log));
  const { result, tables } = run;
  let safeRoutes: AnalyzeRun['safeRoutes'];
  let held: HeldSafeRoutes | undefined;
  if (srArgs) {
    if (!args.crossings) log('warning: --safe-routes without --crossings: every crossing counts as unmarked. Give the import\'s crossings.fgb with --crossings.');
    const profile = parseProfile({ ...CHILD_V1, route: { ...CHILD_V1.route, maxSchoolWalkM: srArgs.maxSchoolWalkM } });
    if (!profile.ok) throw new CliError(EXIT.usage, `--max-school-walk: not a valid profile value (${profile.issues.map((i) => i.code).join(', ')})`);
    const t0 = performance.now();
    log('Safe routes to school…');
    const sr = computeRunSafeRoutes(data, run, '', request, { profile: profile.profile, schoolCategories: srArgs.schoolCategories });
    held = sr.held;
    const wayIds = streetLayer.data.features.map((f, i) => featureId(f.properties as Props | null, i, f.id));
    const wayGeometries = streetLayer.data.features.map((f) => f.geometry);
    safeRoutes = { result: sr.result, wayIds, wayGeometries, seconds: (performance.now() - t0) / 1000 };
  }
  const unitGeometries: UnitGeometries = Object.fromEntries(Object.entries(units).map(([level, fc]) => [level, fc.features.map((f) => f.geometry)]));
  // The rules' safe routes are the ones just written (same profile), or none at all when no school is analysed.
  const ruleRoutes = ruleSet && safeRoutesForRules(ruleSet, data, run, '', request, held?.request, held).input;
  const evaluation = ruleSet ? evaluateRules(ruleSet, { ...tables, ...(ruleRoutes ? { safeRoutes: ruleRoutes } : {}) }) : undefined;
  return { out, inputs: specs.map((spec, i) => ({ spec, layer: layers[i] })), units, unitGeometries, result, tables, ruleSet, evaluation, safeRoutes };
}
