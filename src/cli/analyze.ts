/**
 * npm run analyze -- --streets FILE --residences FILE (--facility CAT=FILE ... | --facility FILE) ... --out DIR
 * (every option: analyze-usage.ts, `npm run analyze -- --help`).
 * Runs the same pipeline as the app (src/core/analysis) and writes access.csv, coverage.csv,
 * isochrones_<category>.geojson and summary.json into DIR; with --rules also gaps.csv (every rule × unit
 * record, data-schema columns), gaps.geojson (the records on their unit polygons) and scorecards.csv.
 * Categories: every --facility one, every category a --facilities layer carries, and with such a layer
 * every category the rules test (a category absent from a full facility layer has no facility at all).
 * A bad --rules file exits with code 2 and names the file and its first issue.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isochroneStreets, runAccessAnalysis, type AccessAnalysisResult } from '../core/analysis';
import { coverageRows } from '../core/coverage';
import { countedCategories, readFacility } from '../core/model';
import { accessRequirements, evaluateRules, gapsToCsv, gapsToGeoJSON, scorecardsToCsv, type UnitGeometries } from '../core/rules';
import type { UnitLayers } from '../core/tables';
import { ArgsError, parseAnalyzeArgs, wantsHelp, type AnalyzeArgs } from './analyze-args';
import { loadRuleSetArg } from './analyze-rules';
import { ANALYZE_USAGE } from './analyze-usage';
import { accessCsv, coverageCsv } from './csv';
import { facilityInput } from './facility-inputs';
import { formatCode } from './messages';
import { outputNamer } from './output-names';
import { progressPrinter } from './progress-lines';
import { LayerReadError, readLayerFile } from './read-layer-file';

export async function analyze(args: AnalyzeArgs, log: (line: string) => void = () => {}): Promise<AccessAnalysisResult> {
  // Refuse a bad rule file before reading any layer.
  const ruleSet = args.rules === undefined ? undefined : loadRuleSetArg(args.rules);
  const [streets, homes, ...rest] = await Promise.all([
    readLayerFile(args.streets),
    readLayerFile(args.residences),
    ...args.facilities.map((f) => readLayerFile(f.file)),
    ...args.units.map((u) => readLayerFile(u.file)),
  ]);
  const facilities = args.facilities.map((f, i) => facilityInput(f, rest[i]));
  for (const f of facilities) if (f.note) log(f.note);
  const units: UnitLayers = Object.fromEntries(args.units.map((u, i) => [u.level, rest[args.facilities.length + i]]));
  const need = ruleSet ? accessRequirements(ruleSet) : undefined;
  const multi = facilities.filter((f) => f.category === undefined);
  // A `school` of unknown level counts as primary and middle (the facility table gives it a row for each).
  const categories = [...new Set([
    ...facilities.flatMap((f) => (f.category ? [f.category] : [])),
    ...multi.flatMap((f) => f.fc.features.flatMap((x) => readFacility(x.properties).category ?? [])).sort(),
    ...(multi.length && need ? need.categories : []),
  ].flatMap(countedCategories))];
  const cutoffM = args.cutoffM === undefined ? undefined : Math.max(args.cutoffM, need?.maxDistanceM ?? 0);
  const { result, tables } = runAccessAnalysis(
    { streets, homes, facilities, units },
    { categories, thresholds: args.thresholdsM.map((m) => ({ m })), maxSnapM: args.maxSnapM, cutoffM, isochrones: args.isochrones },
    progressPrinter(log),
  );
  await mkdir(args.out, { recursive: true });
  const unitsByLevel = new Map(result.units.map((u) => [u.level, u]));
  const rows = result.coverage.flatMap((c) => coverageRows(c, unitsByLevel.get(c.level)!));
  await writeFile(join(args.out, 'access.csv'), accessCsv(result, tables.homes.ids));
  await writeFile(join(args.out, 'coverage.csv'), coverageCsv(rows));
  const isochroneFile = outputNamer(args.out, 'isochrones_', '.geojson');
  for (const iso of result.isochrones) {
    const features = [
      ...iso.areas.features.map((f) => ({ ...f, properties: { ...f.properties, kind: 'area' } })),
      ...isochroneStreets(iso, result.thresholdsM).features.map((f) => ({ ...f, properties: { ...f.properties, kind: 'streets' } })),
    ];
    await writeFile(isochroneFile(iso.category), JSON.stringify({ type: 'FeatureCollection', features }));
  }
  let rules: Record<string, unknown> | undefined;
  if (ruleSet) {
    const ev = evaluateRules(ruleSet, tables);
    const geometries: UnitGeometries = Object.fromEntries(Object.entries(units).map(([level, fc]) => [level, fc.features.map((f) => f.geometry)]));
    await writeFile(join(args.out, 'gaps.csv'), gapsToCsv(ev.records));
    await writeFile(join(args.out, 'gaps.geojson'), JSON.stringify(gapsToGeoJSON(ev.records, geometries)));
    await writeFile(join(args.out, 'scorecards.csv'), scorecardsToCsv(ev.scorecards));
    rules = { ...ev.summary };
  }
  const summary = {
    homes: result.homeCount,
    facilities: result.facilityCount,
    notConnectedHomes: result.notConnectedHomes,
    notConnectedFacilities: result.notConnectedFacilities,
    network: result.network,
    skipped: result.skipped,
    categories: result.categories.map((c) => ({ category: c.category, facilities: c.facilityCount, unreachableHomes: c.unreachableHomes })),
    outsideUnits: Object.fromEntries(result.coverage.map((c) => [c.level, c.outsideHomes])),
    thresholdsM: [...result.thresholdsM],
    timingsMs: result.timingsMs,
    rules,
  };
  await writeFile(join(args.out, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  return result;
}

/** The closing lines: what was analysed, what could not be, and where the files are. */
export function summaryLines(r: AccessAnalysisResult, out: string, seconds: number): string[] {
  const cats = r.categories.map((c) => `${c.category} (${c.facilityCount} facilities, ${c.unreachableHomes} homes unreachable)`);
  return [
    `Done in ${seconds.toFixed(1)} s: ${r.homeCount} homes (${r.notConnectedHomes} not connected to a street), `
      + `${r.facilityCount} facilities (${r.notConnectedFacilities} not connected), ${r.categories.length} ${r.categories.length === 1 ? 'category' : 'categories'} → ${out}`,
    ...cats.map((c) => `  ${c}`),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    console.log(ANALYZE_USAGE);
    process.exit(0);
  }
  try {
    const args = parseAnalyzeArgs(argv);
    const t0 = performance.now();
    const r = await analyze(args, (l) => process.stderr.write(l + '\n'));
    for (const line of summaryLines(r, args.out, (performance.now() - t0) / 1000)) console.log(line);
  } catch (e) {
    if (e instanceof ArgsError) {
      console.error(`analyze: ${e.message}\nRun \`npm run analyze -- --help\` for every option.`);
      process.exit(2);
    }
    const err = e as NodeJS.ErrnoException;
    if (e instanceof LayerReadError) console.error(`analyze: ${formatCode('error', e.code, e.params ?? {})}`);
    else if (typeof err.path === 'string' && err.code) console.error(`analyze: cannot read ${err.path} (${err.message})`);
    else console.error(e);
    process.exit(1);
  }
}
