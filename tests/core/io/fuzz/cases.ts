/**
 * One fuzz case from one number: which seed, which mutations, bytes or Blob, which options. Everything comes
 * from mulberry32(caseSeed), so a failure's seed alone rebuilds the exact file (`repro.ts`).
 */
import { mulberry32 } from '../../../fixtures/seeded-random';
import { MUTATIONS, int, mutate, pick, type MutationName, type Rng } from './mutate';
import { mutateInside, type Seed } from './seeds';

export interface FuzzCase {
  readonly caseSeed: number;
  readonly seedName: string;
  readonly fileName: string;
  /** What was done, e.g. "inside(number) flip truncate". */
  readonly steps: string;
  readonly bytes: Uint8Array;
  readonly asBlob: boolean;
  readonly bbox?: readonly [number, number, number, number];
}

/** The seed a case starts from: round-robin, so every format gets its share of any run of cases. */
export const seedIndex = (caseSeed: number, seeds: readonly Seed[]) => caseSeed % seeds.length;

export function makeCase(caseSeed: number, seeds: readonly Seed[]): FuzzCase {
  const rng = mulberry32(caseSeed);
  const seed = seeds[seedIndex(caseSeed, seeds)];
  const donors = seeds.map((s) => s.bytes);
  // JSON seeds: half the mutations replace a value of the parsed document, so most cases still parse.
  const json = seed.name.endsWith('.geojson');
  const one = (b: Uint8Array, r: Rng): [Uint8Array, MutationName] => {
    const name = json && r() < 0.5 ? 'json' : pick(r, MUTATIONS);
    return [mutate(name, b, r, donors), name];
  };
  let bytes = seed.bytes;
  const steps: string[] = [];
  // Wrapped formats: half the cases change the content and wrap it again, so the inner parser is reached.
  if (seed.wrapper && rng() < 0.5) {
    const names: MutationName[] = [];
    const inner = mutateInside(seed, rng, (b) => {
      let out = b;
      for (let i = 1 + int(rng, 2); i > 0; i--) {
        const [next, name] = one(out, rng);
        out = next;
        names.push(name);
      }
      return out;
    });
    if (inner) {
      bytes = inner;
      steps.push(`inside(${names.join(',')})`);
    }
  }
  // Then 0–3 mutations of the file's own bytes (at least one when nothing was changed inside).
  for (let i = steps.length ? int(rng, 2) : 1 + int(rng, 3); i > 0 && bytes.length > 0; i--) {
    const [next, name] = one(bytes, rng);
    bytes = next;
    steps.push(name);
  }
  const asBlob = rng() < 0.5;
  const bbox = seed.bbox && rng() < 0.4 ? seed.bbox : undefined;
  return { caseSeed, seedName: seed.name, fileName: seed.name, steps: steps.join(' '), bytes, asBlob, ...(bbox ? { bbox } : {}) };
}
