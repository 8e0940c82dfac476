/**
 * A project naming a remote basemap (issue 13): nothing is requested until the user says Load in this
 * session; Keep offline makes no request at all; a remote style that fails is reported and the map falls
 * back to the offline basemap with the opened project's layers (never the previous project's); a
 * consented style that loads is drawn under our layers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launch, openApp, shot, WAIT } from './helpers/browser';

const REMOTE = 'https://tiles.example.test/styles/basic/style.json';
const fixture = JSON.parse(readFileSync('tests/e2e/fixtures/project-v1.cfc.json', 'utf8')) as { settings: Record<string, unknown> };
const projectWith = (url: string) => Buffer.from(JSON.stringify({ ...fixture, name: 'Remote basemap project', settings: { ...fixture.settings, basemapStyleUrl: url } }));

async function openProject(page: Page, url: string) {
  await page.getByTestId('project-input').setInputFiles({ name: 'remote.cfc.json', mimeType: 'application/json', buffer: projectWith(url) });
  await page.waitForFunction(() => window.__cfc!.layers().some((l) => l.id.startsWith('homes-1')), null, { timeout: WAIT });
}
const drawnIds = (page: Page) => page.evaluate(() => window.__cfc!.layers().filter((l) => l.drawn?.visible).map((l) => l.id));
const styleOrder = (page: Page) => page.evaluate(() => window.__cfc!.styleOrder());

describe('remote basemap consent', () => {
  let browser: Browser;
  let page: Page;
  let remoteRequests: string[];
  const routed: string[] = [];

  before(async () => {
    browser = await launch();
    ({ page, remoteRequests } = await openApp(browser, { readyTimeout: 180_000 }));
    // Anything that does get through to the network layer is answered here, never by the internet.
    await page.route('https://tiles.example.test/**', (route) => {
      routed.push(route.request().url());
      return route.fulfill({ status: 404, body: 'not here' });
    });
  });
  after(async () => {
    await browser?.close();
  });

  test('opening the project asks first, naming the host as text; Keep offline requests nothing', { timeout: 90_000 }, async () => {
    await openProject(page, REMOTE);
    const dialog = page.getByRole('dialog', { name: 'Remote basemap' });
    await dialog.waitFor({ timeout: WAIT });
    assert.match(await dialog.innerText(), /This project uses a remote basemap at tiles\.example\.test\. Load it\?/);
    assert.deepEqual(remoteRequests, [], 'nothing was requested before the answer');
    await shot(page, 'basemap-consent-dialog');
    await dialog.getByRole('button', { name: 'Keep offline basemap' }).click();
    await dialog.waitFor({ state: 'detached', timeout: WAIT });
    await page.evaluate(() => window.__cfc!.whenDrawn());
    // The opened project's layers are drawn on the offline basemap; the demo's are gone.
    assert.deepEqual(await drawnIds(page), ['homes-1']);
    assert.equal((await styleOrder(page))[0], 'background');
    await page.waitForTimeout(1000);
    assert.deepEqual(remoteRequests, []);
    assert.deepEqual(routed, []);
  });

  test('Load on a style that fails: a clear error, and the offline basemap with this project’s layers', { timeout: 90_000 }, async () => {
    await page.getByRole('tab', { name: 'Layers' }).click();
    const settings = page.locator('.basemap-settings');
    await settings.locator('summary').click();
    const note = settings.locator('.basemap-not-loaded');
    assert.match(await note.innerText(), /remote basemap at tiles\.example\.test; it is not loaded/);
    await note.getByRole('button', { name: 'Load' }).click();
    const alert = page.getByRole('alert').locator('.alert').filter({ hasText: 'could not be loaded' });
    await alert.waitFor({ timeout: WAIT });
    assert.match(await alert.innerText(), /The remote basemap at https:\/\/tiles\.example\.test\/styles\/basic\/style\.json could not be loaded/);
    await page.evaluate(() => window.__cfc!.whenDrawn());
    assert.equal((await styleOrder(page))[0], 'background', 'the offline basemap is back');
    assert.deepEqual(await drawnIds(page), ['homes-1']);
    await shot(page, 'basemap-remote-failed');
    // Declined again: the dialog does not nag, the note offers Load again.
    assert.equal(await page.getByRole('dialog', { name: 'Remote basemap' }).count(), 0);
    await note.waitFor({ timeout: WAIT });
  });
});

describe('remote basemap consented and served (CSP bypassed: the build lists no remote origin)', () => {
  let browser: Browser;
  after(async () => {
    await browser?.close();
  });

  test('after Load the remote style is drawn under the project’s layers', { timeout: 300_000 }, async () => {
    browser = await launch();
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('https://tiles.example.test/**', (route) => route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ version: 8, sources: {}, layers: [{ id: 'remote-background', type: 'background', paint: { 'background-color': '#d0e4f0' } }] }),
    }));
    const url = new URL(BASE_URL);
    url.searchParams.set('e2e', '1');
    url.searchParams.set('lang', 'en');
    await page.goto(url.href);
    // The machine is shared: give the first draw more than the usual minute.
    await page.waitForFunction(() => window.__cfc?.ready === true, null, { timeout: 180_000 });
    await openProject(page, REMOTE);
    const dialog = page.getByRole('dialog', { name: 'Remote basemap' });
    await dialog.getByRole('button', { name: 'Load', exact: true }).click();
    await page.waitForFunction(() => window.__cfc!.styleOrder()[0] === 'remote-background', null, { timeout: WAIT });
    await page.evaluate(() => window.__cfc!.whenDrawn());
    assert.deepEqual(await drawnIds(page), ['homes-1']);
    assert.equal(await page.getByRole('alert').locator('.alert').count(), 0);
    await shot(page, 'basemap-remote-loaded');
  });
});
