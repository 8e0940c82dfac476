/** Shared helpers of the access benchmarks: the 1M-person demo city, medians, memory. */
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { FeatureCollection } from 'geojson';
import { readLayerFile } from '../../src/cli/read-layer-file';

export const CITY_1M = process.env.CFC_DEMO_1M ?? '/tmp/demo-1m';

/** Generates the 1M-person city once (scripts/generate-demo.ts) when it is not there. */
export function ensureCity(): string {
  if (!existsSync(path.join(CITY_1M, 'homes.fgb'))) {
    const r = spawnSync('npm', ['run', '-s', 'generate-demo', '--', '--people', '1000000', '--out', CITY_1M], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('generate-demo failed');
  }
  return CITY_1M;
}

export const SHENZHEN_DIR = process.env.CFC_SHENZHEN ?? '/tmp/shenzhen';

/** Generates the Shenzhen-scale city once (`--profile shenzhen`, 17.7 M people) when it is not there. */
export function ensureShenzhen(): string {
  if (!existsSync(path.join(SHENZHEN_DIR, 'homes.fgb'))) {
    const r = spawnSync('npm', ['run', '-s', 'generate-demo', '--', '--profile', 'shenzhen', '--out', SHENZHEN_DIR], {
      stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=16000' },
    });
    if (r.status !== 0) throw new Error('generate-demo --profile shenzhen failed');
  }
  return SHENZHEN_DIR;
}

export async function loadCity(dir: string) {
  const read = (f: string): Promise<FeatureCollection> => readLayerFile(path.join(dir, f));
  const files = readdirSync(dir);
  const levels = ['city', 'district', 'street', 'community'] as const;
  return {
    streets: await read('streets.fgb'),
    homes: await read('homes.fgb'),
    facilities: await read('facilities.fgb'),
    units: Object.fromEntries(await Promise.all(levels.filter((l) => files.includes(`units_${l}.fgb`)).map(async (l) => [l, await read(`units_${l}.fgb`)]))) as Partial<Record<(typeof levels)[number], FeatureCollection>>,
  };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

v8.setFlagsFromString('--expose-gc');
const gcFn = vm.runInNewContext('gc') as () => void;
export const gc = (): void => gcFn();

/** V8 heap in use + ArrayBuffer memory outside it, in MB. */
export function liveMB(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}

export const fmt = (x: number, digits = 0): string => x.toFixed(digits);
