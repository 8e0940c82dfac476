/**
 * Issue 12's acceptance test, as a new user meets the app: the Limburg an der Lahn extract dropped onto the
 * demo city, "replace" accepted, the access analysis run. Every number checked here is about Limburg:
 * - no demo layer is left, and the analysis panel names only Limburg's layers;
 * - the homes the analysis counts are the homes layer's features, fewer than the town's buildings
 *   (osmium's count in tests/fixtures/osm/expected-counts.json: garages and shops are not homes);
 * - the city unit is the town, by its own name, and its children are within 50 % of what the town's
 *   population (supplied here, not read from the app) gives with the age shares the import uses;
 * - the town's Gymnasien are middle schools, so middle school is reachable for a real share of its children
 *   (before: every school was primary, and a "critical" middle-school gap covered the whole town);
 * - the rule pack suggested is the international one (Germany), and Shenzhen's 800 rooms are not checked;
 * - safe routes (issue 8) route every analysed home and rank crossing hotspots on Limburg's own named roads.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, layers, openApp, settle, shot } from './helpers/browser';
import { answerDemoChoice } from './helpers/files';
import { sharedData } from '../shared-data';

const FILE = 'limburg_an_der_lahn.osm.pbf';
/** Limburg an der Lahn's population, about 36,000 (Hessisches Statistisches Landesamt, 2023: 35,9xx). */
const POPULATION = 35_900;
/** The import's age shares (0–3, 4–6, 7–12, 13–18) from the 2020 census, documented in estimate-children.ts. */
const CHILD_SHARE = 0.0479 + 0.0359 + 0.0718 + 0.0651;
const LONG = 240_000;
const osmium = JSON.parse(readFileSync('tests/fixtures/osm/expected-counts.json', 'utf8')) as Record<string, Record<string, number>>;

describe('a real city, right the first time (Limburg an der Lahn)', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  before(async () => {
    browser = await launch();
    ({ page, problems } = await openApp(browser, { readyTimeout: 180_000 }));
  });
  after(async () => {
    await browser?.close();
  });

  const number = (text: string) => Number(text.replace(/[^\d.]/g, ''));

  test('dropped on the demo and "replace" accepted: only Limburg is loaded', { timeout: LONG }, async () => {
    await page.getByTestId('file-input').setInputFiles(path.join(sharedData('osm'), FILE));
    await answerDemoChoice(page, 'Replace the demo');
    const dialog = page.getByRole('dialog', { name: 'Import OpenStreetMap data' });
    await dialog.waitFor({ timeout: LONG });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('listitem', { name: `${FILE} / homes`, exact: true }).waitFor({ timeout: LONG });
    const names = (await layers(page)).map((l) => l.name);
    assert.ok(names.length >= 4);
    for (const n of names) assert.ok(n.startsWith(FILE), `a layer not from Limburg is loaded: ${n}`);
    assert.equal(await page.getByTestId('demo-notice').count(), 0);
    await settle(page);
    await shot(page, 'limburg-imported');
  });

  test('the analysis counts Limburg\'s homes and a plausible number of children', { timeout: LONG }, async () => {
    await page.getByRole('tab', { name: 'Access' }).click();
    const plan = await page.getByTestId('analysis-plan').innerText();
    assert.ok(plan.includes(`${FILE} / homes`), plan);
    assert.equal(await page.getByTestId('demo-mix').count(), 0);
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.getByRole('status').filter({ hasText: /Not run|Running|Done|Cancelled|Failed/ }).getByText('Done.').waitFor({ timeout: LONG });

    const homesLayer = (await layers(page)).find((l) => l.name === `${FILE} / homes`)!;
    const homes = number(await page.getByTestId('analysis-homes').innerText());
    assert.equal(homes, homesLayer.featureCount);
    const buildings = osmium[FILE]!['w/building']!;
    assert.ok(homes > 0.3 * buildings && homes < buildings, `${homes} homes of ${buildings} buildings`);

    // The city unit is the town, named as it names itself, with its children.
    // A label wrapping a select takes the selected option's text into its name: find the selects by label text.
    const select = (label: string) => page.locator('.analysis-map label', { hasText: label }).locator('select');
    await select('Units').selectOption('city');
    const threshold = select('Within');
    const options = await threshold.locator('option').all();
    await threshold.selectOption({ index: options.length - 1 });
    const row = page.getByTestId('coverage-table').locator('tbody tr').first();
    await row.waitFor({ timeout: LONG });
    assert.equal(await page.getByTestId('coverage-table').locator('tbody tr').count(), 1);
    assert.match(await row.locator('th').innerText(), /Limburg/);
    const children = number(await row.locator('td.num').first().innerText());
    const expected = POPULATION * CHILD_SHARE;
    assert.ok(Math.abs(children - expected) <= 0.5 * expected, `${children} children; ${POPULATION} people give ${Math.round(expected)}`);

    // Middle schools exist and reach children: no false "no middle school" gap.
    const summary = page.locator('.analysis-categories');
    const middle = summary.locator('tr', { has: page.getByRole('rowheader', { name: 'Middle school', exact: true }) });
    assert.ok(number(await middle.locator('td').first().innerText()) >= 2);
    const share = Number(await row.locator('td[data-category="middle_school"]').getAttribute('data-share'));
    assert.ok(share > 0, `middle-school share ${share}`);
    await shot(page, 'limburg-analysis');
  });

  test('safe routes to school in Limburg: every analysed home routed, hotspots on Limburg\'s named roads, ranked', { timeout: LONG }, async () => {
    const analysed = number(await page.getByTestId('analysis-homes').innerText());
    await page.getByRole('tab', { name: 'Safe routes' }).click();
    await page.getByRole('button', { name: 'Find safe routes' }).click();
    const summary = page.getByTestId('safety-summary');
    await summary.waitFor({ timeout: LONG });
    // "9,432 homes routed: …": the homes of the access run the panel routes, Limburg's and no demo's.
    const routed = number((/^([\d,.]+)/.exec(await summary.innerText()) ?? ['', ''])[1]!);
    assert.equal(routed, analysed);
    const s = await page.evaluate(() => window.__cfc!.safety());
    assert.equal(s?.status, 'done');
    assert.ok(s.homesOk > 0 && s.homesOk <= analysed, `${s.homesOk} homes with a route`);
    const hot = s.crossingHotspots;
    assert.ok(hot.length > 0, 'crossing hotspots');
    for (let i = 1; i < hot.length; i++) assert.ok(hot[i - 1]!.weight >= hot[i]!.weight, 'ranked by children');
    // Limburg an der Lahn lies around 50.38° N, 8.06° E (its districts within about 8 km): every hotspot is there.
    for (const h of hot) assert.ok(h.lng > 7.9 && h.lng < 8.2 && h.lat > 50.3 && h.lat < 50.5, `hotspot at ${h.lng}, ${h.lat}`);
    // The top crossing is on roads OpenStreetMap names; the panel lists it first with those names.
    assert.ok(hot[0]!.roads.some((r) => r.trim() !== ''), JSON.stringify(hot[0]));
    const first = page.getByTestId('hotspot-crossings').locator('li').first();
    assert.match(await first.innerText(), new RegExp(hot[0]!.roads.find((r) => r.trim() !== '')!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await settle(page);
    await shot(page, 'limburg-safe-routes');
  });

  test('the rules suggested fit a German town: the international pack, no 800 mother-and-baby rooms', { timeout: LONG }, async () => {
    await page.getByRole('tab', { name: 'Rules' }).click();
    const suggestion = page.getByTestId('rule-pack-suggestion');
    await suggestion.waitFor({ timeout: LONG });
    assert.equal(await suggestion.getAttribute('data-country'), 'DE');
    assert.equal(await suggestion.getAttribute('data-pack'), 'international');
    await suggestion.getByRole('button', { name: 'Use it' }).click();
    await page.getByRole('button', { name: 'Check rules' }).click();
    await page.getByTestId('rules-summary').waitFor({ timeout: LONG });
    await page.getByTestId('rules-job').waitFor({ state: 'detached', timeout: LONG });
    assert.equal(await page.locator('[data-rule-id="city.mother-baby-rooms-800"]').count(), 0);
    await shot(page, 'limburg-rules');
    assert.deepEqual(problems, []);
  });
});
