/**
 * Hostile compressed files built at test time (nothing big is committed): OSM PBF blocks written with the
 * `pbf` package by the format's spec (BlobHeader {1 type, 3 datasize}; Blob {1 raw, 2 raw_size, 3 zlib_data};
 * HeaderBlock {4 required_features}), and zlib/gzip of long runs of zeros through node:zlib.
 */
import { deflateSync, gzipSync, createDeflate } from 'node:zlib';
import { PbfWriter as Pbf } from 'pbf';

export const MiB = 1024 * 1024;

/** One fileblock: 4-byte big-endian header length, BlobHeader, Blob. */
export function fileBlock(type: string, blob: { raw?: Uint8Array; zlib?: Uint8Array; rawSize?: number }): Uint8Array {
  const b = new Pbf();
  if (blob.raw) b.writeBytesField(1, blob.raw);
  if (blob.rawSize !== undefined) b.writeVarintField(2, blob.rawSize);
  if (blob.zlib) b.writeBytesField(3, blob.zlib);
  const blobBytes = b.finish();
  const h = new Pbf();
  h.writeStringField(1, type);
  h.writeVarintField(3, blobBytes.length);
  const header = h.finish();
  const out = new Uint8Array(4 + header.length + blobBytes.length);
  new DataView(out.buffer).setUint32(0, header.length);
  out.set(header, 4);
  out.set(blobBytes, 4 + header.length);
  return out;
}

/** A valid OSMHeader block (required feature OsmSchema-V0.6), zlib-compressed like real files. */
export function headerBlock(): Uint8Array {
  const p = new Pbf();
  p.writeStringField(4, 'OsmSchema-V0.6');
  const raw = p.finish();
  return fileBlock('OSMHeader', { zlib: new Uint8Array(deflateSync(raw)), rawSize: raw.length });
}

export const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** zlib of `size` zero bytes, streamed so the zeros are never all in memory. */
export async function zlibOfZeros(size: number): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => deflate.on('end', () => resolve()));
  const zeros = Buffer.alloc(Math.min(size, 4 * MiB));
  for (let left = size; left > 0; left -= zeros.length) {
    const piece = left >= zeros.length ? zeros : zeros.subarray(0, left);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** gzip of a text made of `head`, `size` bytes of `fill` and `tail`. */
export function gzipOf(head: string, fill: string, size: number, tail: string): Uint8Array {
  return new Uint8Array(gzipSync(Buffer.concat([Buffer.from(head), Buffer.alloc(size, fill), Buffer.from(tail)]), { level: 9 }));
}
