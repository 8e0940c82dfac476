import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeFgb, generateDemoCity } from '../../../src/core/demo';
import { DEMO_DIR, readManifest } from './helpers';

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, k) => v === b[k]);

describe('demo generator determinism', () => {
  const manifest = readManifest();
  const fresh = generateDemoCity({ seed: manifest.seed, people: manifest.people });

  it('gives byte-identical FlatGeobuf for the same seed', () => {
    const again = generateDemoCity({ seed: manifest.seed, people: manifest.people });
    for (const k of [4, 7]) expect(equalBytes(encodeFgb(fresh.layers[k].data), encodeFgb(again.layers[k].data))).toBe(true);
  });

  it('gives different output for a different seed', () => {
    const other = generateDemoCity({ seed: manifest.seed + 1, people: manifest.people });
    expect(equalBytes(encodeFgb(fresh.layers[7].data), encodeFgb(other.layers[7].data))).toBe(false);
    expect(equalBytes(encodeFgb(fresh.layers[3].data), encodeFgb(other.layers[3].data))).toBe(false);
  });

  it('matches the committed data/demo files (regenerate with npm run generate-demo)', () => {
    for (const layer of fresh.layers) {
      const committed = new Uint8Array(readFileSync(join(DEMO_DIR, layer.file)));
      expect(equalBytes(encodeFgb(layer.data), committed), layer.file).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(DEMO_DIR, 'manifest.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(fresh.manifest)));
  });

  it('scales to 1,000,000 people with about 200k homes and 300k street segments', () => {
    const big = generateDemoCity({ seed: 7, people: 1_000_000 });
    expect(big.stats.homes).toBeGreaterThan(170_000);
    expect(big.stats.homes).toBeLessThan(240_000);
    expect(big.stats.segments).toBeGreaterThan(250_000);
    expect(big.stats.segments).toBeLessThan(360_000);
    expect(Math.abs(big.stats.population - 1_000_000)).toBeLessThan(10_000);
  });
});
