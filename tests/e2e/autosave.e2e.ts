/**
 * Autosave (issue 13, item 10): files loaded in place of the demo, edited (a layer moved, one hidden, the
 * Access panel open, the map moved) come back after a reload and in a new tab without the URL's view,
 * read from IndexedDB; New project clears the autosave so a reload starts the demo; a corrupted record
 * gives the demo and one message, and is kept aside in IndexedDB, not deleted. Each page is its own browser
 * context, so IndexedDB starts empty. A demo load costs ~10 s of CPU on software WebGL, so two pages are shared,
 * in the order written: New project continues on the reload test's page (its files are already autosaved),
 * and the Chinese message is read on the junk test's page before that test's closing reload. A second tab of
 * the reload test's context checks that only one tab keeps the session.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launch, layers, openApp, settle, shot, waitReady, WAIT } from './helpers/browser';
import { answerDemoChoice, manifest, playgrounds } from './helpers/files';

/** The demo city under software GL on a shared machine can take minutes to first draw. */
const READY = 180_000;

/** Page-side IndexedDB access as source text: tsx would wrap named functions in a helper the page lacks. */
const idb = (op: 'get' | 'keys' | 'put', key = '', value: unknown = null) => `(async () => {
  const db = await new Promise((ok, no) => { const r = indexedDB.open('cfc-planner-autosave', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('records'); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
  const tx = db.transaction('records', ${JSON.stringify(op === 'put' ? 'readwrite' : 'readonly')});
  const os = tx.objectStore('records');
  const req = ${op === 'get' ? `os.get(${JSON.stringify(key)})` : op === 'keys' ? 'os.getAllKeys()' : `os.put(${JSON.stringify(value)}, ${JSON.stringify(key)})`};
  const out = await new Promise((ok, no) => { req.onsuccess = () => ok(req.result); req.onerror = () => no(req.error); });
  await new Promise((ok) => { tx.oncomplete = ok; });
  db.close();
  return out;
})()`;

interface Stored { doc: string; view: { zoom: number; lat: number; lng: number } | null; openPanel: string; layers: { id: string }[] }
const stored = (page: Page) => page.evaluate(idb('get', 'current')) as Promise<Stored | undefined>;
const storedKeys = (page: Page) => page.evaluate(idb('keys')) as Promise<string[]>;

/** Waits until the autosave holds what `ok` expects (writes follow edits after a short quiet time). */
async function waitStored(page: Page, ok: (s: Stored | undefined) => boolean, what: string) {
  const t0 = Date.now();
  let last: Stored | undefined;
  while (Date.now() - t0 < WAIT) {
    last = await stored(page);
    if (ok(last)) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`autosave never held ${what}; last: ${JSON.stringify(last)?.slice(0, 400)}`);
}

/**
 * Writes `value` as the autosave before the app starts: the page first opens a static file of the app's
 * origin (same IndexedDB, no app), so the app's first start already finds the record (one load, not two).
 */
const seed = (value: unknown) => async (page: Page) => {
  await page.goto(new URL('favicon.svg', BASE_URL).href);
  await page.evaluate(idb('put', 'current', value));
};

const homes = (center: [number, number]) => ({
  type: 'FeatureCollection',
  features: [0, 1, 2, 3].map((i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [center[0] + 0.002 * i, center[1] - 0.001 * i] }, properties: { children_0_3: i + 1 } })),
});

const summary = async (page: Page) => (await layers(page)).map((l) => ({ name: l.name, visible: l.visible, featureCount: l.featureCount }));
const selectedTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').innerText();

/** Loads two small files in place of the demo and closes the field-mapping dialogs. */
async function loadOwnFiles(page: Page) {
  const m = manifest();
  await page.getByTestId('file-input').setInputFiles([
    { name: 'autosave-homes.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(homes(m.center))) },
    { name: 'autosave-playgrounds.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(playgrounds(m.center))) },
  ]);
  await answerDemoChoice(page, 'Replace the demo');
  await page.waitForFunction(() => window.__cfc!.layers().length === 2, null, { timeout: WAIT });
  for (let open = 2; open > 0; open--) {
    await page.getByRole('dialog', { name: /^Field mapping:/ }).waitFor({ timeout: WAIT });
    await page.keyboard.press('Escape');
    await page.waitForFunction((k) => document.querySelectorAll('dialog[open]').length < k, open, { timeout: WAIT });
  }
  await settle(page);
}

describe('autosave', () => {
  let browser: Browser;
  /** The reload test's page, its files autosaved: the New project test goes on from there. */
  let saved: { page: Page; problems: string[] } | undefined;
  /** The junk test's page, showing its message: the translation test reads it there. */
  let junkPage: Page | undefined;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a reload reopens the files, the edits, the panel and the view; so does a new tab without the URL view; the demo stays away', { timeout: 240_000 }, async () => {
    const { page, problems } = await openApp(browser, { readyTimeout: READY });
    await settle(page);
    assert.deepEqual(await storedKeys(page), [], 'the untouched demo is not kept');
    await loadOwnFiles(page);

    // Edits: the homes move up, the playgrounds are hidden, the Access panel opens, the map moves.
    await page.getByRole('button', { name: 'Move autosave-homes.geojson up' }).click();
    await page.getByLabel('Show autosave-playgrounds.geojson').uncheck();
    await page.getByRole('tab', { name: 'Access' }).click();
    const m = manifest();
    const target = { zoom: 15.25, lat: m.center[1] - 0.0011, lng: m.center[0] + 0.0023 };
    await page.evaluate((v) => window.__cfc!.map().jumpTo({ center: [v.lng, v.lat], zoom: v.zoom }), target);
    await settle(page);
    const before = await summary(page);
    assert.deepEqual(before, [
      { name: 'autosave-playgrounds.geojson', visible: false, featureCount: 3 },
      { name: 'autosave-homes.geojson', visible: true, featureCount: 4 },
    ]);
    const rec = await waitStored(page, (s) => !!s && s.openPanel === 'analysis' && Math.abs((s.view?.zoom ?? 0) - target.zoom) < 1e-6
      && /"visible": false/.test(s.doc), 'the edits');
    assert.equal(rec!.layers.length, 2);
    const layerRecords = (await storedKeys(page)).filter((k) => k.startsWith('layer:')).sort();
    assert.equal(layerRecords.length, 2);
    await shot(page, 'autosave-before-reload');

    const t0 = Date.now();
    await page.reload();
    await waitReady(page, READY);
    await settle(page);
    console.log(`reload to reopened and drawn: ${Date.now() - t0} ms`);
    assert.deepEqual(await summary(page), before);
    assert.equal(await page.getByTestId('demo-notice').count(), 0);
    assert.equal(await selectedTab(page), 'Access');
    const view = (await page.evaluate(() => window.__cfc!.state().view)) as { zoom: number; lat: number; lng: number };
    assert.ok(Math.abs(view.zoom - target.zoom) < 0.01 && Math.abs(view.lat - target.lat) < 1e-4 && Math.abs(view.lng - target.lng) < 1e-4, JSON.stringify(view));
    assert.deepEqual(await page.locator('[role="alert"] .alert').count(), 0);
    await shot(page, 'autosave-after-reload');

    // An edit after the reload is kept too; a new tab (no view in the URL) opens where the user was.
    await page.getByRole('tab', { name: 'Layers' }).click();
    await page.getByLabel('Show autosave-playgrounds.geojson').check();
    await waitStored(page, (s) => !!s && s.openPanel === 'layers' && !/"visible": false/.test(s.doc), 'the edit after the reload');
    // The reopened layers' data did not change: their records were not written again.
    assert.deepEqual((await storedKeys(page)).filter((k) => k.startsWith('layer:')).sort(), layerRecords);
    const url = new URL(BASE_URL);
    url.searchParams.set('e2e', '1');
    url.searchParams.set('lang', 'en');
    await page.goto(url.href);
    await waitReady(page, READY);
    await settle(page);
    assert.deepEqual(await summary(page), before.map((l) => ({ ...l, visible: true })));
    const view2 = (await page.evaluate(() => window.__cfc!.state().view)) as { zoom: number; lat: number; lng: number };
    assert.ok(Math.abs(view2.zoom - target.zoom) < 0.01 && Math.abs(view2.lat - target.lat) < 1e-4, JSON.stringify(view2));
    assert.deepEqual(problems, []);
    saved = { page, problems };
  });

  test("a second tab does not overwrite the first tab's autosave; it can take over, and the first keeps it again when the second closes", { timeout: 240_000 }, async () => {
    assert.ok(saved, "runs after the reload test, on its page (two autosaved files, this tab keeps the session)");
    const a = saved.page;
    const notice = (page: Page) => page.getByTestId('autosave-tab-notice');
    await a.getByRole('tab', { name: 'Rules' }).click();
    await waitStored(a, (s) => s?.openPanel === 'rules', "the first tab's edit");

    // A second tab of the same browser reopens the session and says that it does not keep it.
    const b = await a.context().newPage();
    const url = new URL(BASE_URL);
    url.searchParams.set('e2e', '1');
    url.searchParams.set('lang', 'en');
    await b.goto(url.href);
    await waitReady(b, READY);
    await notice(b).waitFor({ timeout: WAIT });
    assert.match(await notice(b).innerText(), /also open in another tab/);
    assert.equal(await notice(a).count(), 0);
    assert.equal(await selectedTab(b), 'Rules');
    await shot(b, 'autosave-second-tab');

    // Its edits are not written: the writer would have written within its 0.8 s quiet time (4 s at most),
    // so after 5 s the record is still the first tab's. (Before: the second tab's record replaced it.)
    await b.getByRole('tab', { name: 'Layers' }).click();
    await b.getByLabel('Show autosave-playgrounds.geojson').uncheck();
    await b.waitForTimeout(5000);
    const rec = await stored(a);
    assert.ok(rec?.openPanel === 'rules' && !/"visible": false/.test(rec.doc), JSON.stringify(rec)?.slice(0, 300));
    // The first tab still writes.
    await a.getByRole('tab', { name: 'Access' }).click();
    await waitStored(a, (s) => s?.openPanel === 'analysis' && !/"visible": false/.test(s.doc), "the first tab's next edit");

    // "Keep this tab's work instead": the second tab's state is written at once, the first tab says it no longer keeps it.
    await notice(b).getByRole('button', { name: "Keep this tab's work instead" }).click();
    await notice(a).waitFor({ timeout: WAIT });
    await notice(b).waitFor({ state: 'detached', timeout: WAIT });
    await waitStored(a, (s) => s?.openPanel === 'layers' && /"visible": false/.test(s.doc), "the second tab's state after taking over");
    await shot(a, 'autosave-first-tab-after-take-over');

    // The second tab closes: the first keeps the session again, from its next edit.
    await b.close();
    await notice(a).waitFor({ state: 'detached', timeout: WAIT });
    await a.getByRole('tab', { name: 'Layers' }).click();
    await waitStored(a, (s) => s?.openPanel === 'layers' && !/"visible": false/.test(s.doc), "the first tab's edit after the second closed");
    assert.deepEqual(saved.problems, []);
  });

  test('New project clears the autosave: a reload starts the demo city', { timeout: 240_000 }, async () => {
    assert.ok(saved, 'runs after the reload test, on its page (the demo replaced by two autosaved files)');
    const { page, problems } = saved;
    assert.deepEqual((await summary(page)).map((l) => l.name).sort(), ['autosave-homes.geojson', 'autosave-playgrounds.geojson']);
    await waitStored(page, (s) => !!s && s.layers.length === 2, 'the loaded files');
    await page.getByRole('button', { name: 'New project', exact: true }).click();
    await page.getByRole('button', { name: 'Start a new project', exact: true }).click();
    await page.waitForFunction(() => window.__cfc!.layers().length === 0, null, { timeout: WAIT });
    await waitStored(page, (s) => s === undefined, 'nothing');
    assert.deepEqual(await storedKeys(page), []);

    await page.reload();
    await waitReady(page, READY);
    await settle(page);
    assert.deepEqual((await layers(page)).map((l) => l.name).sort(), manifest().layers.map((l) => l.name.en).sort());
    await page.getByTestId('demo-notice').waitFor({ timeout: WAIT });
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const [label, junk, code, text] of [
    ['junk', 'this is not a session {', 'autosave.damaged', /could not be reopened/],
    ['a newer format', { format: 99, doc: '{}' }, 'autosave.too-new', /newer version of cfc-planner/],
  ] as const) {
    test(`a corrupted autosave (${label}): the demo, one message, the record kept aside`, { timeout: 240_000 }, async () => {
      const { page } = await openApp(browser, { readyTimeout: READY, beforeGoto: seed(junk) });
      await settle(page);
      assert.deepEqual((await layers(page)).map((l) => l.name).sort(), manifest().layers.map((l) => l.name.en).sort());
      const alert = page.locator(`[role="alert"] .alert[data-error-code="${code}"]`);
      await alert.waitFor({ timeout: WAIT });
      assert.match(await alert.innerText(), text);
      assert.match(await alert.innerText(), /demo city is loaded instead; the autosaved copy is kept aside/);
      await shot(page, `autosave-broken-${code.replace('autosave.', '')}`);
      const keys = await storedKeys(page);
      assert.ok(!keys.includes('current'), keys.join(', '));
      const aside = keys.filter((k) => k.startsWith('aside:'));
      assert.equal(aside.length, 1);
      assert.deepEqual(await page.evaluate(idb('get', aside[0])), junk);
      if (label === 'junk') {
        junkPage = page;
        return; // the translation test reads this message, then makes the next start
      }
      await nextStartIsClean(page);
    });
  }

  /** The next start does not trip over the record kept aside again. */
  async function nextStartIsClean(page: Page) {
    await page.reload();
    await waitReady(page, READY);
    assert.equal(await page.locator('[role="alert"] .alert').count(), 0);
    await page.close();
  }

  test('the message is translated; after it, the junk test\'s next start is clean', { timeout: 240_000 }, async () => {
    assert.ok(junkPage, 'runs after the junk test, on its page (its message shown)');
    const page = junkPage;
    await page.getByRole('button', { name: '中文' }).click();
    const alert = page.locator('[role="alert"] .alert[data-error-code="autosave.damaged"]');
    await alert.waitFor({ timeout: WAIT });
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', null, { timeout: WAIT });
    assert.match(await alert.innerText(), /^自动保存（autosave）：上次的工作无法恢复.*已改为载入演示城市/);
    await page.getByRole('button', { name: 'English' }).click();
    await nextStartIsClean(page);
  });
});
