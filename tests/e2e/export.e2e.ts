/**
 * Export for print (issue 10) on the demo city in Chromium, checked with poppler: the PDF's fonts are
 * embedded subsets (pdffonts), its Chinese title and legend labels are real text (pdftotext), the map is an
 * image of the frame's pixel size from core/print's layout (pdfimages), and the map and title have ink
 * (pdftoppm); the gap report's title, rule names and a gap row equal to the app's gap table (pdftotext);
 * an atlas cancelled during a page; the data zip with the safe routes, twice with the same bytes.
 * One page load for the whole file.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { geojson as fgb } from 'flatgeobuf';
import type { Browser, Page } from 'playwright-core';
import { pageLayout } from '../../src/core/print/page-layout';
import { mmToPt } from '../../src/core/print/paper';
import { launch, layers, openApp, shot } from './helpers/browser';

const LONG = 180_000;
const zh = JSON.parse(readFileSync('src/i18n/locales/zh/common.json', 'utf8')) as { role: Record<string, string>; legend: Record<string, string>; highway: Record<string, string> };
// Two of the demo street network's classes (its file has residential and trunk roads): legend rows only that layer gives.
const streetClasses = [zh.highway.residential, zh.highway.trunk];
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

  type Fields = { title: string; subtitle?: string; dpi?: string; kind?: string; format?: string; paper?: string; orientation?: string; atlas?: { level: string; sort: string; filter?: string; zip?: boolean } };
  async function exportPdf(fields: Fields, name: string): Promise<string> {
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-format').selectOption(fields.format ?? 'pdf');
    if (fields.kind) await page.getByTestId('export-kind').selectOption(fields.kind);
    if (fields.paper) await page.getByTestId('export-paper').selectOption(fields.paper);
    if (fields.orientation) await page.getByTestId('export-orientation').selectOption(fields.orientation);
    if (fields.atlas) {
      await page.getByTestId('export-level').selectOption(fields.atlas.level);
      await page.getByTestId('export-sort').selectOption(fields.atlas.sort);
      if (fields.atlas.filter) await page.getByTestId('export-filter').fill(fields.atlas.filter);
      if (fields.atlas.zip) await page.getByTestId('export-zip').check();
    }
    await page.getByTestId('export-title').fill(fields.title);
    await page.getByTestId('export-subtitle').fill(fields.subtitle ?? '');
    await page.getByTestId('export-date').fill('2026-06-01');
    await page.getByTestId('export-dpi').selectOption(fields.dpi ?? '150');
    await shot(page, `export-dialog-${name}`);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), page.getByTestId('export-start').click()]);
    const file = join(out, `${name}.${fields.atlas?.zip ? 'zip' : (fields.format ?? 'pdf')}`);
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

  /** Names of the layers the legend must list, as the layer list shows them: visible and holding features. */
  const visibleLayerNames = async () => {
    const ids = new Set((await layers(page)).filter((l) => l.visible && l.featureCount > 0).map((l) => l.id));
    await page.getByRole('tab', { name: '图层' }).click();
    return page.locator('li.layer[data-layer-id]').evaluateAll((lis, want) => lis.filter((li) => want.includes(li.getAttribute('data-layer-id')!)).map((li) => li.getAttribute('aria-label')!), [...ids]);
  };

  /** One atlas page checked with poppler: paper in points, the map image at the atlas frame's pixels and dpi, the title, page number and legend. */
  function checkAtlasPage(file: string, p: number, o: { paper: 'A4' | 'A3'; orientation: 'portrait' | 'landscape'; title: string; pageNo: string; legend: string[]; notLegend?: string[] }) {
    const L = pageLayout({ paper: o.paper, orientation: o.orientation, dpi: 150 }, 'atlas');
    const info = run('pdfinfo', ['-f', String(p), '-l', String(p), file]);
    const size = info.match(new RegExp(`^Page\\s+${p} size:\\s+([\\d.]+) x ([\\d.]+) pts`, 'm'));
    assert.ok(size, info);
    // pdfinfo prints up to 3 decimals (595.276); the page is the paper's millimetres in points.
    const want = [mmToPt(L.page.widthMm), mmToPt(L.page.heightMm)];
    assert.ok(Math.abs(Number(size[1]) - want[0]) < 0.01 && Math.abs(Number(size[2]) - want[1]) < 0.01, `page ${p}: ${size[0]}, want ${want.join(' x ')}`);
    const images = run('pdfimages', ['-f', String(p), '-l', String(p), '-list', file]).trim().split('\n').slice(2);
    assert.equal(images.length, 1, images.join('\n'));
    const cols = images[0].trim().split(/\s+/);
    assert.deepEqual(cols.slice(3, 5).map(Number), [L.map.px.width, L.map.px.height], `page ${p} map image`);
    // x-ppi and y-ppi: the image's pixels over its printed size, the asked 150 dpi.
    assert.deepEqual(cols.slice(12, 14).map(Number), [150, 150], images[0]);
    const text = run('pdftotext', ['-f', String(p), '-l', String(p), '-layout', file, '-']);
    assert.equal(text.split('\n').find((l) => l.trim())!.trim(), o.title, `page ${p} title`);
    const flat = text.replace(/\s+/g, '');
    assert.ok(flat.includes(o.pageNo), `page ${p}: ${o.pageNo}`);
    for (const label of o.legend) assert.ok(flat.includes(label.replace(/\s+/g, '')), `page ${p} legend lacks ${label}`);
    for (const label of o.notLegend ?? []) assert.ok(!flat.includes(label.replace(/\s+/g, '')), `page ${p} legend shows the hidden ${label}`);
  }

  test('an atlas of the districts by name, A4 landscape: one page per district, in pinyin order, each titled with its name and code, with the legend', { timeout: LONG * 2 }, async () => {
    // The expected units from the demo's district file itself, sorted here with the runtime's Chinese collation.
    const units: { name_zh: string; admin_code: string }[] = [];
    for await (const f of fgb.deserialize(new Uint8Array(readFileSync('data/demo/units_district.fgb'))) as AsyncGenerator<{ properties: { name_zh: string; admin_code: string } }>) units.push(f.properties);
    const collator = new Intl.Collator('zh', { numeric: true, sensitivity: 'base' });
    units.sort((a, b) => collator.compare(a.name_zh, b.name_zh));
    assert.equal(units.length, 3);
    const legend = [...(await visibleLayerNames()), zh.legend.childNone, ...streetClasses];
    const t0 = Date.now();
    const file = await exportPdf({ title: '合成港城图集', kind: 'atlas', orientation: 'landscape', atlas: { level: 'district', sort: 'name' } }, 'atlas-district');
    console.log(`atlas of ${units.length} districts, A4 landscape 150 dpi: ${statSync(file).size} bytes, ${Date.now() - t0} ms`);
    assert.match(run('pdfinfo', [file]), new RegExp(`^Pages:\\s+${units.length}$`, 'm'));
    units.forEach((u, i) => checkAtlasPage(file, i + 1, { paper: 'A4', orientation: 'landscape', title: `${u.name_zh} (${u.admin_code})`, pageNo: `第${i + 1}/${units.length}页`, legend }));
  });

  test('an atlas of every community cancelled during its second page: heard at once, no download, the print map removed; then a one-page atlas from the same dialog', { timeout: LONG * 2 }, async () => {
    const units: { name_zh: string; admin_code: string }[] = [];
    for await (const f of fgb.deserialize(new Uint8Array(readFileSync('data/demo/units_community.fgb'))) as AsyncGenerator<{ properties: { name_zh: string; admin_code: string } }>) units.push(f.properties);
    assert.ok(units.length > 10, `${units.length} communities`);
    const one = units[0]!;
    let downloads = 0;
    const counted = () => void downloads++;
    page.on('download', counted);
    try {
      await page.getByTestId('export-open').click();
      await page.getByTestId('export-kind').selectOption('atlas');
      await page.getByTestId('export-level').selectOption('community');
      await page.getByTestId('export-sort').selectOption('code');
      await page.getByTestId('export-title').fill('全部社区');
      await page.getByTestId('export-start').click();
      // Cancel while the second page is drawn (the first also compiles the print map's shaders, a long task in
      // software WebGL during which the page takes no click at all).
      await page.locator(`[data-testid="export-progress"] progress[max="${units.length}"][value="1"]`).waitFor({ timeout: LONG });
      await page.getByTestId('export-cancel').click({ timeout: LONG });
      const t0 = Date.now();
      await page.getByTestId('export-cancelled').waitFor({ timeout: LONG });
      const cancelMs = Date.now() - t0;
      await page.locator('[data-print-map]').waitFor({ state: 'detached', timeout: LONG });
      assert.equal(await page.getByTestId('export-progress').count(), 0);
      assert.equal(await page.getByTestId('export-error').count(), 0);
      assert.equal(downloads, 0, 'a cancelled atlas downloads nothing');
      await shot(page, 'export-atlas-cancelled');
      // The same dialog, still open, exports one community (its code as the filter).
      await page.getByTestId('export-filter').fill(one.admin_code);
      const t1 = Date.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), page.getByTestId('export-start').click()]);
      const file = join(out, 'atlas-one.pdf');
      await download.saveAs(file);
      await page.getByTestId('export-done').waitFor({ timeout: LONG });
      const oneMs = Date.now() - t1;
      assert.equal(await page.getByTestId('export-cancelled').count(), 0);
      assert.equal(downloads, 1);
      assert.match(run('pdfinfo', [file]), /^Pages:\s+1$/m);
      assert.ok(run('pdftotext', ['-layout', file, '-']).includes(`${one.name_zh} (${one.admin_code})`), 'the one page is the community asked for');
      // Heard at once, not after the page in hand: well within the time a whole one-page atlas takes.
      console.log(`atlas cancelled in ${cancelMs} ms during page 2 of ${units.length}; a one-page atlas after it: ${oneMs} ms`);
      assert.ok(cancelMs < oneMs / 2, `cancel took ${cancelMs} ms, a one-page atlas ${oneMs} ms`);
      await page.getByRole('button', { name: '关闭' }).click();
    } finally {
      page.off('download', counted);
    }
  });

  test('a zip atlas of the communities filtered by “屿”, A3 portrait, one layer hidden: one {code}_{name}.pdf per unit in name order, legend without the hidden layer', { timeout: LONG * 2 }, async () => {
    const units: { name_zh: string; admin_code: string }[] = [];
    for await (const f of fgb.deserialize(new Uint8Array(readFileSync('data/demo/units_community.fgb'))) as AsyncGenerator<{ properties: { name_zh: string; admin_code: string } }>) units.push(f.properties);
    const chosen = units.filter((u) => u.name_zh.includes('屿') || u.admin_code.includes('屿'));
    chosen.sort((a, b) => new Intl.Collator('zh', { numeric: true, sensitivity: 'base' }).compare(a.name_zh, b.name_zh));
    assert.equal(chosen.length, 2, 'the demo has two communities named with 屿');
    // Hide one drawn layer: the pages' legend must leave it out (the streets: a heading and several classes).
    const all = await layers(page);
    const hidden = all.find((l) => l.role === 'streets' && l.visible && l.featureCount > 0)!;
    assert.ok(hidden, all.map((l) => l.role).join());
    await page.getByRole('tab', { name: '图层' }).click();
    const hiddenName = (await page.locator(`li.layer[data-layer-id="${hidden.id}"]`).getAttribute('aria-label'))!;
    const box = page.getByRole('checkbox', { name: `显示${hiddenName}` });
    await box.uncheck();
    const legend = [...(await visibleLayerNames()), zh.legend.childNone];
    assert.ok(!legend.includes(hiddenName), legend.join());
    const t0 = Date.now();
    let file: string;
    try {
      file = await exportPdf({ title: '屿字社区', kind: 'atlas', paper: 'A3', atlas: { level: 'community', sort: 'name', filter: '屿', zip: true } }, 'atlas-community');
    } finally {
      await box.check();
    }
    console.log(`zip atlas of ${chosen.length} communities, A3 portrait 150 dpi: ${statSync(file).size} bytes, ${Date.now() - t0} ms`);
    // unzip -l: the entries, in the atlas's order, named {code}_{name}.pdf (UTF-8 names, read as such).
    // A UTF-8 locale, as a user's shell has; unzip prints names in the locale's charset.
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    const names = listing.split('\n').map((l) => l.trim().split(/\s+/)).filter((c) => c.length === 4 && c[3].endsWith('.pdf')).map((c) => c[3]);
    assert.deepEqual(names, chosen.map((u) => `${u.admin_code}_${u.name_zh}.pdf`), listing);
    const dir = join(out, 'atlas-community');
    execFileSync('unzip', ['-q', '-o', '-d', dir, file], { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    chosen.forEach((u, i) => {
      const pdf = join(dir, names[i]);
      assert.match(run('pdfinfo', [pdf]), /^Pages:\s+1$/m);
      checkAtlasPage(pdf, 1, { paper: 'A3', orientation: 'portrait', title: `${u.name_zh} (${u.admin_code})`, pageNo: '第1/1页', legend, notLegend: [hiddenName, ...streetClasses] });
    });
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

  test('data: after safe routes, the demo as GeoJSON, CSV and GeoPackage in one zip whose files are the manifest’s, with every home, the rule check’s gaps and the safe routes; the same date gives the same bytes', { timeout: LONG * 2 }, async () => {
    const homes = (await layers(page)).find((l) => l.role === 'homes')!;
    // Safe routes on the shown run (the rule check's, from the test before): their layers join the export.
    const tSafe = Date.now();
    await page.getByRole('tab', { name: '安全路线' }).click();
    await page.getByRole('button', { name: '计算安全路线' }).click();
    await page.getByTestId('safety-summary').waitFor({ timeout: LONG });
    const safety = (await page.evaluate(() => window.__cfc!.safety()))!;
    assert.equal(safety.status, 'done');
    const safeMs = Date.now() - tSafe;
    // Back to the layers: the safety overlay is drawn only while its panel is open (software WebGL is slow).
    await page.getByRole('tab', { name: '图层' }).click();
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    async function exportData(name: string): Promise<string> {
      await page.getByTestId('export-open').click();
      await page.getByTestId('export-kind').selectOption('data');
      await page.getByRole('dialog', { name: '导出数据' }).waitFor();
      await page.getByTestId('export-data-fgb').uncheck();
      await page.getByTestId('export-data-date').fill('2026-06-01');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), page.getByTestId('export-start').click()]);
      const file = join(out, name);
      await download.saveAs(file);
      await page.getByTestId('export-done').waitFor({ timeout: LONG });
      return file;
    }
    const t0 = Date.now();
    const file = await exportData('data.zip');
    await shot(page, 'export-data-done');
    await page.getByRole('button', { name: '关闭' }).click();
    const dataMs = Date.now() - t0;
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    const names = listing.split('\n').map((l) => l.trim().split(/\s+/)).filter((c) => c.length === 4 && /^\d+$/.test(c[0]) && c[3].includes('.')).map((c) => c[3]);
    const dir = join(out, 'data');
    execFileSync('unzip', ['-q', '-o', '-d', dir, file]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { date: string; files: { name: string; format: string; layer: string; features: number; bytes: number }[] };
    assert.equal(manifest.date, '2026-06-01');
    assert.deepEqual(names, [...new Set(manifest.files.map((f) => f.name)), 'manifest.json'], listing);
    assert.deepEqual([...new Set(manifest.files.map((f) => f.format))], ['geojson', 'csv', 'gpkg']);
    for (const f of manifest.files) assert.equal(statSync(join(dir, f.name)).size, f.bytes, f.name);
    const layerNames = new Set(manifest.files.map((f) => f.layer));
    const safeLayers = ['safe_routes', 'street_safety', 'hotspots_crossings', 'hotspots_segments', 'safe_routes_units'];
    for (const l of ['input_homes', 'access', 'coverage', 'gaps', 'scorecards', ...safeLayers]) assert.ok(layerNames.has(l), `no ${l} in ${[...layerNames].join()}`);
    for (const l of safeLayers) assert.deepEqual(manifest.files.filter((f) => f.layer === l).map((f) => f.format), ['geojson', 'csv', 'gpkg'], l);
    const homesJson = JSON.parse(readFileSync(join(dir, 'input_homes.geojson'), 'utf8')) as { features: unknown[] };
    assert.equal(homesJson.features.length, homes.featureCount);
    assert.equal(manifest.files.find((f) => f.name === 'cfc-planner.gpkg' && f.layer === 'input_homes')?.features, homes.featureCount);
    // One safe-route row per home of the run, as many routed (ok) as the store holds; the way hotspots the store's.
    type Props = { properties: Record<string, unknown> };
    const routes = (JSON.parse(readFileSync(join(dir, 'safe_routes.geojson'), 'utf8')) as { features: Props[] }).features;
    assert.equal(routes.length, manifest.files.find((f) => f.name === 'access.geojson')!.features);
    assert.equal(routes.filter((f) => f.properties['status'] === 'ok').length, safety.homesOk);
    assert.equal(manifest.files.find((f) => f.name === 'hotspots_segments.geojson')!.features, safety.wayHotspots);
    const crossings = (JSON.parse(readFileSync(join(dir, 'hotspots_crossings.geojson'), 'utf8')) as { features: Props[] }).features;
    assert.deepEqual(crossings.slice(0, safety.crossingHotspots.length).map((f) => [f.properties['routes'], f.properties['roads']]), safety.crossingHotspots.map((c) => [c.routes, c.roads.join(';')]));
    // Same date, same bytes: the zip again.
    const t1 = Date.now();
    const again = await exportData('data-again.zip');
    await page.getByRole('button', { name: '关闭' }).click();
    assert.equal(sha(again), sha(file));
    console.log(`safe routes ${safeMs} ms; data export: ${names.length - 1} files, ${layerNames.size} layers, ${statSync(file).size} bytes, ${dataMs} ms; again, same sha256 ${sha(file).slice(0, 12)}…: ${Date.now() - t1} ms`);
  });
});

function parsePgm(buf: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = buf.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)!;
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, pixels: buf.subarray(m[0].length, m[0].length + width * height) };
}
