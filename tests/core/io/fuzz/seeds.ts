/**
 * The fuzzer's seeds: one or more small valid files of every format readLayer reads, and for the formats
 * that wrap another (.osm.gz, zipped Shapefile, .osm.pbf blocks) a way to mutate what is inside and wrap it
 * again, so mutations reach the inner parser instead of stopping at a checksum.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { unzipSync, zipSync } from 'fflate';
import { geojson as fgb } from 'flatgeobuf';
import type { FeatureCollection } from 'geojson';
import { writeFlatGeobuf } from '../../../../src/core/io/fgb-write';
import { concat, fileBlock } from '../hostile/bomb-builders';
import { int, pick, type Rng } from './mutate';
import { osmPbf, primitiveBlock, recordOsmXml } from './pbf-encode';

export type Wrapper = 'gzip' | 'zip' | 'pbf';

export interface Seed {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Set when the bytes wrap another format that mutations should reach. */
  readonly wrapper?: Wrapper;
  /** A box some cases read through (FlatGeobuf: through the index when it has one). */
  readonly bbox?: readonly [number, number, number, number];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures');
const fixture = (p: string) => new Uint8Array(readFileSync(path.join(root, p)));

/** Small polygons and points around Monaco with a few attribute types, for the FlatGeobuf seeds. */
function fgbLayer(): FeatureCollection {
  const square = (x: number, y: number, d: number) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: 'a', n: 1, ok: true }, geometry: { type: 'Polygon', coordinates: square(7.41, 43.72, 0.005) } },
      { type: 'Feature', properties: { name: 'b', n: 2, ok: false }, geometry: { type: 'Polygon', coordinates: square(7.42, 43.73, 0.004) } },
      { type: 'Feature', properties: { name: 'c', n: 3, ok: true }, geometry: { type: 'Point', coordinates: [7.425, 43.735] } },
      { type: 'Feature', properties: { name: 'd', n: 4, ok: true }, geometry: { type: 'LineString', coordinates: [[7.41, 43.72], [7.43, 43.74], [7.44, 43.73]] } },
    ],
  };
}

export function loadSeeds(): Seed[] {
  const tinyOsm = fixture('osm/tiny.osm');
  const layer = fgbLayer();
  const polygons: FeatureCollection = { ...layer, features: layer.features.filter((f) => f.geometry.type === 'Polygon') };
  return [
    { name: 'points.geojson', bytes: fixture('io/points.geojson') },
    { name: 'invalid-geometries.geojson', bytes: fixture('io/invalid-geometries.geojson') },
    { name: 'hostile.geojson', bytes: fixture('io/hostile.geojson') },
    { name: 'crs-3857.geojson', bytes: fixture('io/crs-3857.geojson') },
    { name: 'points.csv', bytes: fixture('io/points.csv') },
    { name: 'wkt.csv', bytes: fixture('io/wkt.csv') },
    { name: 'chinese.csv', bytes: fixture('io/chinese.csv') },
    { name: 'plain.fgb', bytes: fgb.serialize(polygons) },
    { name: 'indexed.fgb', bytes: writeFlatGeobuf(layer, { index: true }), bbox: [7.415, 43.725, 7.43, 43.74] },
    { name: 'schools-wgs84.zip', bytes: fixture('io/schools-wgs84.zip'), wrapper: 'zip' },
    { name: 'community-4547.zip', bytes: fixture('io/community-4547.zip'), wrapper: 'zip' },
    { name: 'city.gpkg', bytes: fixture('io/city.gpkg') },
    { name: 'tiny.osm', bytes: tinyOsm },
    { name: 'tiny.osm.gz', bytes: new Uint8Array(gzipSync(tinyOsm)), wrapper: 'gzip' },
    { name: 'tiny.osm.pbf', bytes: osmPbf(primitiveBlock(recordOsmXml(tinyOsm))), wrapper: 'pbf' },
  ];
}

/** Applies `change` to the wrapped content and wraps it again; undefined when the seed cannot be opened. */
export function mutateInside(seed: Seed, rng: Rng, change: (inner: Uint8Array) => Uint8Array): Uint8Array | undefined {
  try {
    if (seed.wrapper === 'gzip') return new Uint8Array(gzipSync(change(new Uint8Array(gunzipSync(seed.bytes)))));
    if (seed.wrapper === 'zip') {
      const files = unzipSync(seed.bytes);
      const name = pick(rng, Object.keys(files).sort());
      return zipSync({ ...files, [name]: change(files[name]) });
    }
    if (seed.wrapper === 'pbf') return mutatePbfBlock(seed.bytes, rng, change);
  } catch {
    return undefined;
  }
  return undefined;
}

/** A protobuf varint at `at`: [value, position after it]. */
function varint(b: Uint8Array, at: number): [number, number] {
  let v = 0;
  for (let shift = 0; at < b.length; at++, shift += 7) {
    v += (b[at] & 0x7f) * 2 ** shift;
    if (b[at] < 0x80) return [v, at + 1];
  }
  throw new RangeError('varint runs past the end');
}

/** The fields of a small protobuf message that only has varint (wire type 0) and bytes (wire type 2) fields. */
function fields(b: Uint8Array): Map<number, number | Uint8Array> {
  const out = new Map<number, number | Uint8Array>();
  for (let at = 0; at < b.length; ) {
    const [key, next] = varint(b, at);
    const [v, after] = varint(b, next);
    if ((key & 7) === 0) {
      out.set(key >> 3, v);
      at = after;
    } else {
      out.set(key >> 3, b.subarray(after, after + v));
      at = after + v;
    }
  }
  return out;
}

/** Splits a .osm.pbf into its fileblocks, changes one block's inflated content and writes it back compressed. */
function mutatePbfBlock(bytes: Uint8Array, rng: Rng, change: (inner: Uint8Array) => Uint8Array): Uint8Array {
  const blocks: { type: string; start: number; end: number; zlib: Uint8Array }[] = [];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let pos = 0; pos < bytes.length; ) {
    const headerLen = dv.getUint32(pos);
    const header = fields(bytes.subarray(pos + 4, pos + 4 + headerLen));
    const blobStart = pos + 4 + headerLen;
    const end = blobStart + (header.get(3) as number);
    const blob = fields(bytes.subarray(blobStart, end));
    blocks.push({ type: new TextDecoder().decode(header.get(1) as Uint8Array), start: pos, end, zlib: blob.get(3) as Uint8Array });
    pos = end;
  }
  const k = int(rng, blocks.length);
  const raw = change(new Uint8Array(inflateSync(blocks[k].zlib)));
  const rebuilt = fileBlock(blocks[k].type, { zlib: new Uint8Array(deflateSync(raw)), rawSize: raw.length });
  return concat(...blocks.map((b, j) => (j === k ? rebuilt : bytes.subarray(b.start, b.end))));
}
