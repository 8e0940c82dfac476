/**
 * Which bundled font draws each character of a PDF's text. The faces are @fontsource's: Noto Sans (Latin)
 * first, then Noto Sans SC's subsets (Chinese is split by frequency into ~100 small files): a character is
 * drawn by the first face whose unicode-range holds it. Text is cut into runs of one face each, so a PDF
 * embeds only the few small files its text needs (each subset again by jsPDF to the glyphs used).
 */
import latinRanges from '@fontsource/noto-sans/unicode.json';
import scRanges from '@fontsource/noto-sans-sc/unicode.json';

export interface FontFace {
  /** File name under node_modules/@fontsource/<pkg>/files/, the 400 weight in WOFF 1.0. */
  readonly file: string;
  readonly pkg: 'noto-sans' | 'noto-sans-sc';
  /** Sorted, inclusive [from, to] codepoint ranges. */
  readonly ranges: readonly (readonly [number, number])[];
}

export function parseUnicodeRange(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of text.split(',')) {
    const m = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    const from = parseInt(m[1], 16);
    out.push([from, m[2] ? parseInt(m[2], 16) : from]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

const LATIN_SUBSETS = ['latin', 'latin-ext'];

function facesOf(pkg: FontFace['pkg'], ranges: Record<string, string>, only?: readonly string[]): FontFace[] {
  return Object.entries(ranges)
    .filter(([subset]) => !only || only.includes(subset))
    .map(([subset, range]) => ({ pkg, file: `${pkg}-${subset.replace(/[[\]]/g, '')}-400-normal.woff`, ranges: parseUnicodeRange(range) }));
}

/** Noto Sans's Latin first (its Latin is the one the app shows), then every Noto Sans SC subset. */
export const PRINT_FACES: readonly FontFace[] = [...facesOf('noto-sans', latinRanges, LATIN_SUBSETS), ...facesOf('noto-sans-sc', scRanges)];

function covers(face: FontFace, cp: number): boolean {
  let lo = 0;
  let hi = face.ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = face.ranges[mid];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Index in `faces` of the face that draws `cp`; a space or an uncovered character goes with face 0. */
export function faceIndexOf(cp: number, faces: readonly FontFace[] = PRINT_FACES): number {
  for (let i = 0; i < faces.length; i++) if (covers(faces[i], cp)) return i;
  return 0;
}

export interface TextRun {
  readonly face: number;
  readonly text: string;
}

/** Consecutive characters of one face; spaces and punctuation shared by both join the run they are in. */
export function textRuns(text: string, faces: readonly FontFace[] = PRINT_FACES): TextRun[] {
  const runs: { face: number; text: string }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const last = runs[runs.length - 1];
    // A space belongs to the run it follows (every face has one), so "步行 500 m" stays two runs, not four.
    const face = cp === 0x20 && last ? last.face : faceIndexOf(cp, faces);
    if (last && last.face === face) last.text += ch;
    else runs.push({ face, text: ch });
  }
  return runs;
}

/** The faces a set of strings needs, in face order. */
export function facesFor(texts: readonly string[], faces: readonly FontFace[] = PRINT_FACES): number[] {
  const used = new Set<number>();
  for (const t of texts) for (const r of textRuns(t, faces)) used.add(r.face);
  return [...used].sort((a, b) => a - b);
}

/** A PDF subset tag (six capital letters, ISO 32000 §9.6.4) per face: fixed, so the same text gives the same bytes. */
export function subsetTag(index: number): string {
  let s = '';
  let n = index;
  for (let i = 0; i < 3; i++) {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return `CFC${s}`;
}
