/**
 * Seeded byte mutations: bit flips, truncation, insertion, deletion, splicing in bytes of another seed, and
 * number replacement (an ASCII number swapped for NaN, 1e308, 2^31…, or a binary word overwritten with such a
 * value). Each takes the case's PRNG, so a case seed gives the same bytes on every run and machine.
 */
export type Rng = () => number;

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);

const enc = new TextEncoder();

/** Bytes that tend to matter to parsers: quotes, separators, brackets, NUL, an 11-byte varint, a BOM. */
const TOKENS: readonly Uint8Array[] = [
  '"', ',', ';', '\n', '\r\n', '{', '}', '[', ']', '<', '>', '</osm>', '<!--', ':', '\\', '\t', '=HYPERLINK("x")', '<script>', '&amp;', '&x;',
].map((s) => enc.encode(s)).concat([
  new Uint8Array([0]),
  new Uint8Array(11).fill(0xff),
  new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]),
  new Uint8Array([0xef, 0xbb, 0xbf]),
  new Uint8Array([0xff, 0xff, 0xff, 0x7f]),
]);

/** Replacements for a number written as text. */
const NUMBERS = ['NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '1e999', '0', '-0', '95', '-181', '2147483648', '4294967296', '99999999999999999999', '1.7976931348623157e308', '5e-324', '0x10', '', '-', '1e', '.'];

/** Replacements for a binary word: float64 / int32 values that break naive readers. */
const F64 = [NaN, Infinity, -Infinity, 1e308, -1e308, 0, -0, 500, 95, 5e-324];
const I32 = [0, -1, 0x7fffffff, -0x80000000, 0xffff, 1, 2, 1 << 24];

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

export type MutationName = 'flip' | 'truncate' | 'insert' | 'delete' | 'splice' | 'number' | 'json';
/** The byte-level mutations, for any format; 'json' (a value of a parsed document replaced) is chosen for JSON seeds. */
export const MUTATIONS: readonly MutationName[] = ['flip', 'truncate', 'insert', 'delete', 'splice', 'number'];

/** One mutation of `b` (never in place); `donors` are the other seeds' bytes for splicing. */
export function mutate(name: MutationName, b: Uint8Array, rng: Rng, donors: readonly Uint8Array[]): Uint8Array {
  const at = int(rng, b.length + 1);
  switch (name) {
    case 'flip': {
      const out = b.slice();
      const flips = 1 + int(rng, 8);
      for (let i = 0; i < flips && out.length; i++) out[int(rng, out.length)] ^= 1 << int(rng, 8);
      return out;
    }
    case 'truncate':
      return b.slice(0, int(rng, b.length));
    case 'insert': {
      const bytes = rng() < 0.5 ? pick(rng, TOKENS) : Uint8Array.from({ length: 1 + int(rng, 32) }, () => int(rng, 256));
      return concat(b.subarray(0, at), bytes, b.subarray(at));
    }
    case 'delete':
      return concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + int(rng, 64))));
    case 'splice': {
      const donor = pick(rng, donors);
      const from = int(rng, donor.length);
      const piece = donor.subarray(from, from + 1 + int(rng, 256));
      // Half the time the piece replaces as many bytes as it has (an overwrite), else it is inserted.
      return concat(b.subarray(0, at), piece, b.subarray(rng() < 0.5 ? Math.min(b.length, at + piece.length) : at));
    }
    case 'number':
      return rng() < 0.6 ? textNumber(b, rng) ?? binaryNumber(b, rng) : binaryNumber(b, rng);
    case 'json':
      return jsonValue(b, rng) ?? b;
  }
}

/** Values a hostile GeoJSON may hold where a reader expects something else. `INF` is written as 1e999. */
const INF = '__1e999__';
const nest = (depth: number): unknown => (depth === 0 ? [] : [nest(depth - 1)]);
const HOSTILE_VALUES: readonly (() => unknown)[] = [
  () => null, () => true, () => 0, () => 1e308, () => -1e308, () => 95, () => -181, () => INF, () => 'NaN', () => '',
  () => 'x'.repeat(12_000), () => '<script>alert(1)</script>', () => '=HYPERLINK("http://x")', () => [], () => ({}), () => [[]],
  () => nest(3000), () => JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'),
  () => ({ type: 'Bogus', coordinates: [1, 2] }), () => ({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }),
  () => ({ type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [INF, 0] }] }] }),
  () => ({ type: 'MultiPolygon', coordinates: [[[[7.4, 43.7], [7.5, 43.7], [7.5, 43.8]]]] }), () => [7.42, 43.73, INF, 'z'],
  () => ({ type: 'name', properties: { name: 'EPSG:999999' } }), () => ({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } }),
];

/** Parses a JSON document, replaces one of its values (of the first 5,000) with a hostile one, writes it back. */
function jsonValue(b: Uint8Array, rng: Rng): Uint8Array | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(b));
  } catch {
    return undefined;
  }
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  // Not into what an earlier mutation nested 3,000 deep: another deep array there would overflow stringify.
  const walk = (v: unknown, depth = 0): void => {
    if (slots.length >= 5000 || depth > 64 || v === null || typeof v !== 'object') return;
    for (const k of Object.keys(v)) {
      // Assigning to a `__proto__` slot would set a prototype, not a value.
      if (k === '__proto__') continue;
      const key = Array.isArray(v) ? Number(k) : k;
      slots.push([v as Record<string, unknown>, key]);
      walk((v as Record<string, unknown>)[k], depth + 1);
    }
  };
  walk(doc);
  if (slots.length === 0) return undefined;
  const [parent, key] = pick(rng, slots);
  (parent as Record<string | number, unknown>)[key] = pick(rng, HOSTILE_VALUES)();
  // The stringified doc can hold the 3,000-deep array; INF becomes a literal JSON.stringify cannot write.
  return enc.encode(JSON.stringify(doc).replaceAll(`"${INF}"`, '1e999'));
}

/** Swaps one ASCII number (of the first 4,000 in the file) for a hostile one; undefined when there is none. */
function textNumber(b: Uint8Array, rng: Rng): Uint8Array | undefined {
  const text = new TextDecoder('latin1').decode(b);
  const spots: [number, number][] = [];
  for (const m of text.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g)) {
    spots.push([m.index, m[0].length]);
    if (spots.length >= 4000) break;
  }
  if (spots.length === 0) return undefined;
  const [start, len] = pick(rng, spots);
  return concat(b.subarray(0, start), enc.encode(pick(rng, NUMBERS)), b.subarray(start + len));
}

/** Overwrites 8 bytes with a float64 or 4 bytes with an int32, little or big endian, at a 4-aligned offset. */
function binaryNumber(b: Uint8Array, rng: Rng): Uint8Array {
  const out = b.slice();
  if (out.length < 8) return out;
  const dv = new DataView(out.buffer);
  const at = int(rng, (out.length - 8) >> 2) << 2;
  const le = rng() < 0.7;
  if (rng() < 0.5) dv.setFloat64(at, pick(rng, F64), le);
  else dv.setInt32(at, pick(rng, I32), le);
  return out;
}
