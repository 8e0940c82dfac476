/** --demo: the embedded synthetic city (data/demo/manifest.json names each file's role). */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUnitLevel, type UnitLevel } from '../core/model';

export const DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/demo');

export interface DemoLayers {
  readonly streets: string;
  readonly residences: string;
  readonly facilities: string;
  readonly crossings?: string;
  readonly units: readonly { level: UnitLevel; file: string }[];
}

export function demoLayers(dir: string = DEMO_DIR): DemoLayers {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { layers: { file: string; role: string }[] };
  const byRole = (role: string): string => {
    const l = manifest.layers.find((x) => x.role === role);
    if (!l) throw new Error(`demo manifest has no ${role} layer`);
    return join(dir, l.file);
  };
  return {
    streets: byRole('streets'),
    residences: byRole('homes'),
    facilities: byRole('facilities'),
    crossings: manifest.layers.some((l) => l.role === 'crossings') ? byRole('crossings') : undefined,
    units: manifest.layers.flatMap((l) => (isUnitLevel(l.role) ? [{ level: l.role, file: join(dir, l.file) }] : [])),
  };
}
