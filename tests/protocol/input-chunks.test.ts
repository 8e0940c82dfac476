/**
 * Inputs sent in chunks arrive equal to the inputs (a property over random layer sizes and chunk sizes),
 * no chunk exceeds its size, and through a real MessageChannel + Comlink an analysis over chunked inputs
 * equals one over inputs set in one message.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expose, transfer, wrap } from 'comlink';
import type { Feature, FeatureCollection } from 'geojson';
import { createAnalysisService, type AnalysisInputs } from '../../src/core/analysis';
import { createChunkAssembler, sendInputsInChunks, splitInputs, type ChunkedInputsApi } from '../../src/protocol/input-chunks';
import { transferringApi, type AnalysisApi } from '../../src/protocol/analysis-api';

const point = (i: number): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [i * 1e-4, 0] }, properties: { id: `f${i}` } });
const coll = (n: number, from = 0): FeatureCollection => ({ type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => point(from + i)) });

function inputs(streets: number, homes: number, fac: readonly number[], city: number): AnalysisInputs {
  return {
    streets: coll(streets),
    homes: coll(homes, 10_000),
    homeFieldMapping: { children: { '4-6': 'kids' } },
    facilities: fac.map((n, i) => ({ fc: coll(n, 20_000 + i * 1000), category: `c${i}` })),
    units: { city: coll(city, 90_000) },
  };
}

describe('splitInputs / createChunkAssembler', () => {
  it('round-trips any inputs, with every chunk within its size', () => {
    fc.assert(fc.property(
      fc.nat(40), fc.nat(40), fc.array(fc.nat(12), { maxLength: 4 }), fc.nat(3), fc.integer({ min: 1, max: 9 }),
      (s, h, fac, city, size) => {
        const input = inputs(s, h, fac, city);
        const { skeleton, chunks } = splitInputs(input, size);
        expect(chunks.every((c) => c.features.length >= 1 && c.features.length <= size)).toBe(true);
        // The skeleton carries no features at all: they travel only in chunks.
        expect(JSON.stringify(skeleton)).not.toContain('"Feature"');
        const total = s + h + fac.reduce((a, b) => a + b, 0) + city;
        expect(chunks.reduce((a, c) => a + c.features.length, 0)).toBe(total);
        const asm = createChunkAssembler();
        for (const c of chunks) asm.add('d', c);
        expect(asm.assemble('d', skeleton)).toEqual(input);
      },
    ));
  });

  it('keeps datasets apart and refuses a chunk for a collection the skeleton lacks', () => {
    const a = splitInputs(inputs(3, 2, [1], 0), 2);
    const b = splitInputs(inputs(1, 5, [], 1), 2);
    const asm = createChunkAssembler();
    for (const c of a.chunks) asm.add('a', c);
    for (const c of b.chunks) asm.add('b', c);
    expect(asm.assemble('b', b.skeleton)).toEqual(inputs(1, 5, [], 1));
    expect(asm.assemble('a', a.skeleton)).toEqual(inputs(3, 2, [1], 0));
    asm.add('x', { path: ['nowhere'], features: [point(1)] });
    expect(() => asm.assemble('x', a.skeleton)).toThrow(/nowhere/);
  });
});

describe('chunked inputs over MessageChannel + Comlink', () => {
  it('an analysis over chunked inputs equals one over inputs sent whole', async () => {
    // A street line along y=0 with homes and a kindergarten on it.
    const streets: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: [[0, 0], [0.01, 0]] } }] };
    const homes: FeatureCollection = { type: 'FeatureCollection', features: Array.from({ length: 23 }, (_, i) => ({ type: 'Feature' as const, properties: { id: `h${i}`, children_4_6: 1 }, geometry: { type: 'Point' as const, coordinates: [i * 4e-4, 1e-4] } })) };
    const input: AnalysisInputs = { streets, homes, facilities: [{ fc: { type: 'FeatureCollection', features: [point(0)] }, category: 'kindergarten' }] };
    const { port1, port2 } = new MessageChannel();
    expose(transferringApi(createAnalysisService(), transfer), port1 as unknown as Parameters<typeof expose>[1]);
    const remote = wrap<AnalysisApi & ChunkedInputsApi>(port2 as unknown as Parameters<typeof wrap>[0]);
    try {
      const request = { categories: ['kindergarten'], thresholds: [{ m: 300 }] };
      await sendInputsInChunks(remote, 'chunked', input, 4);
      await remote.setInputs('whole', input);
      const a = await remote.run('j1', 'chunked', request);
      const b = await remote.run('j2', 'whole', request);
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect(a.value.homeCount).toBe(23);
      expect([...a.value.categories[0].walkingM]).toEqual([...b.value.categories[0].walkingM]);
      expect(await remote.homeIds('chunked')).toEqual(homes.features.map((f) => f.properties!.id));
    } finally {
      port1.close();
      port2.close();
    }
  });
});
