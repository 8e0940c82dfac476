import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch, layers, openApp, type AppPage, pixelDiff, pixelStats, settle, shot, WAIT } from './helpers/browser';
import { manifest } from './helpers/files';

describe('demo city, language and URL', () => {
  let browser: Browser;
  let app: AppPage;
  // One page for the first three tests, in order (the language switch last): opening the app costs most of
  // the time on software WebGL. The URL-hash test needs a start with a hash, so it opens its own page.
  before(async () => {
    browser = await launch();
    app = await openApp(browser);
  });
  after(async () => {
    await browser?.close();
  });

  test('the demo city is drawn, every demo layer is listed with its feature count, offline', { timeout: 90_000 }, async () => {
    const { page, problems, remoteRequests } = app;
    const m = manifest();
    const map = page.getByTestId('map');
    const png = await shot(page, 'demo-city');
    const stats = await pixelStats(page, await map.screenshot());
    assert.ok(stats.colours > 60, `map canvas looks blank: ${stats.colours} colours`);

    await page.getByRole('note').filter({ hasText: m.name.en }).waitFor();
    assert.match(await page.getByRole('note').innerText(), /synthetic/i);
    const list = page.locator('.layer-list > li');
    assert.equal(await list.count(), m.layers.length);
    for (const l of m.layers) {
      const item = page.getByRole('listitem', { name: l.name.en, exact: true });
      await item.waitFor();
      assert.match(await item.locator('.layer-count').innerText(), new RegExp(`^${l.featureCount} features?$`));
    }
    const drawn = await layers(page);
    assert.deepEqual(drawn.map((l) => l.featureCount), m.layers.map((l) => l.featureCount));
    assert.ok(drawn.every((l) => l.drawn?.visible), JSON.stringify(drawn));
    assert.deepEqual(remoteRequests, [], 'no request leaves the machine');
    assert.deepEqual(problems, []);
    assert.ok(png.length > 0);
  });

  test('a layer toggled off and on: the renderer state and the pixels follow', { timeout: 90_000 }, async () => {
    const { page } = app;
    const map = page.getByTestId('map');
    const homes = manifest().layers.find((l) => l.role === 'homes')!;
    const streets = manifest().layers.find((l) => l.role === 'streets')!;
    const before = await map.screenshot();

    for (const l of [homes, streets]) {
      const box = page.getByRole('checkbox', { name: `Show ${l.name.en}` });
      // Homes by mouse, streets by keyboard (focus + Space), as a keyboard user would.
      if (l === homes) await box.uncheck();
      else {
        await box.focus();
        await page.keyboard.press('Space');
      }
      await settle(page);
      const off = (await layers(page)).find((x) => x.name === l.name.en)!;
      assert.equal(off.visible, false);
      assert.equal(off.drawn?.visible, false, `${l.name.en} still drawn by ${off.drawn?.engine}`);
      const hidden = await shot(map, `toggle-${l.role}-off`);
      const diff = await pixelDiff(page, before, hidden);
      assert.ok(diff > 0.005, `hiding ${l.name.en} changed only ${(diff * 100).toFixed(2)}% of the map`);
      await box.check();
      await settle(page);
      assert.equal((await layers(page)).find((x) => x.name === l.name.en)!.drawn?.visible, true);
      const back = await map.screenshot();
      assert.ok((await pixelDiff(page, before, back)) < 0.002, `${l.name.en} did not come back as before`);
    }
    // Undo restores the last toggle's previous state (hidden), redo shows it again.
    await page.getByRole('button', { name: 'Undo' }).click();
    assert.equal(await page.getByRole('checkbox', { name: `Show ${streets.name.en}` }).isChecked(), false);
    await page.getByRole('button', { name: 'Redo' }).click();
    assert.equal(await page.getByRole('checkbox', { name: `Show ${streets.name.en}` }).isChecked(), true);
  });

  const CJK = /[\u4e00-\u9fff]/;

  test('switching to Chinese translates the panel and the map labels', { timeout: 90_000 }, async () => {
    // On the shared page after the toggle test, which leaves every layer shown as at the start.
    const { page, problems } = app;
    const m = manifest();
    const map = page.getByTestId('map');
    await settle(page); // the toggle test's redo redraws the streets
    const english = await map.screenshot();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '图层' }).waitFor({ timeout: WAIT });
    await settle(page);
    assert.equal(await page.getByRole('button', { name: '中文' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    for (const l of m.layers) await page.getByRole('listitem', { name: l.name.zh, exact: true }).waitFor();
    assert.match(await page.getByRole('note').innerText(), new RegExp(m.name.zh.slice(0, 4)));
    assert.match(await page.getByRole('toolbar').innerText(), /打开文件/);
    // Legends and roles are translated too.
    const units = page.getByRole('listitem', { name: m.layers.find((l) => l.role === 'district')!.name.zh, exact: true });
    assert.equal(await units.getByLabel('用途').locator('option:checked').innerText(), '区');

    // Map labels: the label layers now prefer name_zh, labels with Chinese names are placed, and the pixels changed.
    const labels = await page.evaluate(() => {
      const map = window.__cfc!.map();
      const ids = window.__cfc!.styleOrder().filter((id) => id.endsWith(':label'));
      const field = JSON.stringify(map.getLayoutProperty(ids[0], 'text-field'));
      const placed = map.queryRenderedFeatures({ layers: ids }).map((f) => String(f.properties.name_zh ?? ''));
      return { field, placed };
    });
    assert.match(labels.field, /^\["coalesce",\["get","name_zh"\]/);
    assert.ok(labels.placed.filter((n) => CJK.test(n)).length >= 5, `few Chinese labels placed: ${labels.placed.slice(0, 5)}`);
    const chinese = await shot(page, 'chinese');
    await shot(map, 'chinese-map');
    assert.ok((await pixelDiff(page, english, await map.screenshot())) > 0.002, 'labels did not change');
    assert.ok(chinese.length > 0);
    assert.deepEqual(problems, []);
  });

  test('the URL hash restores a view and follows the map', { timeout: 90_000 }, async () => {
    const [lng, lat] = manifest().center;
    const hash = `#map=16/${(lat + 0.004).toFixed(4)}/${(lng - 0.006).toFixed(4)}`;
    const { page } = await openApp(browser, { hash });
    const view = (await page.evaluate(() => window.__cfc!.state().view)) as { zoom: number; lat: number; lng: number };
    assert.ok(Math.abs(view.zoom - 16) < 0.01, `zoom ${view.zoom}`);
    assert.ok(Math.abs(view.lat - (lat + 0.004)) < 1e-4 && Math.abs(view.lng - (lng - 0.006)) < 1e-4, JSON.stringify(view));
    assert.equal(await page.evaluate(() => location.hash), hash);
    await shot(page, 'hash-view');

    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#map=17/'), null, { timeout: WAIT });

    // Editing the hash moves the map (as on openstreetmap.org).
    await page.evaluate((h) => (location.hash = h), hash);
    await page.waitForFunction(() => Math.abs((window.__cfc!.state().view as { zoom: number }).zoom - 16) < 0.01, null, { timeout: WAIT });
    await page.close();
  });
});
