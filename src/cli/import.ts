/**
 * npm run import -- FILE --out DIR [--admin-levels 8=street,10=community | --admin-preset CN] [--no-estimate]
 *   [--population N] [--estimate-preset auto|CN|DE]
 * (every option: IMPORT_USAGE below, `npm run import -- --help`).
 * Imports an OpenStreetMap extract (.osm, .osm.gz, .osm.pbf) with the same core the browser uses and writes
 * each layer as FlatGeobuf plus a manifest.json, then prints the feature counts. Every warning is one line
 * on stderr; personal fields are dropped from every layer about children (none of the importer's own
 * fields is one today: this is the guard for when the tag selection grows). Exit codes: cli-errors.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ADMIN_LEVEL_PRESETS, ESTIMATE_PRESETS, importOsm, parseAdminLevelMapping, type EstimatePreset, type OsmImportOptions } from '../core/io/osm';
import { writeFlatGeobuf } from '../core/io/fgb-write';
import type { LoadedLayer } from '../core/model';
import { ArgsError } from './analyze-args';
import { CliError, describeFailure, EXIT, unreadable } from './cli-errors';
import { formatCode } from './messages';
import { OutputFolder } from './output-folder';
import { withoutPersonalFields } from './personal-fields';
import { progressPrinter } from './progress-lines';
import { isProblem, warningLine } from './warning-lines';

const NAMES: Readonly<Record<string, { en: string; zh: string }>> = {
  streets: { en: 'Streets', zh: '道路' },
  crossings: { en: 'Crossings', zh: '过街设施' },
  facilities: { en: 'Facilities', zh: '儿童设施' },
  homes: { en: 'Homes', zh: '住宅' },
  city: { en: 'City', zh: '市' },
  district: { en: 'Districts', zh: '区' },
  street: { en: 'Streets (subdistricts)', zh: '街道' },
  community: { en: 'Communities', zh: '社区' },
};

export const IMPORT_USAGE = `Usage: npm run import -- FILE --out DIR [options]

Imports an OpenStreetMap extract (.osm, .osm.gz, .osm.pbf) with the same core as the app and writes each
layer as FlatGeobuf (streets, crossings, facilities, homes, units_<level>) plus manifest.json into DIR.

Options:
  FILE                       the OpenStreetMap extract. Required.
  --out DIR                  output folder (created). Required. The tool marks the folders it writes
                             (a .cfc-planner-out file listing its files); a rerun replaces exactly those
                             files. A non-empty folder it did not write is refused (exit 4).
  --force                    write into such a folder anyway: files of the same name are replaced,
                             nothing else is removed.
  --debug                    show where an error happened (a stack trace) with its message.
  --admin-levels MAPPING     which admin_level becomes which unit, e.g. 8=street,10=community.
                             Default: chosen from the data.
  --admin-preset NAME        a named mapping instead: ${Object.keys(ADMIN_LEVEL_PRESETS).join(', ')}.
  --no-estimate              do not estimate children per home. Default: estimate.
  --population N             the extract's known population: estimates are scaled to it.
                             Default: admin boundaries' population tags where present.
  --estimate-preset NAME     floor area and storey defaults: auto, ${Object.keys(ESTIMATE_PRESETS).join(', ')}.
                             Default: auto (CN inside China, DE elsewhere).
  --help, -h                 show this help.

Example:
  npm run import -- ../shared/data/osm/monaco.osm.gz --out /tmp/monaco
  npm run analyze -- --streets /tmp/monaco/streets.fgb --residences /tmp/monaco/homes.fgb \\
      --facility /tmp/monaco/facilities.fgb --out /tmp/monaco-out

Warnings (ways missing points, personal fields dropped, implausible estimates, …) are printed on stderr,
one line each naming the file and the layer.

Exit codes: 0 done, 1 failed (the file cannot be read from disk, an unexpected error), 2 bad arguments,
3 input refused (not an OpenStreetMap file, damaged, too large: nothing was written), 4 --out refused
(a non-empty folder this tool did not write).`;

function usage(msg: string): never {
  throw new ArgsError(msg);
}

export interface ImportArgs {
  readonly file: string;
  readonly out: string;
  readonly options: OsmImportOptions;
  readonly force: boolean;
}

export function parseArgs(argv: readonly string[]): ImportArgs {
  let file: string | undefined;
  let out: string | undefined;
  let adminLevels: OsmImportOptions['adminLevels'];
  let estimateChildren = true;
  const estimate: { knownPopulation?: number; preset?: 'auto' | EstimatePreset } = {};
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out = argv[++i];
    else if (a === '--admin-levels') adminLevels = parseAdminLevelMapping(argv[++i] ?? '') ?? usage(`bad --admin-levels: ${argv[i]}`);
    else if (a === '--admin-preset') adminLevels = ADMIN_LEVEL_PRESETS[argv[++i] ?? ''] ?? usage(`unknown preset: ${argv[i]}`);
    else if (a === '--no-estimate') estimateChildren = false;
    else if (a === '--force') force = true;
    else if (a === '--debug') continue;
    else if (a === '--population') {
      const n = Number(argv[++i]);
      estimate.knownPopulation = Number.isFinite(n) && n > 0 ? n : usage(`bad --population: ${argv[i]} (a number of people > 0)`);
    } else if (a === '--estimate-preset') {
      const p = argv[++i] ?? '';
      estimate.preset = p === 'auto' || p in ESTIMATE_PRESETS ? (p as 'auto' | EstimatePreset) : usage(`unknown estimate preset: ${p}`);
    }
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (file !== undefined) usage(`one FILE only (got ${file} and ${a})`);
    else file = a;
  }
  if (!file) usage('FILE (the OpenStreetMap extract) is required');
  if (!out) usage('--out DIR is required');
  return { file, out, force, options: { adminLevels, estimateChildren: estimateChildren && Object.keys(estimate).length ? estimate : estimateChildren } };
}

const fileFor = (l: LoadedLayer) => (['streets', 'crossings', 'facilities', 'homes'].includes(l.roleGuess) ? `${l.roleGuess}.fgb` : `units_${l.roleGuess}.fgb`);

/** Reads and imports the extract, then writes its layers; every refusal comes before anything is written. */
async function runImport(args: ImportArgs, io: { out: (l: string) => void; err: (l: string) => void }): Promise<void> {
  const { file, out, options } = args;
  const folder = await OutputFolder.open(out, 'import', args.force);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    throw unreadable(file, e);
  }
  const t0 = performance.now();
  const result = await importOsm(bytes, path.basename(file), progressPrinter(io.err), undefined, options);
  if (!result.ok) {
    const text = formatCode('error', result.error.code, { file: path.basename(file), ...(result.error.params ?? {}) });
    throw new CliError(result.error.code === 'osm.read_failed' ? EXIT.failed : EXIT.inputRefused, `${file}: ${text}`);
  }
  const layers = result.value.map((l) => withoutPersonalFields(l, l.roleGuess));
  await folder.clearPrevious();
  const manifest = { source: path.basename(file), layers: [] as unknown[] };
  const rows: string[][] = [];
  for (const l of layers) {
    const name = fileFor(l);
    for (const w of l.warnings) if (isProblem(w)) io.err(`warning: ${warningLine(`${file} (${name})`, name, w)}`);
    await folder.write(name, writeFlatGeobuf(l.data, { name: l.name }));
    manifest.layers.push({ file: name, role: l.roleGuess, name: NAMES[l.roleGuess] ?? { en: l.roleGuess, zh: l.roleGuess }, featureCount: l.featureCount, warnings: l.warnings });
    const problems = l.warnings.filter(isProblem).length;
    rows.push([name, l.roleGuess, String(l.featureCount), problems ? `${problems} ${problems === 1 ? 'warning' : 'warnings'}` : '']);
  }
  await folder.write('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  io.out(`${file}: ${layers.length} layers in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`);
  for (const r of rows) io.out(`  ${r[0].padEnd(22)} ${r[1].padEnd(11)} ${r[2].padStart(7)}  ${r[3]}`.trimEnd());
  // The report lines (what the home rule kept, the plausibility line, categories and school clues), as key=value.
  for (const l of layers) {
    for (const w of l.warnings) if (w.code.startsWith('info.')) io.out(`  ${w.code}: ${Object.entries(w.params ?? {}).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  }
}

/** The command: prints to `io`, answers the exit code (cli-errors.ts EXIT). */
export async function main(argv: readonly string[], io: { out: (l: string) => void; err: (l: string) => void }): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(IMPORT_USAGE);
    return EXIT.ok;
  }
  try {
    await runImport(parseArgs(argv), io);
    return EXIT.ok;
  } catch (e) {
    const f = describeFailure('import', e, argv.includes('--debug'));
    for (const l of f.lines) io.err(l);
    return f.exitCode;
  }
}

// Runs as a command; importing the module (tests) only brings in toFlatGeobuf and main.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => process.stderr.write(`${l}\n`) });
}
