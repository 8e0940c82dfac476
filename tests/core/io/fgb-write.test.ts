/**
 * The FlatGeobuf writer against two independent readers: flatgeobuf's own (whole file, and its index search
 * for a box) and a brute-force box test over the input; plus our loader's bbox read. (GDAL's ogrinfo
 * reads the Shenzhen-scale files too: see data/README or tests/bench/RESULTS.md.) Seeded random layers of sizes around the node size (1, 16, 17, 257) and larger.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { describe, expect, it } from 'vitest';
import { FGB_NODE_SIZE, writeFlatGeobuf } from '../../../src/core/io/fgb-write';
import { readLayer } from '../../../src/core/io/read-layer';
import { mulberry32 } from '../../fixtures/seeded-random';

type Box = [number, number, number, number];

function randomLayer(n: number, seed: number): FeatureCollection {
  const r = mulberry32(seed);
  const features: Feature[] = [];
  for (let i = 0; i < n; i++) {
    const x = 114 + r() * 0.2;
    const y = 22.5 + r() * 0.1;
    const geometry: Geometry = i % 3 === 0
      ? { type: 'Point', coordinates: [x, y] }
      : { type: 'LineString', coordinates: [[x, y], [x + r() * 0.01, y + r() * 0.01], [x + r() * 0.02, y - r() * 0.005]] };
    // Mixed attribute sets: a column only some features have, and one whose type varies.
    const properties: Record<string, unknown> = { id: `f${i}`, n: i, ok: i % 2 === 0 };
    if (i % 5 === 0) properties.note = `note ${i}`;
    properties.mixed = i % 7 === 0 ? 'seven' : i;
    features.push({ type: 'Feature', geometry, properties });
  }
  return { type: 'FeatureCollection', features };
}

function boxOf(g: Geometry): Box {
  const pts = g.type === 'Point' ? [g.coordinates] : (g as { coordinates: number[][] }).coordinates;
  return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
}
const meets = (a: Box, b: Box) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

async function readAll(bytes: Uint8Array, rect?: { minX: number; minY: number; maxX: number; maxY: number }): Promise<Feature[]> {
  const out: Feature[] = [];
  for await (const f of deserialize(bytes, rect ? { rect } as never : undefined as never)) out.push(f as Feature);
  return out;
}

describe('writeFlatGeobuf', () => {
  for (const n of [1, FGB_NODE_SIZE, FGB_NODE_SIZE + 1, 257, 5000]) {
    it(`${n} features: every feature and attribute comes back, and box queries through the index equal a brute-force scan`, async () => {
      const fc = randomLayer(n, 1000 + n);
      const bytes = writeFlatGeobuf(fc);
      const back = await readAll(bytes);
      expect(back).toHaveLength(n);
      const byId = new Map(back.map((f) => [f.properties!.id as string, f]));
      for (const f of fc.features) {
        const g = byId.get(f.properties!.id as string)!;
        expect(g.geometry).toEqual(f.geometry);
        expect(g.properties!.n).toBe(f.properties!.n);
        expect(g.properties!.ok).toBe(f.properties!.ok);
        expect(g.properties!.note ?? null).toBe(f.properties!.note ?? null);
        // A column with two types is written as text.
        expect(g.properties!.mixed).toBe(String(f.properties!.mixed));
      }
      const r = mulberry32(n);
      for (let q = 0; q < 12; q++) {
        const x = 114 + r() * 0.2;
        const y = 22.5 + r() * 0.1;
        const box: Box = [x, y, x + r() * 0.05, y + r() * 0.03];
        const want = fc.features.filter((f) => meets(boxOf(f.geometry!), box)).map((f) => f.properties!.id).sort();
        const got = (await readAll(bytes, { minX: box[0], minY: box[1], maxX: box[2], maxY: box[3] })).map((f) => f.properties!.id).sort();
        expect(got).toEqual(want);
      }
    });
  }

  it('our loader reads only the features in a view through the index, without the no-index warning', async () => {
    const fc = randomLayer(3000, 7);
    const box: Box = [114.05, 22.52, 114.1, 22.56];
    const result = await readLayer({ fileName: 'w.fgb', bytes: writeFlatGeobuf(fc) }, { bbox: box });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const layer = result.value[0];
    const want = fc.features.filter((f) => meets(boxOf(f.geometry!), box)).map((f) => f.properties!.id).sort();
    expect(layer.data.features.map((f) => f.properties!.id).sort()).toEqual(want);
    expect(layer.warnings.some((w) => w.code === 'warning.io.no-index-for-bbox')).toBe(false);
  });

  it('without an index the features keep their order and no tree is written', async () => {
    const fc = randomLayer(40, 3);
    const plain = writeFlatGeobuf(fc, { index: false });
    expect((await readAll(plain)).map((f) => f.properties!.id)).toEqual(fc.features.map((f) => f.properties!.id));
    const header = async (bytes: Uint8Array) => {
      let meta: { indexNodeSize: number; envelope: Float64Array | null; featuresCount: number } | undefined;
      for await (const _ of deserialize(bytes, { headerMetaFn: (m: never) => (meta = m) } as never)) { /* read through */ }
      return meta!;
    };
    const flat = await header(plain);
    const tree = await header(writeFlatGeobuf(fc));
    expect(flat.indexNodeSize).toBe(0);
    expect(tree.indexNodeSize).toBe(FGB_NODE_SIZE);
    expect(tree.featuresCount).toBe(40);
    const boxes = fc.features.map((f) => boxOf(f.geometry!));
    expect(Array.from(tree.envelope!)).toEqual([
      Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
    ]);
  });
});
