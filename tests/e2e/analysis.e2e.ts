/**
 * The Access panel on the demo city, clicked through in Chromium: cancel, run with progress, the table's
 * share against coverage.csv of the command-line pipeline, homes recoloured, a home's explain breakdown
 * against access.csv, the other map results, and the panel in Chinese.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { allAgesShare, demoCli } from './helpers/analysis-cli';
import { launch, layers, openApp, pixelDiff, settle, shot, WAIT } from './helpers/browser';

const RUN_WAIT = 90_000;

describe('access analysis panel', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let beforeRun: Buffer;

  before(async () => {
    demoCli(); // in Node, before the browser competes for the two cores
    browser = await launch();
    ({ page, problems } = await openApp(browser));
    await page.getByRole('tab', { name: 'Access' }).click();
    beforeRun = await page.getByTestId('map').screenshot();
  });
  after(async () => {
    await browser?.close();
  });

  const status = () => page.getByRole('status').filter({ hasText: /Not run|Running|Done|Cancelled|Failed/ });

  test('cancel stops a run and says so; a new run then succeeds with a progress bar', { timeout: 200_000 }, async () => {
    // The demo's first run can end within a second on an idle machine, before a click on Cancel lands: the
    // analysis worker is parked first, so the run stops at its first turn and is surely still going. Cancel is
    // pressed once the run is in the worker (past sending the layers): the parked run cannot answer it, so
    // the worker is replaced, as for any job that does not answer a cancel in time.
    await page.evaluate(() => window.__cfc!.workers!.park('analysis'));
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.waitForFunction(() => /street network/.test(document.querySelector('.analysis-progress span')?.textContent ?? ''),
      null, { timeout: WAIT });
    await page.getByRole('button', { name: 'Cancel analysis' }).click();
    await status().getByText(/^Cancelled/).waitFor({ timeout: RUN_WAIT });
    assert.equal(await page.getByTestId('coverage-table').count(), 0, 'a cancelled first run shows no table');

    await page.getByRole('button', { name: 'Run analysis' }).click();
    const bar = page.getByRole('progressbar', { name: /Analysis progress/ });
    await bar.waitFor({ timeout: WAIT });
    await status().getByText('Done.').waitFor({ timeout: RUN_WAIT });
    assert.equal(await bar.count(), 0);
  });

  test('the table shows each community’s share as coverage.csv recomputes it', { timeout: 120_000 }, async () => {
    const { coverage } = demoCli();
    const table = page.getByTestId('coverage-table');
    await table.waitFor({ timeout: WAIT });
    // Defaults: communities, within 500 m, children of all ages.
    const communities = [...new Set(coverage.filter((r) => r.unit_level === 'community').map((r) => r.unit_id))];
    assert.equal(await table.locator('tbody tr').count(), communities.length);
    for (const [unit, category] of [[communities[0], 'playground'], [communities[17], 'kindergarten']] as const) {
      const expected = allAgesShare(coverage, 'community', unit, category, 500);
      const cell = table.locator(`tr[data-unit-id="${unit}"] td[data-category="${category}"]`);
      const text = await cell.locator('.share-text').innerText();
      assert.equal(text.replace('≈', ''), `${(expected * 100).toFixed(1)}%`, `${unit} ${category}`);
      assert.ok(Math.abs(Number(await cell.getAttribute('data-share')) - expected) < 1e-5);
    }
    // The demo's child counts are estimates: flagged.
    assert.match(await table.locator('tbody tr').first().innerText(), /≈/);
    // Sorting by a category puts the best-covered community first.
    await table.getByRole('button', { name: 'Sort by Playground' }).click();
    const firstUnit = await table.locator('tbody tr').first().getAttribute('data-unit-id');
    const best = Math.max(...communities.map((u) => allAgesShare(coverage, 'community', u, 'playground', 500)));
    assert.ok(Math.abs(allAgesShare(coverage, 'community', firstUnit!, 'playground', 500) - best) < 1e-9);
  });

  test('homes are recoloured by walking distance', { timeout: 120_000 }, async () => {
    await settle(page);
    const afterRun = await shot(page.getByTestId('map'), 'analysis-distance-homes');
    assert.ok((await pixelDiff(page, beforeRun, afterRun)) > 0.01, 'the distance colours changed too few pixels');
    await shot(page, 'analysis-panel');
  });

  test('clicking a home explains its distance: parts add up and the total equals access.csv', { timeout: 120_000 }, async () => {
    const { access } = demoCli();
    const homes = (await layers(page)).find((l) => l.role === 'homes')!;
    const idx = 1234;
    const center = await page.evaluate(({ id, idx }) => {
      const map = window.__cfc!.map();
      const p = window.__cfc!.featurePoint(id, idx);
      if (!p) return null;
      const rect = map.getContainer().getBoundingClientRect();
      map.jumpTo({ center: map.unproject([p[0] - rect.left, p[1] - rect.top]), zoom: 16.5 });
      return p;
    }, { id: homes.id, idx });
    assert.ok(center, 'the home is on screen');
    await settle(page);
    const point = await page.evaluate(({ id, idx }) => window.__cfc!.featurePoint(id, idx), { id: homes.id, idx });
    await page.mouse.click(point![0], point![1]);
    const explain = page.locator('.analysis-explain');
    await explain.waitFor({ timeout: WAIT });
    const homeId = await page.locator('.inspector tr', { has: page.locator('th', { hasText: /^id$/ }) }).locator('td').innerText();
    const playground = explain.locator('.explain-cat[data-category="playground"]');
    const part = async (name: string) => Number((await playground.locator(`[data-part="${name}"]`).innerText()).replace(/[^\d.]/g, ''));
    const [walking, homeSnap, network, facilitySnap] = [await part('walking'), await part('homeSnap'), await part('network'), await part('facilitySnap')];
    assert.ok(Math.abs(homeSnap + network + facilitySnap - walking) <= 0.15, `${homeSnap} + ${network} + ${facilitySnap} ≠ ${walking}`);
    const row = access.find((r) => r.residence_id === homeId && r.category === 'playground');
    assert.ok(row, `access.csv has ${homeId}`);
    assert.ok(Math.abs(Number(row.walking_distance_m) - walking) <= 0.06, `${walking} vs access.csv ${row.walking_distance_m}`);
    assert.ok(Math.abs(Number(row.network_distance_m) - network) <= 0.06);
    assert.ok((await playground.locator('[data-part="facility"]').innerText()).length > 0);
    await page.getByRole('button', { name: 'Show the path to the nearest Playground' }).click();
    await settle(page);
    await shot(page, 'analysis-explain-path');
  });

  test('isochrones, choropleth and snap legs draw with their legends', { timeout: 300_000 }, async () => {
    await page.keyboard.press('Escape');
    const panel = page.locator('.analysis-panel');
    const map = page.getByTestId('map');
    const toggle = (name: string) => panel.getByRole('checkbox', { name }).click();
    await toggle('Homes by walking distance');
    await toggle('Reachable streets (isochrones)');
    await settle(page);
    const iso = await shot(map, 'analysis-isochrones');
    assert.ok(await panel.getByRole('list', { name: 'Reachable streets (isochrones)' }).isVisible());
    await toggle('Reachable streets (isochrones)');
    await page.evaluate(() => window.__cfc!.map().jumpTo({ zoom: 13.3 }));
    await toggle('Coverage by unit');
    await settle(page);
    const choro = await shot(map, 'analysis-choropleth');
    assert.ok((await pixelDiff(page, iso, choro)) > 0.01);
    await toggle('Coverage by unit');
    await toggle('Snap legs');
    await page.evaluate(() => window.__cfc!.map().jumpTo({ zoom: 16 }));
    await settle(page);
    await shot(map, 'analysis-snap-legs');
    assert.ok(await panel.getByRole('list', { name: 'Snap legs' }).isVisible());
  });

  test('in Chinese the panel is translated', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: '中文' }).click();
    const panel = page.locator('.analysis-panel');
    await panel.getByRole('heading', { name: '步行可达性' }).waitFor({ timeout: WAIT });
    assert.ok(await panel.getByRole('button', { name: '运行分析' }).isVisible());
    assert.match(await panel.innerText(), /社区/);
    assert.match(await page.getByRole('status').filter({ hasText: '已完成' }).innerText(), /已完成/);
    // Unit names in the table are the layer's name_zh: every demo community has one, all in Han characters.
    const names = await page.getByTestId('coverage-table').locator('tbody th').allInnerTexts();
    assert.ok(names.length > 0);
    assert.deepEqual(names.filter((n) => !/^[\p{Script=Han}\d]+$/u.test(n.trim())), []);
    await shot(page, 'analysis-panel-zh');
    await page.getByRole('button', { name: 'English' }).click();
    assert.deepEqual(problems, []);
  });
});
