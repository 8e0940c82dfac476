/**
 * FlatGeobuf writer: every attribute a column (flatgeobuf's own serialize takes the columns of the first
 * feature only), the extent in the header, EPSG:4326, and optionally the packed Hilbert R-tree that lets a
 * reader fetch only the features in a view (`loadViewOnly`, GDAL, QGIS). The tree is Flatbush's: the same
 * Hilbert packing as FlatGeobuf's, stored leaves-first where FlatGeobuf stores it root-first, so the levels
 * are written in reverse and child pointers renumbered. Features are written in the tree's leaf order.
 */
import * as flatbuffers from 'flatbuffers';
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { inferGeometryType } from 'flatgeobuf/lib/mjs/generic/header.js';
import { parseGC, parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';

/** FlatGeobuf's default and GDAL's: 16 children a node. */
export const FGB_NODE_SIZE = 16;
const NODE_BYTES = 40;

export interface FgbWriteOptions {
  /** Write the spatial index (default true). */
  readonly index?: boolean;
  /** Layer name in the header. */
  readonly name?: string;
}

type Columns = NonNullable<HeaderMeta['columns']>;

/** Column types from every feature: a key with two types is a string column; nulls say nothing. */
function columnsOf(features: readonly Feature[]): Columns {
  const types = new Map<string, ColumnType>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (v === null || v === undefined) continue;
      const t = typeof v === 'number' ? ColumnType.Double : typeof v === 'boolean' ? ColumnType.Bool : ColumnType.String;
      const prev = types.get(k);
      types.set(k, prev === undefined || prev === t ? t : ColumnType.String);
    }
  }
  return [...types].map(([name, type]) => ({ name, type, title: null, description: null, width: -1, precision: -1, scale: -1, nullable: true, unique: false, primary_key: false }));
}

function headerBytes(meta: HeaderMeta, envelope: readonly number[] | null, name: string): Uint8Array {
  const b = new flatbuffers.Builder(1024);
  const cols = Header.createColumnsVector(b, (meta.columns ?? []).map((c) => {
    const n = b.createString(c.name);
    Column.startColumn(b);
    Column.addName(b, n);
    Column.addType(b, c.type);
    return Column.endColumn(b);
  }));
  const nameOff = b.createString(name);
  const env = envelope ? Header.createEnvelopeVector(b, [...envelope]) : 0;
  Crs.startCrs(b);
  Crs.addCode(b, 4326);
  const crs = Crs.endCrs(b);
  Header.startHeader(b);
  Header.addName(b, nameOff);
  if (env) Header.addEnvelope(b, env);
  Header.addGeometryType(b, meta.geometryType);
  Header.addColumns(b, cols);
  Header.addFeaturesCount(b, BigInt(meta.featuresCount));
  // Written even when it is the default 16: readers must not guess.
  b.forceDefaults(true);
  Header.addIndexNodeSize(b, meta.indexNodeSize);
  b.forceDefaults(false);
  Header.addCrs(b, crs);
  b.finishSizePrefixed(Header.endHeader(b));
  return b.asUint8Array();
}

/** The box of every coordinate of a geometry: [minX, minY, maxX, maxY]. */
function boxOf(g: Geometry | null, out: Float64Array, at: number): void {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    } else for (const d of c as unknown[]) visit(d);
  };
  if (g?.type === 'GeometryCollection') for (const part of g.geometries) boxOf(part, out, at);
  else if (g) visit(g.coordinates);
  if (g?.type === 'GeometryCollection') return;
  out[at] = Math.min(out[at], x0);
  out[at + 1] = Math.min(out[at + 1], y0);
  out[at + 2] = Math.max(out[at + 2], x1);
  out[at + 3] = Math.max(out[at + 3], y1);
}

/** The packed Hilbert R-tree of the boxes: leaf order (feature index per leaf) and FlatGeobuf node boxes. */
function packedTree(boxes: Float64Array, n: number): { order: Uint32Array; nodes: Float64Array; children: Float64Array; levels: [number, number][] } {
  const fb = new Flatbush(n, FGB_NODE_SIZE);
  for (let i = 0; i < n; i++) fb.add(boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]);
  fb.finish();
  // Flatbush.data: 8-byte header, numNodes × 4 float64 boxes, numNodes indices (uint16 below 16384 nodes).
  const counts = [n];
  for (let c = n; c !== 1 || counts.length === 1;) counts.push((c = Math.ceil(c / FGB_NODE_SIZE)));
  const numNodes = counts.reduce((a, b) => a + b, 0);
  const data = fb.data as ArrayBuffer;
  const fbBoxes = new Float64Array(data, 8, numNodes * 4);
  const Idx = numNodes < 16384 ? Uint16Array : Uint32Array;
  const fbIdx = new Idx(data, 8 + numNodes * 32, numNodes);
  // Flatbush level k starts at fbStart[k] (leaves first); FlatGeobuf puts the root first.
  const fbStart: number[] = [];
  for (let k = 0, s = 0; k < counts.length; s += counts[k++]) fbStart.push(s);
  const fgStart: number[] = [];
  for (let k = counts.length - 1, s = 0; k >= 0; s += counts[k--]) fgStart[k] = s;
  const nodes = new Float64Array(numNodes * 4);
  const children = new Float64Array(numNodes);
  for (let k = 0; k < counts.length; k++) {
    for (let i = 0; i < counts[k]; i++) {
      const from = fbStart[k] + i;
      const to = fgStart[k] + i;
      nodes.set(fbBoxes.subarray(4 * from, 4 * from + 4), 4 * to);
      if (k > 0) children[to] = fgStart[k - 1] + (fbIdx[from] / 4 - fbStart[k - 1]);
    }
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = fbIdx[i];
  return { order, nodes, children, levels: counts.map((c, k) => [fgStart[k], fgStart[k] + c]) };
}

export function writeFlatGeobuf(fc: FeatureCollection, options: FgbWriteOptions = {}): Uint8Array {
  const features = fc.features as Feature<Geometry>[];
  const n = features.length;
  const indexed = (options.index ?? true) && n > 0;
  const columns = columnsOf(features);
  const meta: HeaderMeta = {
    geometryType: inferGeometryType(features as never),
    columns,
    envelope: null,
    featuresCount: n,
    indexNodeSize: indexed ? FGB_NODE_SIZE : 0,
    crs: null,
    title: null,
    description: null,
    metadata: null,
  };
  const boxes = new Float64Array(4 * n);
  for (let i = 0; i < n; i++) {
    boxes.set([Infinity, Infinity, -Infinity, -Infinity], 4 * i);
    boxOf(features[i].geometry, boxes, 4 * i);
    // A feature without coordinates sits at an empty box at 0,0 (FlatGeobuf has no "no box").
    if (!(boxes[4 * i] <= boxes[4 * i + 2])) boxes.set([0, 0, 0, 0], 4 * i);
  }
  const tree = indexed ? packedTree(boxes, n) : null;
  const order = tree?.order ?? Uint32Array.from({ length: n }, (_, i) => i);
  const parts: Uint8Array[] = [];
  const offsets = new Float64Array(n);
  let featureBytes = 0;
  for (let k = 0; k < n; k++) {
    const f = features[order[k]];
    const props: Record<string, unknown> = {};
    for (const c of columns) {
      const v = f.properties?.[c.name];
      props[c.name] = v === undefined || v === null ? null : c.type === ColumnType.String && typeof v !== 'string' ? String(v) : v;
    }
    const g = f.geometry.type === 'GeometryCollection' ? parseGC(f.geometry as never) : parseGeometry(f.geometry as never);
    const bytes = buildFeature(g, props as never, meta);
    offsets[k] = featureBytes;
    featureBytes += bytes.length;
    parts.push(bytes);
  }
  const envelope = tree ? Array.from(tree.nodes.subarray(0, 4)) : null;
  const header = headerBytes(meta, envelope, options.name ?? 'layer');
  const indexBytes = tree ? tree.children.length * NODE_BYTES : 0;
  const out = new Uint8Array(magicbytes.length + header.length + indexBytes + featureBytes);
  out.set(magicbytes);
  out.set(header, magicbytes.length);
  let at = magicbytes.length + header.length;
  if (tree) {
    const dv = new DataView(out.buffer, at, indexBytes);
    const leaves = tree.levels[0];
    for (let i = 0; i < tree.children.length; i++) {
      for (let c = 0; c < 4; c++) dv.setFloat64(i * NODE_BYTES + 8 * c, tree.nodes[4 * i + c], true);
      const leaf = i >= leaves[0];
      dv.setBigUint64(i * NODE_BYTES + 32, BigInt(leaf ? offsets[i - leaves[0]] : tree.children[i]), true);
    }
    at += indexBytes;
  }
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
