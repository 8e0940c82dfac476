/**
 * WOFF 1.0 → sfnt (TrueType) bytes. jsPDF embeds TrueType only; the bundled Noto fonts (@fontsource) come
 * as woff2 (brotli + glyf transforms, which need a full decoder) and as woff 1.0, which is just the sfnt's
 * tables, each zlib-compressed: inflate each and write the sfnt table directory back (W3C WOFF 1.0 §5).
 */
import { unzlibSync } from 'fflate';

export type WoffResult = { readonly ok: true; readonly sfnt: Uint8Array } | { readonly ok: false; readonly code: 'export.font-invalid' };

interface TableEntry {
  tag: number;
  checksum: number;
  data: Uint8Array;
}

const pad4 = (n: number): number => (n + 3) & ~3;

export function woffToSfnt(woff: Uint8Array): WoffResult {
  const bad = { ok: false, code: 'export.font-invalid' } as const;
  if (woff.length < 44) return bad;
  const v = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (v.getUint32(0) !== 0x774f4646) return bad; // 'wOFF'
  const flavor = v.getUint32(4);
  const numTables = v.getUint16(12);
  if (44 + numTables * 20 > woff.length) return bad;
  const tables: TableEntry[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = v.getUint32(at);
    const offset = v.getUint32(at + 4);
    const compLength = v.getUint32(at + 8);
    const origLength = v.getUint32(at + 12);
    if (offset + compLength > woff.length || compLength > origLength) return bad;
    const raw = woff.subarray(offset, offset + compLength);
    let data: Uint8Array;
    try {
      data = compLength < origLength ? unzlibSync(raw) : raw;
    } catch {
      return bad;
    }
    if (data.length !== origLength) return bad;
    tables.push({ tag, checksum: v.getUint32(at + 16), data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  let size = 12 + 16 * numTables;
  for (const t of tables) size += pad4(t.data.length);
  const out = new Uint8Array(size);
  const o = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  o.setUint32(0, flavor);
  o.setUint16(4, numTables);
  o.setUint16(6, searchRange);
  o.setUint16(8, entrySelector);
  o.setUint16(10, numTables * 16 - searchRange);
  let offset = 12 + 16 * numTables;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    o.setUint32(at, t.tag);
    o.setUint32(at + 4, t.checksum);
    o.setUint32(at + 8, offset);
    o.setUint32(at + 12, t.data.length);
    out.set(t.data, offset);
    offset += pad4(t.data.length);
  });
  return { ok: true, sfnt: out };
}
