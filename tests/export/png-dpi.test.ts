/** pHYs in a PNG: the chunk's bytes and CRC (zlib's crc32 as the oracle), placed after IHDR, any old one replaced. */
import { crc32 as zcrc } from 'node:zlib';
import { deflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { crc32, pixelsPerMetre, withDpi } from '../../src/export/png-dpi';

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zcrc(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

function tinyPng(extra: Buffer[] = []): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), ...extra, chunk('IDAT', deflateSync(Buffer.from([0, 128]))), chunk('IEND', new Uint8Array())]));
}

const chunks = (png: Uint8Array) => {
  const out: { type: string; data: Buffer; crc: number }[] = [];
  const b = Buffer.from(png);
  for (let at = 8; at < b.length; ) {
    const len = b.readUInt32BE(at);
    out.push({ type: b.toString('latin1', at + 4, at + 8), data: b.subarray(at + 8, at + 8 + len), crc: b.readUInt32BE(at + 8 + len) });
    at += 12 + len;
  }
  return out;
};

describe('PNG dpi', () => {
  test('300 dpi is 11811 pixels a metre, after IHDR, with a valid CRC', () => {
    expect(pixelsPerMetre(300)).toBe(11811);
    expect(pixelsPerMetre(150)).toBe(5906);
    const c = chunks(withDpi(tinyPng(), 300));
    expect(c.map((x) => x.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    const p = c[1];
    expect([p.data.readUInt32BE(0), p.data.readUInt32BE(4), p.data[8]]).toEqual([11811, 11811, 1]);
    expect(p.crc).toBe(zcrc(Buffer.concat([Buffer.from('pHYs'), p.data])) >>> 0);
  });

  test('an existing pHYs is replaced, not duplicated; crc32 agrees with zlib', () => {
    const old = chunk('pHYs', new Uint8Array(9));
    const c = chunks(withDpi(tinyPng([old]), 150));
    expect(c.filter((x) => x.type === 'pHYs')).toHaveLength(1);
    expect(c[1].data.readUInt32BE(0)).toBe(5906);
    const data = new TextEncoder().encode('cfc-planner 儿童');
    expect(crc32(data)).toBe(zcrc(data) >>> 0);
  });
});
