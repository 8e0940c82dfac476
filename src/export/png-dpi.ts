/**
 * A PNG's physical resolution: a pHYs chunk (pixels per metre, unit = metre) inserted right after IHDR,
 * replacing any there was, so a 300 dpi page opens at its paper size. PNG spec §11.3.5.3.
 */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const pixelsPerMetre = (dpi: number): number => Math.round(dpi / 0.0254);

export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Uint8Array[] = [png.subarray(0, 8)];
  let at = 8;
  while (at + 8 <= png.length) {
    const len = v.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const end = at + 12 + len;
    if (type !== 'pHYs') chunks.push(png.subarray(at, end));
    if (type === 'IHDR') {
      const c = new Uint8Array(21);
      const cv = new DataView(c.buffer);
      cv.setUint32(0, 9);
      c.set([0x70, 0x48, 0x59, 0x73], 4); // 'pHYs'
      cv.setUint32(8, pixelsPerMetre(dpi));
      cv.setUint32(12, pixelsPerMetre(dpi));
      c[16] = 1;
      cv.setUint32(17, crc32(c.subarray(4, 17)));
      chunks.push(c);
    }
    at = end;
  }
  const out = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
