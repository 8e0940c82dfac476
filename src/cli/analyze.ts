/**
 * npm run analyze -- --streets FILE --residences FILE (--facility CAT=FILE ... | --facility FILE) ... --out DIR
 * (every option: analyze-usage.ts, `npm run analyze -- --help`).
 * Runs the same pipeline as the app (src/core/analysis) and writes access.csv, coverage.csv,
 * isochrones_<category>.geojson and summary.json into DIR; with --rules also gaps.csv (every rule × unit
 * record, data-schema columns), gaps.geojson (the records on their unit polygons) and scorecards.csv; with
 * --safe-routes (or a rule set with safe-route rules) the contract's four CSVs and safe_routes_units.csv.
 * Categories: every --facility one, every category a --facilities layer carries, and with such a layer
 * every category the rules test (a category absent from a full facility layer has no facility at all).
 * Every input goes through the app's validation first (analyze-inputs.ts): warnings are printed, and what
 * cannot be analysed is refused before any work. Exit codes: cli-errors.ts (EXIT).
 */
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isochroneStreets, type AccessAnalysisResult } from '../core/analysis';
import { coverageRows } from '../core/coverage';
import { gapsToCsv, gapsToGeoJSON, scorecardsToCsv } from '../core/rules';
import { parseAnalyzeArgs, wantsDebug, wantsHelp, type AnalyzeArgs } from './analyze-args';
import { runAnalyze } from './analyze-run';
import { ANALYZE_USAGE } from './analyze-usage';
import { describeFailure, EXIT } from './cli-errors';
import { accessCsv, coverageCsv } from './csv';
import { outputNamer } from './output-names';
import { crossingHotspotsCsv, safeRoutesCsv, segmentHotspotsCsv, streetSafetyCsv } from './safe-routes-csv';
import { safeRoutesLine, safeRoutesSummary } from './safe-routes-summary';
import { safeRouteUnitsCsv } from './safe-routes-units-csv';

export async function analyze(args: AnalyzeArgs, log: (line: string) => void = () => {}): Promise<AccessAnalysisResult> {
  const { out, result, tables, unitGeometries: geometries, evaluation: ev, safeRoutes: sr } = await runAnalyze(args, 'analyze', log);
  await out.clearPrevious();
  const unitsByLevel = new Map(result.units.map((u) => [u.level, u]));
  const rows = result.coverage.flatMap((c) => coverageRows(c, unitsByLevel.get(c.level)!));
  await out.write('access.csv', accessCsv(result, tables.homes.ids));
  await out.write('coverage.csv', coverageCsv(rows));
  const isochroneFile = outputNamer(args.out, 'isochrones_', '.geojson');
  for (const iso of result.isochrones) {
    const features = [
      ...iso.areas.features.map((f) => ({ ...f, properties: { ...f.properties, kind: 'area' } })),
      ...isochroneStreets(iso, result.thresholdsM).features.map((f) => ({ ...f, properties: { ...f.properties, kind: 'streets' } })),
    ];
    await out.write(basename(isochroneFile(iso.category)), JSON.stringify({ type: 'FeatureCollection', features }));
  }
  let rules: Record<string, unknown> | undefined;
  if (ev) {
    await out.write('gaps.csv', gapsToCsv(ev.records));
    await out.write('gaps.geojson', JSON.stringify(gapsToGeoJSON(ev.records, geometries)));
    await out.write('scorecards.csv', scorecardsToCsv(ev.scorecards));
    rules = { ...ev.summary };
  }
  if (sr) {
    await out.write('street_safety.csv', streetSafetyCsv(sr.result, sr.wayIds));
    await out.write('safe_routes.csv', safeRoutesCsv(sr.result, tables.homes.ids));
    await out.write('hotspots_crossings.csv', crossingHotspotsCsv(sr.result));
    await out.write('hotspots_segments.csv', segmentHotspotsCsv(sr.result, sr.wayIds));
    await out.write('safe_routes_units.csv', safeRouteUnitsCsv(sr.result));
    log(safeRoutesLine(sr.result, sr.seconds));
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
    safeRoutes: sr ? safeRoutesSummary(sr.result) : undefined,
  };
  await out.write('summary.json', JSON.stringify(summary, null, 2) + '\n');
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

/** The command: prints to `io`, answers the exit code (cli-errors.ts EXIT). */
export async function main(argv: readonly string[], io: { out: (l: string) => void; err: (l: string) => void }): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(ANALYZE_USAGE);
    return EXIT.ok;
  }
  try {
    const args = parseAnalyzeArgs(argv);
    const t0 = performance.now();
    const r = await analyze(args, io.err);
    for (const line of summaryLines(r, args.out, (performance.now() - t0) / 1000)) io.out(line);
    return EXIT.ok;
  } catch (e) {
    const f = describeFailure('analyze', e, wantsDebug(argv));
    for (const l of f.lines) io.err(l);
    return f.exitCode;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => process.stderr.write(l + '\n') });
}
