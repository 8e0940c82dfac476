/**
 * `--out DIR` of both commands. A folder the tool writes carries a small marker file (`.cfc-planner-out`)
 * listing the files it wrote. A rerun removes exactly those files before writing the new ones, so a
 * reused --out never mixes two runs. A non-empty folder without the marker is someone else's: refused
 * (exit 4) unless --force, and even then only same-named files are replaced. Nothing outside DIR is ever
 * touched: names are plain file names, an existing file is unlinked (a symlink is removed, never
 * followed) and the new one created exclusively.
 */
import { lstat, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT } from './cli-errors';

export const MARKER = '.cfc-planner-out';
const MARKER_MAX_BYTES = 1 << 20;
/** A plain file name: no separator, no leading dot (so never `..` or the marker). */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

interface Marker {
  readonly tool: 'cfc-planner';
  readonly command: string;
  readonly files: readonly string[];
}

const lstatOrNull = async (path: string) => {
  try {
    return await lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
};

/** The marker's file list, or null when there is no valid marker. */
async function readMarker(dir: string): Promise<string[] | null> {
  const path = join(dir, MARKER);
  const st = await lstatOrNull(path);
  if (!st || !st.isFile() || st.size > MARKER_MAX_BYTES) return null;
  try {
    const m = JSON.parse(await readFile(path, 'utf8')) as Partial<Marker>;
    if (m.tool !== 'cfc-planner' || !Array.isArray(m.files)) return null;
    return m.files.filter((f): f is string => typeof f === 'string' && SAFE_NAME.test(f));
  } catch {
    return null;
  }
}

export class OutputFolder {
  private readonly written: string[] = [];

  private constructor(readonly dir: string, private readonly command: string, private readonly previous: readonly string[]) {}

  /**
   * Checks --out before any work: a new or empty folder, or one this tool wrote, is taken; anything else
   * is refused unless `force`.
   */
  static async open(dir: string, command: string, force: boolean): Promise<OutputFolder> {
    const label = `--out ${dir}`;
    const st = await lstatOrNull(dir);
    if (st && !st.isDirectory() && !(st.isSymbolicLink() && (await isDirectory(dir)))) {
      throw new CliError(EXIT.outRefused, `${label}: it is a file, not a folder. Choose a folder path.`);
    }
    // Created only when the first file is written: a refused run leaves nothing behind.
    if (!st) return new OutputFolder(dir, command, []);
    const previous = await readMarker(dir);
    if (previous) return new OutputFolder(dir, command, previous);
    const entries = await readdir(dir);
    if (entries.length === 0 || force) return new OutputFolder(dir, command, []);
    const some = entries.sort().slice(0, 3).join(', ');
    throw new CliError(EXIT.outRefused, `${label}: the folder is not empty (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}: `
      + `${some}${entries.length > 3 ? ', …' : ''}) and was not written by this tool. Choose a new or empty folder, or add --force to write into `
      + 'it anyway (files of the same name are replaced, nothing else is removed).');
  }

  /** Creates the folder if needed and removes the previous run's files (only those its marker lists; never a folder). */
  async clearPrevious(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const name of this.previous) await removeFile(join(this.dir, name));
    await this.saveMarker();
  }

  /** Writes one output file; `name` is a plain file name (output-names.ts makes those from data). */
  async write(name: string, data: string | Uint8Array): Promise<void> {
    if (!SAFE_NAME.test(name)) throw new Error(`not a plain output file name: ${name}`);
    if (!this.written.includes(name)) this.written.push(name);
    // Listed before it exists: a run cut short still has every file it made on the list.
    await this.saveMarker();
    const path = join(this.dir, name);
    await removeFile(path);
    await writeFile(path, data, { flag: 'wx' });
  }

  private async saveMarker(): Promise<void> {
    const marker: Marker = { tool: 'cfc-planner', command: this.command, files: this.written };
    const path = join(this.dir, MARKER);
    await removeFile(path);
    await writeFile(path, JSON.stringify(marker, null, 2) + '\n', { flag: 'wx' });
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await readdir(path)) !== undefined;
  } catch {
    return false;
  }
}

/** Unlinks a file or symlink at `path` (a symlink's target is left alone); a folder there is an error. */
async function removeFile(path: string): Promise<void> {
  const st = await lstatOrNull(path);
  if (!st) return;
  if (st.isDirectory()) throw new CliError(EXIT.outRefused, `--out: ${path} is a folder where an output file goes. Move it away or choose another --out.`);
  await unlink(path);
}
