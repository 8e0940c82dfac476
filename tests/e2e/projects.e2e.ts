/**
 * Projects and the demo (issue 12): real files loaded onto the demo city ask "replace or add" (replace by
 * default, from the keyboard); replace leaves no demo layer and one undo brings the demo back; "add" makes
 * the Access panel refuse a demo+real mix until the user ticks the override; New project empties the list;
 * a layer's load warnings survive Save and Open. The replace's main-thread long tasks are printed (times
 * are for `npm run bench`, not asserted); the map keeps its size when the demo notice goes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { sharedData } from '../shared-data';
import { launch, layers, openApp, settle, shot, WAIT } from './helpers/browser';
import { answerDemoChoice, manifest } from './helpers/files';

const MONACO = [sharedData('monaco', 'roads.fgb'), sharedData('monaco', 'residential_buildings.fgb')];
const MONACO_NAMES = ['residential_buildings.fgb', 'roads.fgb'];

declare global {
  interface Window {
    __projLongTasks?: number[];
  }
}

const layerNames = (page: Page) => page.locator('.layer-list > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('aria-label') ?? ''));

/** Closes the field-mapping dialogs a load opens (one per new layer), keeping the guesses. */
async function closeMappings(page: Page, n: number) {
  for (let i = 0; i < n; i++) {
    const mapping = page.getByRole('dialog', { name: /^Field mapping:/ });
    await mapping.waitFor({ timeout: WAIT });
    await page.keyboard.press('Escape');
    await page.waitForFunction((k) => document.querySelectorAll('dialog[open]').length <= k, n - i - 1, { timeout: WAIT });
  }
}

const planText = (page: Page) => page.getByTestId('analysis-plan').innerText();

describe('projects and the demo', () => {
  let browser: Browser;
  // The tests share pages in the order written (a demo load costs ~10 s of CPU on software WebGL): the add
  // test goes on from the replace test's page, its demo restored by undo; the warnings test from the emptied one.
  let restored: { page: Page; problems: string[] } | null = null;
  let emptied: { page: Page; problems: string[] } | null = null;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('replace (the focused default, by keyboard): no demo layer left, the analysis names only the new layers, one undo restores the demo', { timeout: 240_000 }, async () => {
    const { page, problems } = await openApp(browser);
    await settle(page);
    const demoNames = manifest().layers.map((l) => l.name.en);
    assert.deepEqual((await layerNames(page)).sort(), [...demoNames].sort());
    const mapBox = await page.getByTestId('map').boundingBox();

    await page.getByTestId('file-input').setInputFiles(MONACO);
    const dialog = page.getByRole('dialog', { name: 'Replace the demo city?' });
    await dialog.waitFor({ timeout: WAIT });
    assert.match(await dialog.innerText(), /roads\.fgb, residential_buildings\.fgb/);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Replace the demo');
    await shot(page, 'projects-demo-choice');
    // Nothing loads before the answer.
    assert.equal((await layers(page)).length, demoNames.length);

    await page.evaluate(() => {
      window.__projLongTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__projLongTasks!.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.__cfc!.layers().length === n, 2, { timeout: WAIT });
    await closeMappings(page, 2);
    await settle(page);
    const tasks = await page.evaluate(() => window.__projLongTasks!);
    console.log(`replace demo (8 layers out, 2 in): ${Date.now() - t0} ms to drawn; long tasks (ms): [${tasks.join(', ')}]`);

    assert.deepEqual((await layerNames(page)).sort(), MONACO_NAMES);
    assert.equal(await page.getByTestId('demo-notice').count(), 0);
    // The header kept its height: the map was not resized (a WebGL resize stalls software GL for seconds).
    assert.deepEqual(await page.getByTestId('map').boundingBox(), mapBox);
    await shot(page, 'projects-replaced');

    await page.getByRole('tab', { name: 'Access' }).click();
    const plan = await planText(page);
    assert.match(plan, /Street network\s+roads\.fgb/);
    assert.match(plan, /Homes\s+residential_buildings\.fgb/);
    // Exactly the Monaco layers, none of them marked as demo.
    assert.deepEqual((await page.locator('.analysis-plan .plan-layer').allInnerTexts()).sort(), MONACO_NAMES);
    assert.equal(await page.locator('.analysis-plan .plan-demo').count(), 0);
    assert.equal(await page.getByTestId('demo-mix').count(), 0);
    await shot(page.locator('.sidebar'), 'projects-plan-monaco');

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('tab', { name: 'Layers' }).click();
    assert.deepEqual((await layerNames(page)).sort(), [...demoNames].sort());
    await page.getByTestId('demo-notice').waitFor({ timeout: WAIT });
    assert.deepEqual(problems, []);
    restored = { page, problems };
  });

  test('add keeps the demo: the Access panel refuses the mix until the override is ticked; New project empties the list', { timeout: 240_000 }, async () => {
    assert.ok(restored, 'runs after the replace test, on its page (the demo restored by undo)');
    const { page, problems } = restored;
    await settle(page);
    assert.deepEqual((await layerNames(page)).sort(), manifest().layers.map((l) => l.name.en).sort());
    // Escape cancels the load: nothing added, the demo untouched.
    await page.getByTestId('file-input').setInputFiles(MONACO);
    const dialog = page.getByRole('dialog', { name: 'Replace the demo city?' });
    await dialog.waitFor({ timeout: WAIT });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: WAIT });
    assert.equal((await layers(page)).length, manifest().layers.length);
    assert.equal(await page.evaluate(() => window.__cfc!.state().jobs), 0);

    await page.getByTestId('file-input').setInputFiles(MONACO);
    await answerDemoChoice(page, 'Add to the demo');
    await page.waitForFunction((n) => window.__cfc!.layers().length === n, manifest().layers.length + 2, { timeout: WAIT });
    await closeMappings(page, 2);

    await page.getByRole('tab', { name: 'Access' }).click();
    const mix = page.getByTestId('demo-mix');
    await mix.waitFor({ timeout: WAIT });
    const run = page.getByRole('button', { name: 'Run analysis' });
    assert.equal(await run.isDisabled(), true);
    assert.match(await page.locator('#analysis-run-blocked').innerText(), /mix demo layers with real ones/);
    const used = await page.locator('.analysis-plan .plan-layer').allInnerTexts();
    assert.ok(used.includes('roads.fgb') && used.some((n) => /demo$/.test(n)), `the plan lists demo and real layers: ${used.join(' | ')}`);
    await shot(page.locator('.sidebar'), 'projects-mix-refused');
    await mix.getByLabel('Use demo and real layers together anyway').check();
    assert.equal(await run.isDisabled(), false);
    assert.equal(await page.locator('#analysis-run-blocked').count(), 0);

    // The same refusal in Chinese.
    await page.getByRole('button', { name: '中文' }).click();
    await mix.getByText('仍然一起使用演示图层和真实图层').waitFor({ timeout: WAIT });
    await page.getByRole('button', { name: 'English' }).click();

    // Real layers and edits are unsaved: New project asks first; Escape keeps everything.
    await page.getByRole('tab', { name: 'Layers' }).click();
    await page.getByRole('button', { name: 'New project' }).click();
    const confirm = page.getByRole('dialog', { name: 'Start a new project?' });
    await confirm.waitFor({ timeout: WAIT });
    await shot(page, 'projects-new-confirm');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached', timeout: WAIT });
    assert.equal((await layers(page)).length, manifest().layers.length + 2);
    await page.getByRole('button', { name: 'New project' }).click();
    await confirm.getByRole('button', { name: 'Start a new project' }).click();
    await page.getByText('No layers yet.').waitFor({ timeout: WAIT });
    assert.equal((await layers(page)).length, 0);
    await settle(page);
    await shot(page, 'projects-new-empty');
    assert.deepEqual(problems, []);
    emptied = { page, problems };
  });

  test('a layer\'s load warnings are saved with the project and shown again after opening it', { timeout: 180_000 }, async () => {
    // The previous test's page, now an empty project (opening the app again costs a minute on a busy machine).
    const { page, problems } = emptied ?? (await openApp(browser));
    if (!emptied) {
      await settle(page);
      await page.getByRole('button', { name: 'New project' }).click(); // only demo layers, untouched: no question
    }
    await page.getByText('No layers yet.').waitFor({ timeout: WAIT });
    const [x, y] = manifest().center;
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties: { category: 'playground', name: 'kept' } },
        { type: 'Feature', geometry: null, properties: { category: 'playground', name: 'no geometry' } },
      ],
    };
    // An empty project: the file loads at once, without the demo question.
    await page.getByTestId('file-input').setInputFiles({ name: 'warned.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) });
    await closeMappings(page, 1);
    const warnings = page.getByRole('list', { name: 'Warnings for warned.geojson' });
    await warnings.waitFor({ timeout: WAIT });
    const text = await warnings.innerText();
    assert.ok(text.length > 0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save project' }).click();
    const saved = readFileSync(await (await download).path());
    // Saved just now: New project does not ask.
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByText('No layers yet.').waitFor({ timeout: WAIT });
    assert.equal(await warnings.count(), 0);

    await page.getByTestId('project-input').setInputFiles({ name: 'warned.cfc.json', mimeType: 'application/json', buffer: saved });
    await warnings.waitFor({ timeout: WAIT });
    assert.equal(await warnings.innerText(), text);
    await shot(page.locator('.sidebar'), 'projects-warning-reopened');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
