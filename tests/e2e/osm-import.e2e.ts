/**
 * OpenStreetMap in the browser: the options step, the import through the io worker, the layer set with roles,
 * feature counts equal to osmium's (tests/fixtures/osm/expected-counts.json) for every extract in shared/data/osm,
 * estimates marked, monaco's layers alone through the access analysis, and a cancelled pbf import that leaves
 * earlier layers as they were.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, layers, openApp, settle, shot, WAIT } from './helpers/browser';
import { answerDemoChoice } from './helpers/files';
import { sharedData } from '../shared-data';

const OSM = sharedData('osm');
const expected = JSON.parse(readFileSync('tests/fixtures/osm/expected-counts.json', 'utf8')) as Record<string, Record<string, number>>;
/** What the importer keeps, from osmium's counts (area=yes highways are not streets; crossing=no is no crossing). */
const want = (file: string) => ({
  streets: expected[file]!['w/highway']! - expected[file]!['w/highway+area=yes']!,
  crossings: expected[file]!['n/highway=crossing,traffic_signals n/crossing']! - expected[file]!['n/crossing=no']!,
});
const shown = async (page: Page, name: string) => {
  const text = await page.getByRole('listitem', { name, exact: true }).locator('.layer-count').innerText();
  return Number(text.replace(/[^\d]/g, ''));
};

describe('OpenStreetMap import in the browser', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  before(async () => {
    browser = await launch();
    ({ page, problems } = await openApp(browser));
  });
  after(async () => {
    await browser?.close();
  });

  async function importOsm(file: string, configure?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
    const onDemo = (await page.getByTestId('demo-notice').count()) > 0; // an earlier test may have removed the demo
    await page.getByTestId('file-input').setInputFiles(path.join(OSM, file));
    if (onDemo) await answerDemoChoice(page, 'Add to the demo');
    const dialog = page.getByRole('dialog', { name: 'Import OpenStreetMap data' });
    await dialog.waitFor({ timeout: WAIT });
    await configure?.(dialog);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('listitem', { name: `${file} / streets`, exact: true }).waitFor({ timeout: 90_000 });
  }

  test('monaco.osm.gz: options shown, layers with roles, counts equal osmium, estimates marked', { timeout: 120_000 }, async () => {
    await importOsm('monaco.osm.gz', async (dialog) => {
      assert.match(await dialog.innerText(), /monaco\.osm\.gz/);
      // The estimate's parameters are shown and labelled as estimates; the tag mapping can be read.
      // The assumptions follow the data's location by default; the user's own numbers show the defaults.
      const preset = dialog.locator('select[name="estimate-preset"]');
      assert.equal(await preset.inputValue(), 'auto');
      await preset.selectOption('custom');
      assert.equal(await dialog.getByLabel('Floor area per person, m² (estimate)').inputValue(), '36.5');
      await preset.selectOption('auto');
      assert.equal(await dialog.getByLabel('Floor area per person, m² (estimate)').count(), 0);
      await dialog.getByText('Which OpenStreetMap tags make which facility category').click();
      const playTags = dialog.getByLabel('OpenStreetMap tags for Playground', { exact: true });
      assert.equal(await playTags.inputValue(), 'leisure=playground');
      // The mapping is editable; a rule that cannot be read blocks the import until it is fixed.
      await playTags.fill('leisure');
      assert.equal(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled(), true);
      assert.match(await dialog.getByRole('alert').innerText(), /cannot be read/);
      await playTags.fill('leisure=playground|pitch');
      assert.equal(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled(), false);
      await playTags.fill('leisure=playground');
      await dialog.getByLabel('Choose per level').check();
      assert.equal(await dialog.getByLabel('10', { exact: true }).inputValue(), '');
      await dialog.getByRole('button', { name: 'Preset DE' }).click();
      assert.equal(await dialog.getByLabel('10', { exact: true }).inputValue(), 'community');
      await dialog.getByLabel('8', { exact: true }).selectOption('district');
      await shot(page, 'osm-options-monaco');
    });
    const w = want('monaco.osm.gz');
    assert.equal(await shown(page, 'monaco.osm.gz / streets'), w.streets);
    assert.equal(await shown(page, 'monaco.osm.gz / crossings'), w.crossings);
    const roles = new Map((await layers(page)).filter((l) => l.name.startsWith('monaco.osm.gz')).map((l) => [l.name.split(' / ')[1], l.role]));
    assert.equal(roles.get('streets'), 'streets');
    assert.equal(roles.get('crossings'), 'crossings');
    assert.equal(roles.get('facilities'), 'facilities');
    assert.equal(roles.get('homes'), 'homes');
    // DE preset with 8 → district: the admin_level 8 relations (osmium: 5 in the file) become the district layer.
    assert.equal(roles.get('units_district'), 'district');
    const homes = page.getByRole('listitem', { name: 'monaco.osm.gz / homes', exact: true });
    const n = await shown(page, 'monaco.osm.gz / homes');
    assert.equal(await homes.locator('.badge.estimate').innerText(), `estimated children: ${n} of ${n}`);
    await settle(page);
    await shot(page, 'osm-import-monaco');
    assert.deepEqual(problems, []);
  });

  test('monaco.osm.gz alone through the access analysis: the summary counts every imported home', { timeout: 120_000 }, async () => {
    // The panel takes the first homes layer and every streets layer: the demo city's layers go first.
    for (const l of (await layers(page)).filter((x) => !x.name.startsWith('monaco.osm.gz'))) {
      const item = page.getByRole('listitem', { name: l.name, exact: true });
      await item.getByRole('button', { name: `Remove ${l.name}` }).click();
      await item.waitFor({ state: 'detached', timeout: WAIT });
    }
    const homes = (await layers(page)).filter((l) => l.role === 'homes');
    assert.deepEqual(homes.map((l) => l.name), ['monaco.osm.gz / homes']);
    // With no demo layer left, the page no longer says the city is synthetic: Monaco is real.
    assert.equal(await page.getByTestId('demo-notice').count(), 0);
    await page.getByRole('tab', { name: 'Access' }).click();
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.getByRole('status').filter({ hasText: /Not run|Running|Done|Cancelled|Failed/ }).getByText('Done.').waitFor({ timeout: 90_000 });
    const number = async (testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/[^\d]/g, ''));
    assert.equal(await number('analysis-homes'), homes[0]!.featureCount);
    assert.ok(homes[0]!.featureCount > 0);
    assert.ok((await number('analysis-nc-homes')) < homes[0]!.featureCount);
    await shot(page, 'osm-analysis-monaco');
    await page.getByRole('tab', { name: 'Layers' }).click();
    assert.deepEqual(problems, []);
  });

  test('andorra.osm.pbf: counts equal osmium', { timeout: 120_000 }, async () => {
    await importOsm('andorra.osm.pbf', async (dialog) => {
      await dialog.getByLabel('Automatic (the four finest levels in the file)').check();
      await dialog.getByLabel('Estimate child counts from building footprints').uncheck();
    });
    const w = want('andorra.osm.pbf');
    assert.equal(await shown(page, 'andorra.osm.pbf / streets'), w.streets);
    assert.equal(await shown(page, 'andorra.osm.pbf / crossings'), w.crossings);
    // Estimate switched off: no badge on andorra's homes.
    const homes = page.getByRole('listitem', { name: 'andorra.osm.pbf / homes', exact: true });
    if (await homes.count()) assert.equal(await homes.locator('.badge.estimate').count(), 0);
  });

  test('cancelling a pbf import (liechtenstein) adds nothing and leaves earlier layers intact', { timeout: 120_000 }, async () => {
    const beforeLayers = await layers(page);
    const onDemo = (await page.getByTestId('demo-notice').count()) > 0; // an earlier test may have removed the demo
    await page.getByTestId('file-input').setInputFiles(path.join(OSM, 'liechtenstein-2021-10-28.osm.pbf'));
    if (onDemo) await answerDemoChoice(page, 'Add to the demo');
    const dialog = page.getByRole('dialog', { name: 'Import OpenStreetMap data' });
    // On an idle machine the import can end before a click on Cancel lands (the click then finds no job to
    // cancel and the layers arrive, as a real late click would): the io worker is parked first, so the import
    // stops at its first turn and is surely still going when Cancel is pressed.
    await page.evaluate(() => window.__cfc!.workers!.park('io'));
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const job = page.locator('.job', { hasText: 'liechtenstein-2021-10-28.osm.pbf' });
    await job.getByRole('progressbar').waitFor({ timeout: WAIT });
    // No `force`: a forced click skips Playwright's wait for a still, uncovered button and lands on whatever is
    // at its old place (stop 17's CI: the row moved as another job ended, the import ran on in a parked worker).
    await job.getByRole('button', { name: 'Cancel' }).click();
    await job.waitFor({ state: 'detached', timeout: WAIT });
    // Give a worker that finished anyway time to answer: the result must still be dropped.
    await page.waitForTimeout(1500);
    const afterLayers = await layers(page);
    assert.deepEqual(afterLayers.map((l) => [l.id, l.featureCount, l.visible]), beforeLayers.map((l) => [l.id, l.featureCount, l.visible]));
    assert.equal(afterLayers.some((l) => l.name.startsWith('liechtenstein')), false);
    assert.equal(await page.locator('.alert').count(), 0);
    assert.equal(await shown(page, 'monaco.osm.gz / streets'), want('monaco.osm.gz').streets);
  });

  // After the cancel test, which needs no liechtenstein layer yet.
  for (const file of ['moscow.osm.gz', 'limburg_an_der_lahn.osm.pbf', 'liechtenstein-2021-10-28.osm.pbf']) {
    test(`${file}: full import, counts equal osmium`, { timeout: 120_000 }, async () => {
      const t0 = Date.now();
      await importOsm(file);
      const w = want(file);
      assert.equal(await shown(page, `${file} / streets`), w.streets);
      assert.equal(await shown(page, `${file} / crossings`), w.crossings);
      const roles = new Map((await layers(page)).filter((l) => l.name.startsWith(file)).map((l) => [l.name.split(' / ')[1], l.role]));
      for (const r of ['streets', 'crossings', 'facilities', 'homes']) assert.equal(roles.get(r), r, file);
      assert.equal(await page.locator('.alert').count(), 0);
      assert.deepEqual(problems, []);
      console.info(`${file}: imported in the browser in ${Date.now() - t0} ms`);
    });
  }
});
