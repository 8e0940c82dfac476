/**
 * FlatGeobuf, streamed: the file is read in slices (a 500 MB .fgb never sits in memory whole), with
 * progress as bytes read / size, cancellation between features, an optional feature cap, and bbox
 * reads through the file's spatial index when it has one. The header's CRS is honoured.
 */
import * as flatbuffers from 'flatbuffers';
import { Feature as FgbFeature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import { fromFeature } from 'flatgeobuf/lib/mjs/geojson/feature.js';
import { fromByteBuffer, type HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { BBox, LoadedLayer } from '../model';
import type { ByteSource } from './byte-source';
import { fromWgs84, offsetHint, type CrsPlan, type XY } from './crs';
import { applyPlan, resolveDeclared } from './declared-crs';
import { searchIndex, treeSize } from './fgb-index';
import { BBoxAccumulator } from './geometry-kind';
import { fail, IO_ERRORS } from './io-error';
import { LayerBuilder } from './layer-builder';
import { chunkFor } from './progress';
import { DEFAULT_MAX_FEATURES } from './read-options';
import type { ReaderContext } from './reader-context';
import { mapFeature } from './reproject';
import { IO_WARNINGS } from './warnings';

const MAX_HEADER = 10 * 1024 * 1024;
const SLICE = 4 * 1024 * 1024;

/** A sliding window over the source: sequential reads cost one slice per 4 MB. */
class Window {
  private buf: Uint8Array = new Uint8Array(0);
  private start = 0;
  constructor(private readonly src: ByteSource) {}
  async get(offset: number, length: number): Promise<Uint8Array> {
    if (offset < this.start || offset + length > this.start + this.buf.byteLength) {
      this.buf = await this.src.read(offset, Math.max(length, SLICE));
      this.start = offset;
    }
    return this.buf.subarray(offset - this.start, offset - this.start + length);
  }
}

export async function readFlatGeobuf(src: ByteSource, ctx: ReaderContext): Promise<LoadedLayer[]> {
  const { fileName } = ctx;
  const truncated = () => fail(IO_ERRORS.truncated, { file: fileName, format: 'fgb' });
  const corrupt = (detail: string) => fail(IO_ERRORS.corrupt, { file: fileName, format: 'fgb', detail });
  if (src.size < 12) truncated();
  const win = new Window(src);
  const lenBytes = await win.get(8, 4);
  const headerLength = u32(lenBytes, 0);
  if (headerLength < 8 || headerLength > MAX_HEADER) corrupt('header size');
  if (12 + headerLength > src.size) truncated();
  let header: HeaderMeta;
  try {
    header = fromByteBuffer(new flatbuffers.ByteBuffer(copy(await win.get(8, 4 + headerLength))));
  } catch {
    return corrupt('header');
  }
  const indexBytes = header.indexNodeSize >= 2 ? treeSize(header.featuresCount, header.indexNodeSize) : 0;
  const featuresStart = 12 + headerLength + indexBytes;
  if (featuresStart > src.size) truncated();

  const builder = new LayerBuilder({ fileName, name: header.title?.trim() ? header.title.slice(0, 200) : fileName, referenceBbox: ctx.options.referenceBbox, bbox: ctx.options.bbox });
  const plan = crsPlan(header, fileName);
  const fn = applyPlan(plan, builder.tally);
  const hint = plan.kind === 'wgs84' ? offsetHint(`${fileName} ${header.title ?? ''} ${header.description ?? ''}`) : undefined;
  if (hint) builder.tally.note(hint === 'gcj02' ? IO_WARNINGS.declaredGcj02 : IO_WARNINGS.declaredBd09, { from: hint, fix: `convert-${hint}` });

  const rect = ctx.options.bbox;
  const cap = ctx.options.maxFeatures ?? DEFAULT_MAX_FEATURES;
  const total = header.featuresCount;
  // Without a count in the header, guess from the size (about 200 bytes per feature).
  const every = chunkFor(total > 0 ? total : src.size / 200);
  let read = 0;
  let lastOffset = featuresStart;
  const take = async (offset: number, id: number): Promise<number> => {
    if (offset + 4 > src.size) truncated();
    const len = u32(await win.get(offset, 4), 0);
    if (len === 0) corrupt('empty feature');
    if (offset + 4 + len > src.size) truncated();
    const f = decodeFeature(await win.get(offset, 4 + len), id, header);
    if (!f) corrupt('feature');
    const mapped = fn ? mapFeature(f!, fn) : f!;
    builder.add(mapped);
    read++;
    lastOffset = offset + 4 + len;
    await ctx.pacer.step(read, offset / src.size, every);
    return offset + 4 + len;
  };

  if (rect && indexBytes > 0 && total > 0) {
    const fileRect = plan.kind === 'project' ? rectToFile(rect, fromWgs84(plan)) : rect;
    let offsets: number[];
    try {
      offsets = await searchIndex(total, header.indexNodeSize, fileRect, (o, l) => win.get(12 + headerLength + o, l));
    } catch {
      return corrupt('index');
    }
    for (const o of offsets) {
      if (builder.count >= cap) break;
      await take(featuresStart + o, read);
    }
  } else {
    if (rect) builder.tally.note(IO_WARNINGS.noIndexForBbox, { file: fileName });
    let offset = featuresStart;
    while (offset < src.size && builder.count < cap) offset = await take(offset, read);
    // Cut exactly between two features: only the header's count can tell.
    if (builder.count < cap && total > 0 && read < total) truncated();
  }
  if (builder.count >= cap) {
    // The header's count when it is plausible, else an estimate from the bytes read so far.
    const estimate = total >= read ? total : Math.round((read * (src.size - featuresStart)) / Math.max(1, lastOffset - featuresStart));
    if (estimate > read) builder.tally.note(IO_WARNINGS.featureCap, { read, total: estimate, cap });
  }
  return [builder.finish()];
}

const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(at, true);

/** flatbuffers reads relative to the start of its own buffer: give it an aligned copy. */
function copy(b: Uint8Array): Uint8Array {
  const c = new Uint8Array(b.byteLength);
  c.set(b);
  return c;
}

function decodeFeature(bytes: Uint8Array, id: number, header: HeaderMeta) {
  try {
    const bb = new flatbuffers.ByteBuffer(copy(bytes));
    const feature = FgbFeature.getSizePrefixedRootAsFeature(bb);
    // Hostile lengths would make the decoder loop for a long time: bound them by the feature size.
    const g = feature.geometry();
    if (g && (g.partsLength() > bytes.byteLength / 4 || g.xyLength() > bytes.byteLength / 8)) return undefined;
    return fromFeature(id, feature, header);
  } catch {
    return undefined;
  }
}

function crsPlan(header: HeaderMeta, fileName: string): CrsPlan {
  const crs = header.crs;
  if (!crs) return { kind: 'wgs84' };
  if (crs.code && (!crs.org || /^epsg$/i.test(crs.org))) return resolveDeclared(fileName, crs.code);
  if (crs.wkt) return resolveDeclared(fileName, crs.wkt);
  if (crs.code_string) return resolveDeclared(fileName, crs.code_string);
  return { kind: 'wgs84' };
}

/** A WGS 84 box in file coordinates: the envelope of points along its edges. */
function rectToFile(r: BBox, fn: XY): BBox {
  const acc = new BBoxAccumulator();
  for (let i = 0; i <= 8; i++) {
    const t = i / 8;
    const x = r[0] + (r[2] - r[0]) * t;
    const y = r[1] + (r[3] - r[1]) * t;
    for (const p of [fn(x, r[1]), fn(x, r[3]), fn(r[0], y), fn(r[2], y)]) if (Number.isFinite(p[0]) && Number.isFinite(p[1])) acc.add(p);
  }
  return acc.bbox ?? r;
}
