import fc from 'fast-check';
import { geojson as fgb } from 'flatgeobuf';
import { describe, expect, it } from 'vitest';
import { IO_ERRORS } from '../../../src/core/io/io-error';
import { readLayer } from '../../../src/core/io/read-layer';
import { fixtureBytes, hasShared, sharedBytes } from './helpers';

const KNOWN = new Set<string>([...Object.values(IO_ERRORS), 'cancelled']);

const seeds: { name: string; bytes: Uint8Array }[] = [
  ...['points.geojson', 'invalid-geometries.geojson', 'hostile.geojson', 'points.csv', 'wkt.csv', 'chinese.csv', 'schools-wgs84.zip', 'community-4547.zip', 'city.gpkg'].map((name) => ({ name, bytes: fixtureBytes(name) })),
  {
    name: 'made.fgb',
    bytes: fgb.serialize({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'a', n: 1 }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
        { type: 'Feature', properties: { name: 'b', n: 2 }, geometry: { type: 'Polygon', coordinates: [[[2, 2], [3, 2], [3, 3], [2, 2]]] } },
      ],
    }),
  },
  ...(hasShared ? [{ name: 'facilities.fgb', bytes: sharedBytes('monaco/facilities.fgb') }] : []),
];

type Op = { kind: 'flip'; at: number; bit: number } | { kind: 'cut'; at: number } | { kind: 'insert'; at: number; bytes: number[] } | { kind: 'set'; at: number; value: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.constantFrom(0, 0xff, 0x7f, 0x80, 0x22, 0x2c, 0x7b, 0x5d) }),
);

function mutate(src: Uint8Array, ops: Op[]): Uint8Array {
  let b = src.slice();
  for (const o of ops) {
    if (b.length === 0) break;
    const at = o.at % b.length;
    if (o.kind === 'flip') b[at] ^= 1 << o.bit;
    else if (o.kind === 'set') b[at] = o.value;
    else if (o.kind === 'cut') b = b.slice(0, at);
    else {
      const n = new Uint8Array(b.length + o.bytes.length);
      n.set(b.subarray(0, at));
      n.set(o.bytes, at);
      n.set(b.subarray(at), at + o.bytes.length);
      b = n;
    }
  }
  return b;
}

const finite = (c: unknown): boolean => (typeof c === 'number' ? Number.isFinite(c) : Array.isArray(c) && c.every(finite));

describe('fuzz: mutated bytes of every fixture format', () => {
  it('always answer ok or a known code, never throw, never hang', async () => {
    const codes = new Map<string, number>();
    const t0 = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(op, { minLength: 1, maxLength: 4 }), fc.boolean(), async (seedIdx, ops, asBlob) => {
        const seed = seeds[seedIdx];
        const bytes = mutate(seed.bytes, ops);
        const source = asBlob ? { fileName: seed.name, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) } : { fileName: seed.name, bytes };
        const options = seed.name.endsWith('.fgb') && ops.length % 2 === 0 ? { bbox: [0, 0, 10, 50] as const } : {};
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), 5000)));
        const t1 = performance.now();
        const r = await Promise.race([readLayer(source, options), timeout]);
        if (performance.now() - t1 > 1000) console.info('SLOW', Math.round(performance.now() - t1), seed.name, JSON.stringify(ops), asBlob, JSON.stringify(r === 'hang' ? r : r.ok ? r.value.map((l) => l.featureCount) : r.error));
        clearTimeout(timer);
        expect(r).not.toBe('hang');
        if (r === 'hang') return;
        const key = r.ok ? 'ok' : r.error.code;
        codes.set(key, (codes.get(key) ?? 0) + 1);
        if (!r.ok) {
          expect(KNOWN.has(r.error.code), `unknown code ${r.error.code}`).toBe(true);
          expect(r.error.code, JSON.stringify(r.error)).not.toBe('error.io.internal');
          return;
        }
        for (const layer of r.value) {
          expect(layer.featureCount).toBe(layer.data.features.length);
          for (const f of layer.data.features) expect(f.geometry && 'coordinates' in f.geometry ? finite(f.geometry.coordinates) : true).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 20260423, endOnFailure: true },
    );
    console.info(`fuzz: ${Math.round(performance.now() - t0)} ms; answers ${JSON.stringify(Object.fromEntries(codes))}`);
  });
});
