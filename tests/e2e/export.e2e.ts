/**
 * Export for print (issue 10) on the demo city in Chromium, checked with poppler: the PDF's fonts are
 * embedded subsets (pdffonts), its Chinese title and legend labels are real text (pdftotext), the map is an
 * image of the frame's pixel size from core/print's layout (pdfimages), and the map and title have ink
 * (pdftoppm); the gap report's title, rule names and a gap row equal to the app's gap table (pdftotext).
 * One page load for the whole file.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { geojson as fgb } from 'flatgeobuf';
import type { Browser, Page } from 'playwright-core';
import { pageLayout } from '../../src/core/print/page-layout';
import { launch, openApp, shot } from './helpers/browser';

const LONG = 180_000;
const zh = JSON.parse(readFileSync('src/i18n/locales/zh/common.json', 'utf8')) as { role: Record<string, string>; legend: Record<string, string> };
const out = mkdtempSync(join(tmpdir(), 'cfc-export-'));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

describe('export for print', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launch();
    page = (await openApp(browser, { lang: 'zh' })).page;
  });
  after(async () => {
    await browser?.close();
  });

  async function exportPdf(fields: { title: string; subtitle?: string; dpi?: string; kind?: string; format?: string; atlas?: { level: string; sort: string } }, name: string): Promise<string> {
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-format').selectOption(fields.format ?? 'pdf');
    if (fields.kind) await page.getByTestId('export-kind').selectOption(fields.kind);
    if (fields.atlas) {
      await page.getByTestId('export-level').selectOption(fields.atlas.level);
      await page.getByTestId('export-sort').selectOption(fields.atlas.sort);
    }
    await page.getByTestId('export-title').fill(fields.title);
    await page.getByTestId('export-subtitle').fill(fields.subtitle ?? '');
    await page.getByTestId('export-date').fill('2026-06-01');
    await page.getByTestId('export-dpi').selectOption(fields.dpi ?? '150');
    await shot(page, `export-dialog-${name}`);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), page.getByTestId('export-start').click()]);
    const file = join(out, `${name}.${fields.format ?? 'pdf'}`);
    await download.saveAs(file);
    await page.getByTestId('export-done').waitFor({ timeout: LONG });
    await page.getByRole('button', { name: '关闭' }).click();
    return file;
  }

  test('a map page at 300 dpi: subset fonts, Chinese text, the map at the frame size, ink', { timeout: LONG * 2 }, async () => {
    const t0 = Date.now();
    const file = await exportPdf({ title: '儿童友好城市：步行可达性', subtitle: '合成港城 演示', dpi: '300' }, 'map-a4-300');
    const ms = Date.now() - t0;
    const size = statSync(file).size;
    console.log(`map page A4 300 dpi: ${size} bytes, ${ms} ms`);
    assert.ok(size < 10e6, `A4 at 300 dpi must be ≤ 10 MB, was ${size}`);

    const fonts = run('pdffonts', [file]).trim().split('\n').slice(2);
    assert.ok(fonts.length >= 2, fonts.join('\n'));
    for (const line of fonts) {
      const cols = line.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      assert.deepEqual([emb, sub, uni], ['yes', 'yes', 'yes'], `not an embedded subset with ToUnicode: ${line}`);
      assert.match(cols[0], /^[A-Z]{6}\+Noto/);
    }

    const text = run('pdftotext', ['-layout', file, '-']);
    assert.ok(text.includes('儿童友好城市：步行可达性'), text.slice(0, 400));
    assert.ok(text.includes('合成港城 演示'));
    // Legend rows: the visible layers' role words and the homes' class labels come from the zh locale.
    assert.ok(text.includes(zh.legend.childNone), `legend label ${zh.legend.childNone} missing`);

    const L = pageLayout({ paper: 'A4', orientation: 'portrait', dpi: 300 });
    const images = run('pdfimages', ['-list', file]).trim().split('\n').slice(2);
    assert.equal(images.length, 1, images.join('\n'));
    const [, , , w, h] = images[0].trim().split(/\s+/);
    assert.deepEqual([Number(w), Number(h)], [L.map.px.width, L.map.px.height]);

    // Ink: the rendered page at 50 dpi, the map frame and the title band are not blank.
    const prefix = join(out, 'page');
    run('pdftoppm', ['-r', '50', '-gray', '-singlefile', file, prefix]);
    const pgm = readFileSync(`${prefix}.pgm`);
    const { width, pixels } = parsePgm(pgm);
    const px = (mm: number) => Math.round((mm * 50) / 25.4);
    const dark = (r: { x: number; y: number; width: number; height: number }) => {
      let n = 0;
      let all = 0;
      for (let y = px(r.y) + 1; y < px(r.y + r.height) - 1; y++)
        for (let x = px(r.x) + 1; x < px(r.x + r.width) - 1; x++) {
          all++;
          if (pixels[y * width + x] < 200) n++;
        }
      return n / all;
    };
    assert.ok(dark(L.title.mm) > 0.02, `title band ink ${dark(L.title.mm)}`);
    assert.ok(dark(L.map.mm) > 0.05, `map ink ${dark(L.map.mm)}`);
  });

  test('a map page as PNG at 150 dpi: the page’s pixel size and its dpi stamped', { timeout: LONG }, async () => {
    const file = await exportPdf({ title: '儿童友好城市', format: 'png', dpi: '150' }, 'map-a4-150');
    const png = readFileSync(file);
    const L = pageLayout({ paper: 'A4', orientation: 'portrait', dpi: 150 });
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [L.page.widthPx, L.page.heightPx]);
    const at = png.indexOf('pHYs', 0, 'latin1');
    assert.ok(at > 0 && at < 64, 'pHYs right after IHDR');
    // 150 dpi = 5906 pixels a metre (150 / 0.0254, rounded).
    assert.deepEqual([png.readUInt32BE(at + 4), png.readUInt32BE(at + 8), png[at + 12]], [5906, 5906, 1]);
  });

  test('an atlas of the districts by name: one page per district, in pinyin order, each titled with its name and code', { timeout: LONG * 2 }, async () => {
    // The expected units from the demo's district file itself, sorted here with the runtime's Chinese collation.
    const units: { name_zh: string; admin_code: string }[] = [];
    for await (const f of fgb.deserialize(new Uint8Array(readFileSync('data/demo/units_district.fgb'))) as AsyncGenerator<{ properties: { name_zh: string; admin_code: string } }>) units.push(f.properties);
    const collator = new Intl.Collator('zh', { numeric: true, sensitivity: 'base' });
    units.sort((a, b) => collator.compare(a.name_zh, b.name_zh));
    assert.equal(units.length, 3);
    const t0 = Date.now();
    const file = await exportPdf({ title: '合成港城图集', kind: 'atlas', atlas: { level: 'district', sort: 'name' } }, 'atlas-district');
    console.log(`atlas of ${units.length} districts, A4 150 dpi: ${statSync(file).size} bytes, ${Date.now() - t0} ms`);
    const info = run('pdfinfo', [file]);
    assert.match(info, new RegExp(`^Pages:\\s+${units.length}$`, 'm'));
    units.forEach((u, i) => {
      const text = run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-']);
      const first = text.split('\n').find((l) => l.trim())!.trim();
      assert.equal(first, `${u.name_zh} (${u.admin_code})`, `page ${i + 1}`);
      // pdftotext drops the spaces between Chinese characters.
      assert.ok(text.replace(/\s+/g, '').includes(`第${i + 1}/${units.length}页`), text);
    });
    const L = pageLayout({ paper: 'A4', orientation: 'portrait', dpi: 150 });
    const images = run('pdfimages', ['-list', file]).trim().split('\n').slice(2);
    assert.equal(images.length, units.length);
    for (const line of images) assert.deepEqual(line.trim().split(/\s+/).slice(3, 5).map(Number), [L.map.px.width, L.map.px.height]);
  });

  test('the gap report: its title, and the app’s first gap row (unit, scale, rule, measured / target, severity, children) in the PDF', { timeout: LONG * 2 }, async () => {
    await page.getByRole('tab', { name: '规则' }).click();
    await page.getByRole('button', { name: '检查规则' }).click();
    await page.locator('[data-testid="rules-summary"]').waitFor({ timeout: LONG });
    await page.locator('[data-testid="rules-job"]').waitFor({ state: 'detached', timeout: LONG });
    await page.getByRole('group', { name: '规则视图' }).getByRole('button', { name: '缺口', exact: true }).click();
    const row = page.locator('.gap-table tbody tr').first();
    await row.waitFor({ timeout: LONG });
    // The cells as the app shows them, without the verdict and scaled-target notes under them.
    const cells = await row.evaluate((tr) => [...tr.querySelectorAll('td')].map((td) => {
      const c = td.cloneNode(true) as HTMLElement;
      c.querySelectorAll('div').forEach((d) => d.remove());
      return (c.textContent ?? '').trim();
    }));
    assert.equal(cells.length, 6, cells.join(' | '));
    const gapCount = Number(await page.getByTestId('gap-count').getAttribute('data-count'));
    await shot(page, 'export-gap-table-zh');
    const file = await exportPdf({ title: '合成港城 缺口报告', kind: 'report' }, 'gap-report');
    const text = run('pdftotext', ['-layout', file, '-']);
    assert.ok(text.includes('合成港城 缺口报告'), text.slice(0, 300));
    const flat = (x: string) => x.replace(/\s+/g, '');
    // The gap table's heading counts every failing record, as the app's gap table does.
    assert.ok(flat(text).includes(flat(`差距（${gapCount} 条未达标记录）`)), `gap heading with ${gapCount}`);
    const [unit, scale, rule, measured, severity, children] = cells.map(flat);
    // A long rule name is cut to its column with '…' in the PDF: its first characters, then the rest or '…'.
    const line = text.split('\n').map(flat).find((l) => l.includes(unit!) && l.includes(`${scale}${rule!.slice(0, 6)}`) && l.includes(measured!) && l.endsWith(`${severity}${children}`));
    assert.ok(line, `no PDF row for ${cells.join(' | ')}`);
    console.log(`gap report: ${run('pdfinfo', [file]).match(/Pages:\s+(\d+)/)![1]} pages, ${gapCount} gaps; row: ${cells.join(' | ')}`);
  });
});

function parsePgm(buf: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = buf.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)!;
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, pixels: buf.subarray(m[0].length, m[0].length + width * height) };
}
