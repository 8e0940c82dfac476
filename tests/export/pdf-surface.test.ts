/**
 * The PDF surface in Node (jsPDF's own build): a composed map page with Chinese and Latin text. The same
 * date gives the same bytes; every font is an embedded TrueType subset named with a six-letter tag and a
 * ToUnicode map (what pdffonts reports as emb/sub/uni); only the font files the text needs are embedded;
 * the font data stays far under the 1 MB the issue allows.
 */
import { readFileSync } from 'node:fs';
import { unzlibSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { legendRows, pageLayout, type LegendRow } from '../../src/core/print';
import { composeMapPage, type MapPageContent } from '../../src/export/compose-map-page';
import { facesFor, PRINT_FACES } from '../../src/export/font-faces';
import { createPdfSurface } from '../../src/export/pdf-surface';

const loadFace = async (f: { pkg: string; file: string }) => new Uint8Array(readFileSync(`node_modules/@fontsource/${f.pkg}/files/${f.file}`));
const jpeg = new Uint8Array(readFileSync('tests/fixtures/export/map.jpg'));
const L = pageLayout({ paper: 'A4', orientation: 'portrait', dpi: 150 });
const rows: LegendRow[] = legendRows([{ id: 'h', name: '住宅', visible: true, classes: [{ color: [200, 0, 0], shape: 'fill', text: '无儿童' }, { color: [0, 0, 200], shape: 'dot', text: 'Kindergarten' }] }]);

function content(title: string): MapPageContent {
  return {
    title,
    subtitle: 'Synthetic Harbour City 演示',
    map: { jpeg, widthPx: 67, heightPx: 94 },
    legendRows: rows,
    legendLabel: (r) => (r.kind === 'layer' ? r.name : (r.entry.text ?? '')),
    scale: { meters: 500, value: 500, unit: 'm', lengthPx: 200, error: 0 },
    scaleLabel: '500 m',
    north: '北',
    inset: { rings: [[[114, 22.5], [114.1, 22.5], [114.1, 22.6], [114, 22.5]]], area: [114, 22.5, 114.1, 22.6], extent: [114.02, 22.52, 114.05, 22.55] },
    ruleSet: '规则集：default 2025.1',
    date: '日期：2026-06-01',
    sources: 'Sources: demo',
    attribution: '© OpenStreetMap contributors',
    pageNumber: '第 1 / 1 页',
  };
}

async function render(title: string, date: string): Promise<Uint8Array> {
  const c = content(title);
  const texts = [c.title, c.subtitle, c.north, c.scaleLabel, c.ruleSet, c.date, c.sources, c.attribution, c.pageNumber, '住宅', '无儿童', 'Kindergarten'];
  const pdf = await createPdfSurface({ widthMm: L.page.widthMm, heightMm: L.page.heightMm, texts, loadFace, date: new Date(`${date}T00:00:00Z`), title });
  composeMapPage(pdf, L, c);
  return pdf.bytes();
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/** Every stream jsPDF wrote with a Length1 (font programs and ToUnicode maps), inflated, as latin1 text. */
function streams(pdf: string): string[] {
  const out: string[] = [];
  for (const m of pdf.matchAll(/<<\n\/Length (\d+)\n\/Length1 \d+\n\/Filter \/FlateDecode\n>>\nstream\r?\n/g)) {
    const start = m.index + m[0].length;
    out.push(Buffer.from(unzlibSync(Uint8Array.from(Buffer.from(pdf.slice(start, start + Number(m[1])), 'latin1')))).toString('latin1'));
  }
  return out;
}

describe('PDF surface', () => {
  test('the same date gives the same bytes; another date does not', async () => {
    const a = await render('儿童友好城市', '2026-06-01');
    const b = await render('儿童友好城市', '2026-06-01');
    const c = await render('儿童友好城市', '2026-06-02');
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(c))).not.toBe(0);
    expect(latin1(a)).toContain('/CreationDate (D:20260601');
  });

  test('fonts: only the faces the text needs, each an embedded tagged subset with ToUnicode, font data ≤ 1 MB', async () => {
    const title = '儿童友好城市';
    const pdf = latin1(await render(title, '2026-06-01'));
    const c = content(title);
    const needed = facesFor([c.title, c.subtitle, c.north, c.scaleLabel, c.ruleSet, c.date, c.sources, c.attribution, c.pageNumber, '住宅', '无儿童', 'Kindergarten']);
    const type0 = [...pdf.matchAll(/\/Subtype \/Type0/g)].length;
    expect(type0).toBe(needed.length);
    expect(needed.some((i) => PRINT_FACES[i].pkg === 'noto-sans')).toBe(true);
    expect(needed.some((i) => PRINT_FACES[i].pkg === 'noto-sans-sc')).toBe(true);
    // No base-14 font dictionaries (they would be listed by pdffonts as not embedded).
    expect(pdf).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
    const names = [...pdf.matchAll(/\/FontName \/([^\s/]+)/g)].map((m) => m[1]);
    expect(names).toHaveLength(needed.length);
    for (const n of names) expect(n).toMatch(/^[A-Z]{6}\+NotoSans(SC)?$/);
    expect([...pdf.matchAll(/\/FontFile2 /g)]).toHaveLength(needed.length);
    expect([...pdf.matchAll(/\/ToUnicode /g)]).toHaveLength(needed.length);
    // The embedded font programs (the streams that are not ToUnicode maps): their sizes summed, far under 1 MB.
    const programs = streams(pdf).filter((t) => !t.includes('begincmap'));
    expect(programs).toHaveLength(needed.length);
    for (const p of programs) expect(p.slice(0, 4)).toBe('\x00\x01\x00\x00'); // TrueType sfnt
    const total = programs.reduce((a, p) => a + p.length, 0);
    expect(total).toBeLessThan(1_000_000);
  });

  test('the ToUnicode maps hold the title’s characters (the text is text, not outlines)', async () => {
    const pdf = await render('儿童友好城市', '2026-06-01');
    const cmaps = streams(latin1(pdf)).filter((t) => t.includes('begincmap'));
    const all = cmaps.join('\n').toLowerCase();
    for (const ch of '儿童友好城市') expect(all).toContain(`<${ch.codePointAt(0)!.toString(16).padStart(4, '0')}>`);
  });
});
