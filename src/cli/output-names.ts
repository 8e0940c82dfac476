/**
 * File names made from data values (a facility category names its isochrone file) stay inside `--out`:
 * anything but letters, digits, `_` and `-` becomes `_`, so `x/../../PWNED` or `park/garden` can neither
 * climb out of the folder nor name a folder that does not exist; names that collide after that get a number.
 */
import { basename, join, resolve, sep } from 'node:path';

export function safeFileStem(value: string): string {
  const s = value.normalize('NFKC').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[_-]+|_+$/g, '').slice(0, 80);
  return s || 'unnamed';
}

/** One safe file name per value, unique within the run: `isochrones_park_garden.geojson`, `…_2.geojson`. */
export function outputNamer(dir: string, prefix: string, ext: string): (value: string) => string {
  const used = new Set<string>();
  const root = resolve(dir);
  return (value) => {
    const stem = safeFileStem(value);
    let name = `${prefix}${stem}${ext}`;
    for (let k = 2; used.has(name); k++) name = `${prefix}${stem}_${k}${ext}`;
    used.add(name);
    const path = join(root, name);
    // The name has no separators left; this is the guard that says so.
    if (!resolve(path).startsWith(root + sep) || basename(path) !== name) throw new Error(`output name escapes ${dir}: ${value}`);
    return path;
  };
}
