/**
 * "Only the current map view": with the box ticked, an indexed FlatGeobuf (the Monaco roads) loads only the
 * features whose boxes meet the visible map area. The expected count is computed here, in Node, from the
 * whole file read with flatgeobuf's own deserializer, against the bounds the app reports; unticked, the same
 * file loads whole.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { geojson } from 'flatgeobuf';
import type { Feature, Position } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { sharedData } from '../shared-data';
import { launch, openApp, settle, shot, WAIT } from './helpers/browser';
import { answerDemoChoice } from './helpers/files';

const ROADS = sharedData('monaco', 'roads.fgb');
const LABEL = 'Only the current map view (indexed FlatGeobuf)';
type Box = readonly [number, number, number, number];

/** Every vertex's extent, walked independently of the app's code. */
function featureBox(f: Feature): Box {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as Position)[0] === 'number') {
      const [x, y] = c as Position;
      [w, s, e, n] = [Math.min(w, x!), Math.min(s, y!), Math.max(e, x!), Math.max(n, y!)];
    } else (c as unknown[]).forEach(visit);
  };
  const g = f.geometry;
  if (g && 'coordinates' in g) visit(g.coordinates);
  return [w, s, e, n];
}
const meets = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

describe('loading for the map view only', { skip: !existsSync(ROADS) && `no shared data at ${ROADS}` }, () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let boxes: Box[] = [];

  before(async () => {
    const all: Feature[] = [];
    for await (const f of geojson.deserialize(new Uint8Array(readFileSync(ROADS)))) all.push(f as Feature);
    boxes = all.map(featureBox);
    browser = await launch();
    ({ page, problems } = await openApp(browser, { hash: '#map=16/43.73/7.42' }));
    await settle(page);
  });
  after(async () => {
    await browser?.close();
  });

  /** Picks the roads file, waits for its new layer, closes the field mapping and returns the layer. */
  async function loadRoads() {
    const ids = new Set((await page.evaluate(() => window.__cfc!.layers())).map((l) => l.id));
    await page.getByTestId('file-input').setInputFiles(ROADS);
    await answerDemoChoice(page, 'Add to the demo');
    await page.waitForFunction((n) => window.__cfc!.layers().length > n, ids.size, { timeout: WAIT });
    const layer = (await page.evaluate(() => window.__cfc!.layers())).find((l) => !ids.has(l.id))!;
    const mapping = page.getByRole('dialog', { name: /^Field mapping:/ });
    await mapping.waitFor({ timeout: WAIT });
    await page.keyboard.press('Escape');
    await mapping.waitFor({ state: 'detached', timeout: WAIT });
    return { layer, item: page.locator(`.layer-list > li[data-layer-id="${layer.id}"]`) };
  }

  test('ticked: the layer holds exactly the features whose boxes meet the view', { timeout: 90_000 }, async () => {
    const state = await page.evaluate(() => window.__cfc!.state());
    const view = state.viewBounds;
    assert.ok(view, 'the map reports its visible bounds');
    assert.equal(state.loadViewOnly, false, 'off by default');
    // A small part of Monaco: well inside the file's extent.
    assert.ok(view[2] - view[0] < 0.05 && view[3] - view[1] < 0.05, `view too large: ${view.join(', ')}`);
    await page.getByLabel(LABEL).check();
    assert.equal((await page.evaluate(() => window.__cfc!.state())).loadViewOnly, true);

    const { layer, item } = await loadRoads();
    assert.deepEqual(layer.extractBbox, view, 'the load used the bounds the app reported');
    const expected = boxes.filter((b) => meets(b, view)).length;
    console.info(`map view ${view.map((v) => v.toFixed(5)).join(', ')}: ${layer.featureCount} features loaded, ${expected} expected, ${boxes.length} in the file`);
    assert.equal(boxes.length, 860);
    assert.equal(layer.featureCount, expected);
    assert.ok(expected > 0 && expected < 860, `expected a part of the file, got ${expected}`);
    assert.equal(await item.locator('.layer-count').innerText(), `${expected} features (map view)`);
    // The roads file has an index: no whole-file warning.
    assert.doesNotMatch(await item.innerText(), /no spatial index/);
    await settle(page);
    await shot(page, 'load-map-view');
  });

  test('unticked: the same file loads whole', { timeout: 90_000 }, async () => {
    await page.getByLabel(LABEL).uncheck();
    const { layer, item } = await loadRoads();
    assert.equal(layer.featureCount, 860);
    assert.equal(layer.extractBbox, undefined);
    assert.equal(await item.locator('.layer-count').innerText(), '860 features');
  });

  test('the checkbox and the view-extract count read in Chinese', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByLabel('仅加载当前地图视野（带索引的 FlatGeobuf）').waitFor({ timeout: WAIT });
    const counts = await page.locator('.layer-list .layer-count').allInnerTexts();
    assert.ok(counts.some((c) => /^\d+ 个要素（地图视野）$/.test(c)), counts.join(' | '));
    assert.ok(counts.includes('860 个要素'), counts.join(' | '));
    await shot(page, 'load-map-view-zh');
    await page.getByRole('button', { name: 'English' }).click();
    assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
  });
});
