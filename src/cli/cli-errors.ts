/**
 * How the commands end: documented exit codes and one clear line per problem (file, flag, what is wrong,
 * the fix). A stack trace only with --debug: without it no user ever sees `LayerReadError: error.io…`.
 */
import { ArgsError } from './analyze-args';

/** The exit codes both commands document in their --help. */
export const EXIT = {
  ok: 0,
  /** a file could not be read from disk, or an unexpected error */
  failed: 1,
  /** bad arguments (also a bad --rules file) */
  usage: 2,
  /** an input file was read but cannot be analysed: projected, swapped axes, nothing usable in it */
  inputRefused: 3,
  /** --out is a folder this tool did not write (use --force), or not a folder */
  outRefused: 4,
} as const;

/** A refusal the user can fix: its lines are printed as they are, without a stack (unless --debug). */
export class CliError extends Error {
  readonly lines: readonly string[];
  constructor(readonly exitCode: number, lines: string | readonly string[]) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.name = 'CliError';
    this.lines = all;
  }
}

const ERRNO_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file; check the path',
  EISDIR: 'it is a folder, not a file; name the file inside it',
  EACCES: 'permission denied; check that you may read it',
  EPERM: 'permission denied; check that you may read it',
};

/** A file that cannot be read from disk, named with the flag that gave it. */
export function unreadable(label: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const why = ERRNO_WORDS[code] ?? `it cannot be read (${(e as Error)?.message ?? String(e)})`;
  return new CliError(EXIT.failed, `${label}: ${why}.`);
}

/** The lines to print for an error that ended a command, and its exit code. */
export function describeFailure(command: string, e: unknown, debug: boolean): { lines: string[]; exitCode: number } {
  const stack = debug && e instanceof Error && e.stack ? [e.stack] : [];
  if (e instanceof ArgsError) {
    return { lines: [`${command}: ${e.message}`, `Run \`npm run ${command} -- --help\` for every option.`, ...stack], exitCode: EXIT.usage };
  }
  if (e instanceof CliError) return { lines: [...e.lines.map((l) => `${command}: ${l}`), ...stack], exitCode: e.exitCode };
  const message = e instanceof Error ? e.message : String(e);
  const hint = debug ? [] : ['Run again with --debug to see where it happened, and report it.'];
  return { lines: [`${command}: unexpected error: ${message.split('\n')[0]}`, ...hint, ...stack], exitCode: EXIT.failed };
}
