/**
 * WOFF 1.0 → sfnt: every table of the decoded font matches the checksum the WOFF directory recorded for
 * the original sfnt (OpenType's table checksum, computed here independently), so the bytes are the
 * original font's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { woffToSfnt } from '../../src/export/woff';

const FILES = ['noto-sans/files/noto-sans-latin-400-normal.woff', 'noto-sans-sc/files/noto-sans-sc-100-400-normal.woff'];

function tableChecksum(bytes: Uint8Array, isHead: boolean): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3);
  padded.set(bytes);
  if (isHead) padded.fill(0, 8, 12); // checkSumAdjustment counts as zero
  const v = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

describe('woffToSfnt', () => {
  for (const f of FILES) {
    test(`${f}: TrueType flavour, sorted directory, every table checksum as recorded`, () => {
      const woff = new Uint8Array(readFileSync(`node_modules/@fontsource/${f}`));
      const r = woffToSfnt(woff);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const v = new DataView(r.sfnt.buffer, r.sfnt.byteOffset);
      expect(v.getUint32(0)).toBe(0x00010000);
      const n = v.getUint16(4);
      expect(n).toBe(new DataView(woff.buffer, woff.byteOffset).getUint16(12));
      let prevTag = -1;
      for (let i = 0; i < n; i++) {
        const at = 12 + 16 * i;
        const tag = v.getUint32(at);
        expect(tag).toBeGreaterThan(prevTag);
        prevTag = tag;
        const offset = v.getUint32(at + 8);
        const length = v.getUint32(at + 12);
        expect(offset % 4).toBe(0);
        const table = r.sfnt.subarray(offset, offset + length);
        expect(tableChecksum(table, tag === 0x68656164)).toBe(v.getUint32(at + 4));
      }
    });
  }

  test('refuses what is not a WOFF, or is cut short, with a code', () => {
    expect(woffToSfnt(new Uint8Array(10))).toEqual({ ok: false, code: 'export.font-invalid' });
    const woff = new Uint8Array(readFileSync(`node_modules/@fontsource/${FILES[0]}`));
    expect(woffToSfnt(woff.subarray(0, 2000))).toEqual({ ok: false, code: 'export.font-invalid' });
    const notWoff = woff.slice();
    notWoff[0] = 0;
    expect(woffToSfnt(notWoff)).toEqual({ ok: false, code: 'export.font-invalid' });
  });
});
