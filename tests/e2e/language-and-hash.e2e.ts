import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch, openApp, pixelDiff, settle, shot, WAIT } from './helpers/browser';
import { manifest } from './helpers/files';

describe('language and URL', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  const CJK = /[\u4e00-\u9fff]/;

  test('switching to Chinese translates the panel and the map labels', { timeout: 90_000 }, async () => {
    const { page, problems } = await openApp(browser);
    const m = manifest();
    const map = page.getByTestId('map');
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
    await page.close();
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
