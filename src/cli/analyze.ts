/**
 * npm run analyze -- --streets FILE --residences FILE (--facility CAT=FILE ... | --facilities FILE)
 *   [--units city|district|street|community=FILE ...] [--rules FILE|default|international]
 *   [--max-snap 150] [--thresholds 300,500,1000] [--cutoff M] [--isochrones areas|segments|none] --out DIR
 * npm run analyze -- --demo [--rules default] --out DIR     (the embedded demo city, data/demo)
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
import { readFacility } from '../core/model';
import { accessRequirements, evaluateRules, gapsToCsv, gapsToGeoJSON, scorecardsToCsv, type UnitGeometries } from '../core/rules';
import type { UnitLayers } from '../core/tables';
import { ArgsError, parseAnalyzeArgs, type AnalyzeArgs } from './analyze-args';
import { loadRuleSetArg } from './analyze-rules';
import { accessCsv, coverageCsv } from './csv';
import { readLayerFile } from './read-layer-file';

export async function analyze(args: AnalyzeArgs, log: (line: string) => void = () => {}): Promise<AccessAnalysisResult> {
  // Refuse a bad rule file before reading any layer.
  const ruleSet = args.rules === undefined ? undefined : loadRuleSetArg(args.rules);
  const [streets, homes, ...rest] = await Promise.all([
    readLayerFile(args.streets),
    readLayerFile(args.residences),
    ...args.facilities.map((f) => readLayerFile(f.file)),
    ...args.units.map((u) => readLayerFile(u.file)),
  ]);
  const facilities = args.facilities.map((f, i) => ({ fc: rest[i], category: f.category, forceCategory: f.category !== undefined }));
  const units: UnitLayers = Object.fromEntries(args.units.map((u, i) => [u.level, rest[args.facilities.length + i]]));
  const need = ruleSet ? accessRequirements(ruleSet) : undefined;
  const multi = facilities.filter((f) => f.category === undefined);
  const categories = [...new Set([
    ...facilities.flatMap((f) => (f.category ? [f.category] : [])),
    ...multi.flatMap((f) => f.fc.features.flatMap((x) => readFacility(x.properties).category ?? [])).sort(),
    ...(multi.length && need ? need.categories : []),
  ])];
  const cutoffM = args.cutoffM === undefined ? undefined : Math.max(args.cutoffM, need?.maxDistanceM ?? 0);
  const { result, tables } = runAccessAnalysis(
    { streets, homes, facilities, units },
    { categories, thresholds: args.thresholdsM.map((m) => ({ m })), maxSnapM: args.maxSnapM, cutoffM, isochrones: args.isochrones },
    (p) => log(`${p.stage} ${Math.round((p.fraction ?? 0) * 100)}%`),
  );
  await mkdir(args.out, { recursive: true });
  const unitsByLevel = new Map(result.units.map((u) => [u.level, u]));
  const rows = result.coverage.flatMap((c) => coverageRows(c, unitsByLevel.get(c.level)!));
  await writeFile(join(args.out, 'access.csv'), accessCsv(result, tables.homes.ids));
  await writeFile(join(args.out, 'coverage.csv'), coverageCsv(rows));
  for (const iso of result.isochrones) {
    const features = [
      ...iso.areas.features.map((f) => ({ ...f, properties: { ...f.properties, kind: 'area' } })),
      ...isochroneStreets(iso, result.thresholdsM).features.map((f) => ({ ...f, properties: { ...f.properties, kind: 'streets' } })),
    ];
    await writeFile(join(args.out, `isochrones_${iso.category}.geojson`), JSON.stringify({ type: 'FeatureCollection', features }));
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const args = parseAnalyzeArgs(process.argv.slice(2));
    const r = await analyze(args, (l) => process.stderr.write(l + '\n'));
    console.log(`${r.homeCount} homes × ${r.categories.length} categories → ${args.out}`);
  } catch (e) {
    console.error(e instanceof ArgsError ? `analyze: ${e.message}` : e);
    process.exit(e instanceof ArgsError ? 2 : 1);
  }
}
