import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch, layers, openApp, type AppPage, pixelDiff, pixelStats, settle, shot } from './helpers/browser';
import { manifest } from './helpers/files';

describe('demo city', () => {
  let browser: Browser;
  let app: AppPage;
  // One page for both tests: opening the app costs most of the time on software WebGL.
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
});
