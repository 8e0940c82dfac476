/**
 * npm run export -- <analyze's inputs> [--rules default] --format geojson,fgb,csv,gpkg [--date D] --out DIR
 * (every option: export-usage.ts). Runs analyze's pipeline (analyze-run.ts) and writes every input layer
 * and every result (src/core/export; safe routes with --safe-routes or a rule set that measures them) in each format asked for, and manifest.json listing the files with
 * their layers, feature counts and sha256. Nothing in the output depends on the clock but --date.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { exportFiles, inputLayerNames, resultLayers, type DataManifest, type DataManifestEntry, type ExportFile, type ExportLayer } from '../core/export';
import { loadSqlJs } from '../core/io/geopackage';
import { wantsDebug, wantsHelp } from './analyze-args';
import { runAnalyze, type AnalyzeRun } from './analyze-run';
import { describeFailure, EXIT } from './cli-errors';
import { parseExportArgs, type ExportArgs } from './export-args';
import { EXPORT_USAGE } from './export-usage';

/** manifest.json: the same shape as the app's data export writes (core/export/manifest.ts). */
export type ManifestEntry = DataManifestEntry;
export type Manifest = DataManifest;

/** Layer names from the input roles, as the app's data export names them (core/export/input-layers.ts). */
export function inputLayers(run: Pick<AnalyzeRun, 'inputs'>): ExportLayer[] {
  const names = inputLayerNames(run.inputs.map(({ spec }) => ({ role: spec.role, ...(spec.category ? { category: spec.category } : {}) })));
  return run.inputs.map(({ layer }, i) => ({ name: names[i]!, data: layer.data }));
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export function manifestOf(files: readonly ExportFile[], args: Pick<ExportArgs, 'date'>, rules: AnalyzeRun['ruleSet']): Manifest {
  return {
    tool: 'cfc-planner',
    command: 'export',
    date: args.date,
    rules: rules ? { id: rules.id, version: rules.version } : null,
    files: files.flatMap((f) => {
      const hash = sha256(f.bytes);
      return f.layers.map((l) => ({ name: f.name, format: f.format, layer: l.layer, features: l.features, bytes: f.bytes.byteLength, sha256: hash }));
    }),
  };
}

export async function runExport(args: ExportArgs, log: (line: string) => void = () => {}): Promise<Manifest> {
  const run = await runAnalyze(args, 'export', log);
  const layers = [...inputLayers(run), ...resultLayers({
    result: run.result, homeIds: run.tables.homes.ids, unitGeometries: run.unitGeometries, evaluation: run.evaluation, safeRoutes: run.safeRoutes,
  })];
  const sql = args.formats.includes('gpkg') ? await loadSqlJs({}) : undefined;
  const files = exportFiles(layers, args.formats, { sql, date: args.date });
  await run.out.clearPrevious();
  for (const f of files) await run.out.write(f.name, f.bytes);
  const manifest = manifestOf(files, args, run.ruleSet);
  await run.out.write('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

export async function main(argv: readonly string[], io: { out: (l: string) => void; err: (l: string) => void }): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(EXPORT_USAGE);
    return EXIT.ok;
  }
  try {
    const args = parseExportArgs(argv);
    const t0 = performance.now();
    const m = await runExport(args, io.err);
    const names = new Set(m.files.map((f) => f.name));
    io.out(`Done in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${names.size} files (${args.formats.join(', ')}) and manifest.json → ${args.out}`);
    return EXIT.ok;
  } catch (e) {
    const f = describeFailure('export', e, wantsDebug(argv));
    for (const l of f.lines) io.err(l);
    return f.exitCode;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => process.stderr.write(l + '\n') });
}
