/**
 * `analyze` reads every input through the app's loader and runs the app's validation on it before any
 * analysis: every warning becomes one line naming the flag, the file, what is wrong and the fix; what
 * cannot be analysed (projected or latitude-first coordinates, homes or streets with no usable feature,
 * homes nowhere near the streets)
 * is refused with exit code 3 after all inputs were read, so one run names every problem.
 */
import { basename } from 'node:path';
import type { LoadedLayer } from '../core/model';
import { CliError, EXIT, unreadable } from './cli-errors';
import { checkPlacement, checkRange, type Placed } from './coordinate-checks';
import { formatCode } from './messages';
import { withoutPersonalFields } from './personal-fields';
import { LayerReadError, loadLayerFile } from './read-layer-file';
import { isProblem, warningLine } from './warning-lines';

export interface InputSpec {
  /** How the user named it: `--residences homes.geojson`, `--facility playground=p.geojson`. */
  readonly label: string;
  readonly file: string;
  /** streets, homes, facilities, or a unit level. */
  readonly role: string;
  /** The category a `--facility CAT=FILE` gives its features. */
  readonly category?: string;
}

/** Added to the loader's own sentence where the command line knows more about the cause. */
const ERROR_HINTS: Readonly<Record<string, string>> = {
  'error.io.looks-projected': 'If only a few features are off, fix their coordinates instead.',
};

function readFailure(spec: InputSpec, e: unknown): CliError {
  if (!(e instanceof LayerReadError)) return unreadable(spec.label, e);
  const text = formatCode('error', e.code, { ...(e.params ?? {}), file: basename(spec.file) });
  const hint = ERROR_HINTS[e.code.startsWith('error.') ? e.code : `error.${e.code}`];
  return new CliError(e.code === 'error.io.internal' ? EXIT.failed : EXIT.inputRefused, `${spec.label}: ${text}${hint ? ` ${hint}` : ''}`);
}

/** Nothing to analyse without homes or streets; an empty facility or unit file only thins the results. */
function emptyLine(spec: InputSpec): { refusal?: string; line?: string } {
  switch (spec.role) {
    case 'homes':
      return { refusal: `${spec.label}: no home has a usable geometry, so there is nothing to analyse. Give the homes point or polygon geometries in WGS 84 longitude/latitude.` };
    case 'streets':
      return { refusal: `${spec.label}: no street has a usable geometry, so no home can reach anything. Give the streets line geometries in WGS 84 longitude/latitude.` };
    case 'facilities':
      return {
        line: spec.category
          ? `${spec.label}: the file has no usable facility, so ${spec.category} is analysed with none: every home is out of its reach. Check that this is the right file.`
          : `${spec.label}: the file has no usable facility, so it adds no category. Check that this is the right file.`,
      };
    case 'crossings':
      return { line: `${spec.label}: the file has no usable crossing point, so every crossing counts as unmarked. Check that this is the right file.` };
    default:
      return { line: `${spec.label}: the file has no usable unit polygon, so nothing is reported for the ${spec.role} level. Check that this is the right file.` };
  }
}

/**
 * Every input read and checked, in the order given, or a CliError listing every refusal. Warnings go to
 * `log` as they are found (before the refusal, so the user sees why a file has nothing left in it).
 */
export async function readInputs(specs: readonly InputSpec[], maxSnapM: number, log: (line: string) => void): Promise<LoadedLayer[]> {
  const failures: CliError[] = [];
  const refusals: string[] = [];
  const placed: Placed[] = [];
  const layers: LoadedLayer[] = [];
  for (const spec of specs) {
    let read: LoadedLayer;
    try {
      read = await loadLayerFile(spec.file);
    } catch (e) {
      failures.push(readFailure(spec, e));
      continue;
    }
    const range = checkRange(spec.label, read);
    const layer = withoutPersonalFields(range.layer, spec.role);
    for (const w of layer.warnings) if (isProblem(w)) log(`warning: ${warningLine(spec.label, layer.fileName, w)}`);
    if (range.line) log(`warning: ${range.line}`);
    if (range.refusal) refusals.push(range.refusal);
    else if (layer.featureCount === 0) {
      const empty = emptyLine(spec);
      if (empty.line) log(`warning: ${empty.line}`);
      if (empty.refusal) refusals.push(empty.refusal);
    } else placed.push({ label: spec.label, role: spec.role, layer });
    layers.push(layer);
  }
  const placement = checkPlacement(placed, maxSnapM);
  for (const l of placement.lines) log(`warning: ${l}`);
  refusals.push(...placement.refusals);
  if (failures.length || refusals.length) {
    const code = failures.some((f) => f.exitCode === EXIT.failed) ? EXIT.failed : EXIT.inputRefused;
    throw new CliError(code, [...failures.flatMap((f) => f.lines), ...refusals]);
  }
  return layers;
}

/** The inputs of an analyze run, each with the flag the user wrote for it. */
export function analyzeInputSpecs(args: {
  streets: string; residences: string;
  facilities: readonly { category?: string; file: string }[];
  units: readonly { level: string; file: string }[];
  crossings?: string;
}): InputSpec[] {
  return [
    { label: `--streets ${args.streets}`, file: args.streets, role: 'streets' },
    { label: `--residences ${args.residences}`, file: args.residences, role: 'homes' },
    ...args.facilities.map((f) => ({ label: `--facility ${f.category ? `${f.category}=` : ''}${f.file}`, file: f.file, role: 'facilities', category: f.category })),
    ...args.units.map((u) => ({ label: `--units ${u.level}=${u.file}`, file: u.file, role: u.level })),
    ...(args.crossings ? [{ label: `--crossings ${args.crossings}`, file: args.crossings, role: 'crossings' }] : []),
  ];
}
