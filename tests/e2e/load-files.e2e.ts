import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, layers, openApp, pixelDiff, settle, shot, WAIT } from './helpers/browser';
import { answerDemoChoice, dropFiles, HOSTILE, manifest, playgrounds } from './helpers/files';

describe('loading files', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const dialogs: string[] = [];

  before(async () => {
    browser = await launch();
    ({ page, problems } = await openApp(browser));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  after(async () => {
    await browser?.close();
  });

  const count = (p: Page) => p.locator('.layer-list > li').count();

  test('a GeoJSON file picked with the file input becomes a layer drawn on the map', { timeout: 60_000 }, async () => {
    const m = manifest();
    const map = page.getByTestId('map');
    const beforePng = await map.screenshot();
    await page.getByTestId('file-input').setInputFiles({
      name: 'test-playgrounds.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(playgrounds(m.center))),
    });
    await answerDemoChoice(page, 'Add to the demo');
    const item = page.getByRole('listitem', { name: 'test-playgrounds.geojson', exact: true });
    await item.waitFor({ timeout: WAIT });
    assert.match(await item.locator('.layer-count').innerText(), /^3 features$/);
    assert.equal(await count(page), m.layers.length + 1);
    // The new layer is on top, and its role select shows the role the loader guessed.
    assert.equal(await page.locator('.layer-list > li').first().getAttribute('aria-label'), 'test-playgrounds.geojson');
    const role = await item.getByLabel('Role').inputValue();
    assert.ok(role.length > 0);
    // The field-mapping step opens with the guessed role; Escape keeps the guess.
    const mapping = page.getByRole('dialog', { name: 'Field mapping: test-playgrounds.geojson' });
    await mapping.waitFor({ timeout: WAIT });
    assert.equal(await mapping.getByLabel('Role').inputValue(), role);
    await page.keyboard.press('Escape');
    await mapping.waitFor({ state: 'detached', timeout: WAIT });
    assert.equal(await item.getByLabel('Role').inputValue(), role);
    await settle(page);
    const added = (await layers(page)).find((l) => l.name === 'test-playgrounds.geojson')!;
    assert.equal(added.drawn?.visible, true);
    const afterPng = await shot(map, 'geojson-loaded');
    assert.ok((await pixelDiff(page, beforePng, afterPng)) > 0.0003, 'the new points changed no pixels');
  });

  test('a broken file shows a specific error naming it, and earlier layers stay', { timeout: 60_000 }, async () => {
    const before = await layers(page);
    await dropFiles(page, [{ name: 'broken-city.geojson', text: '{"type": "FeatureCollection", "features": [ {"type": "Feat', type: 'application/json' }]);
    await answerDemoChoice(page, 'Add to the demo');
    const alert = page.getByRole('alert');
    await alert.getByText('broken-city.geojson').first().waitFor({ timeout: WAIT });
    const text = await alert.innerText();
    assert.match(text, /broken-city\.geojson/);
    assert.doesNotMatch(text, /error code/i, `expected a specific message, got: ${text}`);
    await shot(page, 'broken-file-error');
    const afterLoad = await layers(page);
    assert.deepEqual(afterLoad.map((l) => [l.id, l.featureCount, l.visible]), before.map((l) => [l.id, l.featureCount, l.visible]));
    await alert.getByRole('button', { name: /Dismiss/ }).click();
    assert.equal(await alert.locator('.alert').count(), 0);
  });

  test('hostile attribute text is shown as text in the feature inspector', { timeout: 60_000 }, async () => {
    const id = (await layers(page)).find((l) => l.name === 'test-playgrounds.geojson')!.id;
    const point = await page.evaluate((layerId) => window.__cfc!.featurePoint(layerId, 1), id);
    assert.ok(point, 'the hostile feature is on screen');
    await page.mouse.click(point[0], point[1]);
    const inspector = page.getByRole('region', { name: 'Feature' });
    await inspector.waitFor({ timeout: WAIT });
    const cell = inspector.getByRole('row', { name: /^name/ }).getByRole('cell');
    assert.equal(await cell.innerText(), HOSTILE);
    assert.equal(await inspector.getByRole('row', { name: /^note/ }).getByRole('cell').innerText(), '<b>bold?</b>');
    assert.equal(await page.locator('.inspector img, .inspector b').count(), 0, 'attribute text became markup');
    await shot(page, 'hostile-inspector');
    assert.deepEqual(dialogs, []);
    await inspector.getByRole('button', { name: 'Close the feature details' }).click();
    assert.equal(await page.locator('.inspector').count(), 0);
    assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
  });

  test('zoom to a layer, remove it, and undo the removal', { timeout: 60_000 }, async () => {
    const name = 'test-playgrounds.geojson';
    const item = page.getByRole('listitem', { name, exact: true });
    const zoomBefore = ((await page.evaluate(() => window.__cfc!.state().view)) as { zoom: number }).zoom;
    await item.getByRole('button', { name: 'Zoom to' }).click();
    await page.waitForFunction((z) => (window.__cfc!.state().view as { zoom: number }).zoom > z + 1, zoomBefore, { timeout: WAIT });
    const n = await count(page);
    await item.getByRole('button', { name: `Remove ${name}` }).click();
    await item.waitFor({ state: 'detached' });
    assert.equal(await count(page), n - 1);
    assert.equal((await layers(page)).some((l) => l.name === name), false);
    await page.getByRole('button', { name: 'Undo' }).click();
    await item.waitFor();
    assert.equal(await count(page), n);
    await settle(page);
    assert.equal((await layers(page)).find((l) => l.name === name)?.drawn?.visible, true);
  });

  test('a large file shows a progress bar and can be cancelled, adding nothing', { timeout: 60_000 }, async () => {
    const n = await count(page);
    // ~25 MB of GeoJSON built in the page, so the worker needs a while to read it.
    await page.evaluate(() => {
      const parts: string[] = [];
      for (let i = 0; i < 200_000; i++) {
        parts.push(`{"type":"Feature","properties":{"i":${i},"pad":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},"geometry":{"type":"Point","coordinates":[${114 + (i % 500) * 1e-4},${22.5 + Math.floor(i / 500) * 1e-4}]}}`);
      }
      // The Cancel button is clicked from inside the page the moment the job appears: a click from the
      // test process can arrive after the worker has finished on a busy machine, and then test nothing.
      new MutationObserver((_, obs) => {
        const job = [...document.querySelectorAll('.job')].find((j) => j.textContent?.includes('huge.geojson'));
        const cancel = job?.querySelector('button');
        if (!cancel) return;
        obs.disconnect();
        (window as unknown as { __cancelSeen: boolean }).__cancelSeen = !!job!.querySelector('progress');
        cancel.click();
      }).observe(document.body, { subtree: true, childList: true });
      const dt = new DataTransfer();
      dt.items.add(new File([`{"type":"FeatureCollection","features":[${parts.join(',')}]}`], 'huge.geojson', { type: 'application/json' }));
      const target = document.querySelector('[data-testid="dropzone"]')!;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    });
    await answerDemoChoice(page, 'Add to the demo');
    await page.waitForFunction(() => (window as unknown as { __cancelSeen?: boolean }).__cancelSeen !== undefined, null, { timeout: WAIT });
    assert.equal(await page.evaluate(() => (window as unknown as { __cancelSeen: boolean }).__cancelSeen), true, 'the job showed no progress bar');
    await page.getByRole('progressbar', { name: /huge\.geojson/ }).waitFor({ state: 'detached', timeout: WAIT });
    assert.equal(await count(page), n);
    assert.equal(await page.getByRole('alert').locator('.alert').count(), 0);
  });
});
