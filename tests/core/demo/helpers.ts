/** Reads the committed demo with flatgeobuf's own deserializer: the checks never reuse the generator's objects. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Feature } from 'geojson';
import { geojson } from 'flatgeobuf';

export const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../data/demo');

export async function readDemoLayer(file: string): Promise<Feature[]> {
  const out: Feature[] = [];
  for await (const f of geojson.deserialize(new Uint8Array(readFileSync(join(DEMO_DIR, file))))) out.push(f as Feature);
  return out;
}

export interface Manifest {
  synthetic: boolean;
  seed: number;
  people: number;
  bbox: number[];
  center: number[];
  layers: { file: string; role: string; featureCount: number }[];
}

export const readManifest = (): Manifest => JSON.parse(readFileSync(join(DEMO_DIR, 'manifest.json'), 'utf8')) as Manifest;

const R = 6_371_008.8;
/** Metres in a local equirectangular frame around lat0: fine for the ≤ few-km distances checked here. */
export function toLocal(lat0: number): (p: number[]) => [number, number] {
  const k = Math.cos((lat0 * Math.PI) / 180);
  return (p) => [((p[0] * Math.PI) / 180) * R * k, ((p[1] * Math.PI) / 180) * R];
}

export function pointSegDist(p: number[], a: number[], b: number[]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}
