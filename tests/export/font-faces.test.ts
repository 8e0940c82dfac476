/** Which bundled face draws each character: known codepoints against @fontsource's own unicode-range files. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { faceIndexOf, parseUnicodeRange, PRINT_FACES, subsetTag, textRuns } from '../../src/export/font-faces';

const sc = JSON.parse(readFileSync('node_modules/@fontsource/noto-sans-sc/unicode.json', 'utf8')) as Record<string, string>;
/** The SC subset file that lists the codepoint, found by plain text search of the range strings. */
function scFileFor(cp: number): string | undefined {
  for (const [subset, range] of Object.entries(sc)) {
    for (const part of range.split(',')) {
      const [a, b] = part.trim().slice(2).split('-').map((h) => parseInt(h, 16));
      if (cp >= a && cp <= (b ?? a)) return `noto-sans-sc-${subset.replace(/[[\]]/g, '')}-400-normal.woff`;
    }
  }
  return undefined;
}

describe('print font faces', () => {
  test('parseUnicodeRange reads single points and ranges, sorted', () => {
    expect(parseUnicodeRange('U+0100-02BA, U+0041,U+ff01-ff0f')).toEqual([[0x41, 0x41], [0x100, 0x2ba], [0xff01, 0xff0f]]);
  });

  test('Latin goes to Noto Sans, Chinese to the Noto Sans SC subset that lists it', () => {
    expect(PRINT_FACES[faceIndexOf(0x41)].file).toBe('noto-sans-latin-400-normal.woff');
    expect(PRINT_FACES[faceIndexOf(0x101)].file).toBe('noto-sans-latin-ext-400-normal.woff');
    for (const ch of '儿童友好城市步行规划深圳') {
      const cp = ch.codePointAt(0)!;
      expect(PRINT_FACES[faceIndexOf(cp)].file).toBe(scFileFor(cp));
    }
  });

  test('runs cover the text exactly, each character in its face; a space stays in the run it follows', () => {
    const text = 'Child 儿童 500 m · 步行';
    const runs = textRuns(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    for (const r of runs) for (const ch of r.text) if (ch !== ' ') expect(faceIndexOf(ch.codePointAt(0)!)).toBe(r.face);
    for (let i = 1; i < runs.length; i++) expect(runs[i].face).not.toBe(runs[i - 1].face);
  });

  test('subset tags are six capitals, distinct per face', () => {
    const tags = PRINT_FACES.map((_, i) => subsetTag(i));
    for (const t of tags) expect(t).toMatch(/^[A-Z]{6}$/);
    expect(new Set(tags).size).toBe(tags.length);
  });
});
