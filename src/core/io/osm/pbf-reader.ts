/**
 * OSM PBF (https://wiki.openstreetmap.org/wiki/PBF_Format) decoded with `pbf`, one blob at a time: a
 * 4-byte big-endian BlobHeader length, the BlobHeader, then the Blob (raw or zlib). Nothing but the current
 * block is ever decompressed, and nodes go straight into the store's typed arrays.
 */
import { PbfReader } from 'pbf';
import { InflateLimitError, inflateBounded } from '../inflate-bounded';
import { OsmImportError } from './errors';
import { PBF_MAX_BLOB_BYTES, PBF_MAX_HEADER_BYTES, mib } from './limits';
import type { MemberType, OsmSink, RelationMember, Tags } from './osm-store';

const utf8 = new TextDecoder();
const MEMBER_TYPES: readonly MemberType[] = ['n', 'w', 'r'];
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);

export interface PbfBlock {
  readonly type: string;
  /** Offset of the next block in the file. */
  readonly end: number;
  readonly data: Uint8Array;
}

/** True when the bytes start like an OSM PBF file (a BlobHeader of type "OSMHeader"). */
export function looksLikePbf(b: Uint8Array): boolean {
  if (b.length < 14) return false;
  const len = (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
  return len > 0 && len < 65536 && b[4] === 0x0a && b[5] === 9 && utf8.decode(b.subarray(6, 15)) === 'OSMHeader';
}

/** Reads the block at `pos`: the BlobHeader, then its Blob, decompressed. */
export function readBlock(bytes: Uint8Array, pos: number, blockIdx: number): PbfBlock {
  if (pos + 4 > bytes.length) throw new OsmImportError('osm.pbf_truncated', { block: blockIdx });
  const headerLen = ((bytes[pos] << 24) | (bytes[pos + 1] << 16) | (bytes[pos + 2] << 8) | bytes[pos + 3]) >>> 0;
  const headerEnd = pos + 4 + headerLen;
  if (headerLen > PBF_MAX_HEADER_BYTES) throw new OsmImportError('osm.pbf_corrupt', { block: blockIdx });
  if (headerEnd > bytes.length) throw new OsmImportError('osm.pbf_truncated', { block: blockIdx });
  const header = fields(blockIdx, () =>
    new PbfReader(bytes.subarray(pos + 4, headerEnd)).readFields(
      (tag, h: { type: string; size: number }, p) => {
        if (tag === 1) h.type = p.readString();
        else if (tag === 3) h.size = p.readVarint();
      },
      { type: '', size: -1 },
    ),
  );
  if (header.size < 0 || header.type === '') throw new OsmImportError('osm.pbf_corrupt', { block: blockIdx });
  if (header.size > PBF_MAX_BLOB_BYTES) throw tooLarge(blockIdx, header.size);
  const end = headerEnd + header.size;
  if (end > bytes.length) throw new OsmImportError('osm.pbf_truncated', { block: blockIdx });
  const blob = fields(blockIdx, () =>
    new PbfReader(bytes.subarray(headerEnd, end)).readFields(
      (tag, b: { raw?: Uint8Array; zlib?: Uint8Array; rawSize: number; other: number }, p) => {
        if (tag === 1) b.raw = p.readBytes();
        else if (tag === 2) b.rawSize = p.readVarint();
        else if (tag === 3) b.zlib = p.readBytes();
        else if (tag >= 4 && tag <= 7) b.other = tag;
      },
      { rawSize: 0, other: 0 },
    ),
  );
  // Refuse a stated size over the format's limit before inflating anything, then never inflate past it.
  if (blob.rawSize > PBF_MAX_BLOB_BYTES) throw tooLarge(blockIdx, blob.rawSize);
  let data: Uint8Array;
  if (blob.raw) data = blob.raw;
  else if (blob.zlib) {
    try {
      data = inflateBounded('zlib', blob.zlib, PBF_MAX_BLOB_BYTES);
    } catch (e) {
      if (e instanceof InflateLimitError) throw tooLarge(blockIdx, e.produced);
      throw new OsmImportError('osm.pbf_corrupt', { block: blockIdx });
    }
  } else if (blob.other) throw new OsmImportError('osm.pbf_unsupported', { feature: `compression ${blob.other}` });
  else throw new OsmImportError('osm.pbf_corrupt', { block: blockIdx });
  return { type: header.type, end, data };
}

/** A BlobHeader or Blob that `pbf` cannot decode (a varint over 10 bytes, an unknown wire type): corrupt, not a crash. */
function fields<T>(blockIdx: number, read: () => T): T {
  try {
    return read();
  } catch {
    throw new OsmImportError('osm.pbf_corrupt', { block: blockIdx });
  }
}

/** Block `blockIdx` states or unpacks to `size` bytes, over the format's 32 MiB. */
const tooLarge = (blockIdx: number, size: number) =>
  new OsmImportError('osm.pbf_block_too_large', { block: blockIdx, sizeMiB: mib(size), limitMiB: mib(PBF_MAX_BLOB_BYTES) });

/** Rejects files needing features we do not decode (e.g. history files). */
export function checkHeaderBlock(data: Uint8Array): void {
  const required: string[] = [];
  new PbfReader(data).readFields((tag, r: string[], p) => {
    if (tag === 4) r.push(p.readString());
  }, required);
  const missing = required.find((f) => !SUPPORTED_FEATURES.has(f));
  if (missing) throw new OsmImportError('osm.pbf_unsupported', { feature: missing });
}

/** Reads a packed (or, rarely, unpacked) repeated field into `out` via `next`. */
function eachPacked(p: PbfReader, next: () => number, f: (v: number) => void): void {
  if (p.type !== 2) return f(next());
  const end = p.readVarint() + p.pos;
  while (p.pos < end) f(next());
}

interface BlockCtx {
  strings: string[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
  groups: Array<[number, number]>;
}

/** Decodes one OSMData block into the sink. */
export function decodePrimitiveBlock(data: Uint8Array, sink: OsmSink): void {
  const p = new PbfReader(data);
  const ctx = p.readFields(
    (tag, c: BlockCtx, r) => {
      if (tag === 1) {
        const end = r.readVarint() + r.pos;
        r.readFields((t, s: string[], rr) => {
          if (t === 1) s.push(rr.readString());
        }, c.strings, end);
      } else if (tag === 2) {
        const len = r.readVarint();
        c.groups.push([r.pos, r.pos + len]);
        r.pos += len;
      } else if (tag === 17) c.granularity = r.readVarint();
      else if (tag === 19) c.latOffset = r.readVarint(true);
      else if (tag === 20) c.lonOffset = r.readVarint(true);
    },
    { strings: [], granularity: 100, latOffset: 0, lonOffset: 0, groups: [] },
  );
  for (const [start, end] of ctx.groups) {
    p.pos = start;
    p.readFields((tag, _c: BlockCtx, r) => {
      const len = r.readVarint();
      const msgEnd = r.pos + len;
      if (tag === 1) readNode(r, msgEnd, ctx, sink);
      else if (tag === 2) readDense(r, msgEnd, ctx, sink);
      else if (tag === 3) readWay(r, msgEnd, ctx, sink);
      else if (tag === 4) readRelation(r, msgEnd, ctx, sink);
      r.pos = msgEnd;
    }, ctx, end);
  }
}

/** Nanodegrees → OSM's 1e-7 degree integers. */
const to7 = (offset: number, gran: number, v: number) => Math.round((offset + gran * v) / 100);

function tagsOf(keys: number[], vals: number[], s: string[]): Tags | null {
  if (keys.length === 0) return null;
  const t: Tags = {};
  for (let i = 0; i < keys.length; i++) t[s[keys[i]]] = s[vals[i]];
  return t;
}

function readNode(r: PbfReader, end: number, c: BlockCtx, sink: OsmSink): void {
  const n = { id: 0, lat: 0, lon: 0, keys: [] as number[], vals: [] as number[] };
  r.readFields((tag, o: typeof n, p) => {
    if (tag === 1) o.id = p.readSVarint();
    else if (tag === 2) eachPacked(p, () => p.readVarint(), (v) => o.keys.push(v));
    else if (tag === 3) eachPacked(p, () => p.readVarint(), (v) => o.vals.push(v));
    else if (tag === 8) o.lat = p.readSVarint();
    else if (tag === 9) o.lon = p.readSVarint();
  }, n, end);
  sink.addNode(n.id, to7(c.lonOffset, c.granularity, n.lon), to7(c.latOffset, c.granularity, n.lat), tagsOf(n.keys, n.vals, c.strings));
}

function readDense(r: PbfReader, end: number, c: BlockCtx, sink: OsmSink): void {
  const ids: number[] = [];
  const lats: number[] = [];
  const lons: number[] = [];
  const kv: number[] = [];
  r.readFields((tag, _o: null, p) => {
    let acc = 0;
    if (tag === 1) eachPacked(p, () => p.readSVarint(), (v) => ids.push((acc += v)));
    else if (tag === 8) eachPacked(p, () => p.readSVarint(), (v) => lats.push((acc += v)));
    else if (tag === 9) eachPacked(p, () => p.readSVarint(), (v) => lons.push((acc += v)));
    else if (tag === 10) eachPacked(p, () => p.readVarint(), (v) => kv.push(v));
  }, null, end);
  if (lats.length !== ids.length || lons.length !== ids.length) throw new OsmImportError('osm.pbf_corrupt', { reason: 'dense' });
  let k = 0;
  for (let i = 0; i < ids.length; i++) {
    let tags: Tags | null = null;
    if (kv.length) {
      while (k < kv.length && kv[k] !== 0) {
        (tags ??= {})[c.strings[kv[k]]] = c.strings[kv[k + 1]];
        k += 2;
      }
      k++;
    }
    sink.addNode(ids[i], to7(c.lonOffset, c.granularity, lons[i]), to7(c.latOffset, c.granularity, lats[i]), tags);
  }
}

let refScratch = new Float64Array(2048);

function readWay(r: PbfReader, end: number, c: BlockCtx, sink: OsmSink): void {
  const w = { id: 0, keys: [] as number[], vals: [] as number[], n: 0 };
  r.readFields((tag, o: typeof w, p) => {
    if (tag === 1) o.id = p.readVarint();
    else if (tag === 2) eachPacked(p, () => p.readVarint(), (v) => o.keys.push(v));
    else if (tag === 3) eachPacked(p, () => p.readVarint(), (v) => o.vals.push(v));
    else if (tag === 8) {
      let acc = 0;
      eachPacked(p, () => p.readSVarint(), (v) => {
        if (o.n === refScratch.length) {
          const bigger = new Float64Array(refScratch.length * 2);
          bigger.set(refScratch);
          refScratch = bigger;
        }
        refScratch[o.n++] = acc += v;
      });
    }
  }, w, end);
  sink.addWay(w.id, refScratch, w.n, tagsOf(w.keys, w.vals, c.strings));
}

function readRelation(r: PbfReader, end: number, c: BlockCtx, sink: OsmSink): void {
  const rel = { id: 0, keys: [] as number[], vals: [] as number[], roles: [] as number[], ids: [] as number[], types: [] as number[] };
  r.readFields((tag, o: typeof rel, p) => {
    let acc = 0;
    if (tag === 1) o.id = p.readVarint();
    else if (tag === 2) eachPacked(p, () => p.readVarint(), (v) => o.keys.push(v));
    else if (tag === 3) eachPacked(p, () => p.readVarint(), (v) => o.vals.push(v));
    else if (tag === 8) eachPacked(p, () => p.readVarint(true), (v) => o.roles.push(v));
    else if (tag === 9) eachPacked(p, () => p.readSVarint(), (v) => o.ids.push((acc += v)));
    else if (tag === 10) eachPacked(p, () => p.readVarint(), (v) => o.types.push(v));
  }, rel, end);
  const members = (): RelationMember[] =>
    rel.ids.map((ref, i) => ({ type: MEMBER_TYPES[rel.types[i]] ?? 'n', ref, role: c.strings[rel.roles[i]] ?? '' }));
  sink.addRelation(rel.id, tagsOf(rel.keys, rel.vals, c.strings), members);
}
