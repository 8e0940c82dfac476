/**
 * The Safe routes panel on the demo city in Chromium, one app load for the whole file. Expected answers
 * come from `npm run analyze -- --demo --safe-routes` (the same core in Node, not through the UI): the top
 * crossing hotspot (place, roads, children) and the clicked home's safe route (length, detour). The panel's
 * own numbers must also equal what the store holds. Children's marks (issue 9, item 6) join the same load: a
 * danger mark 10 m from the top crossing hotspot and a route across it are counted on its row, and a danger
 * mark on a footway that street_safety.csv rates PLTS 1–2, more than 40 m from any other street (found with
 * Turf over the demo's streets file), is listed as the children disagreeing.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import * as turf from '@turf/turf';
import { geojson } from 'flatgeobuf';
import type { Feature, LineString } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { launch, layers, openApp, settle, shot, WAIT } from './helpers/browser';
import { parseCsv } from './helpers/csv';

const LONG = 180_000;

/** The demo's street names → their Chinese names, read from its streets file (the map labels streets by them). */
async function chineseStreetNames(): Promise<Map<string, string>> {
  const zh = new Map<string, string>();
  for await (const f of geojson.deserialize(new Uint8Array(readFileSync('data/demo/streets.fgb')))) {
    const p = (f as Feature).properties ?? {};
    if (typeof p['name'] === 'string' && typeof p['name_zh'] === 'string' && !zh.has(p['name'])) zh.set(p['name'], p['name_zh']);
  }
  return zh;
}

/** The middle of the first PLTS 1–2 street more than 40 m from every street rated otherwise (unrated included), with its PLTS. */
async function quietSpot(streetSafety: Record<string, string>[]): Promise<{ at: [number, number]; plts: number }> {
  const plts = new Map(streetSafety.map((r) => [r['way_id']!, Number(r['plts'])]));
  const all: Feature<LineString>[] = [];
  for await (const f of geojson.deserialize(new Uint8Array(readFileSync('data/demo/streets.fgb')))) all.push(f as Feature<LineString>);
  const calm = (f: Feature) => [1, 2].includes(plts.get(String(f.properties!['id'])) ?? 0);
  const others = all.filter((f) => !calm(f));
  for (const f of all.filter(calm)) {
    const mid = turf.along(f, turf.length(f, { units: 'meters' }) / 2, { units: 'meters' });
    if (others.every((o) => turf.pointToLineDistance(mid, o, { units: 'meters' }) > 40)) {
      return { at: mid.geometry.coordinates as [number, number], plts: plts.get(String(f.properties!['id']))! };
    }
  }
  throw new Error('no quiet street in the demo city');
}

describe('safe routes panel', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let hotspots: Record<string, string>[];
  let routes: Record<string, string>[];
  let units: Record<string, string>[];
  let quiet: Awaited<ReturnType<typeof quietSpot>>;

  before(async () => {
    const out = mkdtempSync(join(tmpdir(), 'cfc-safe-e2e-'));
    // The CLI runs while the app loads (one page load for the whole file: each costs ~10 s in software WebGL).
    const cli = promisify(execFile)('npx', ['tsx', 'src/cli/analyze.ts', '--demo', '--safe-routes', '--isochrones', 'none', '--out', out], { timeout: 120_000 });
    browser = await launch();
    const app = await openApp(browser);
    page = app.page;
    problems = app.problems;
    await cli;
    hotspots = parseCsv(readFileSync(join(out, 'hotspots_crossings.csv'), 'utf8'));
    routes = parseCsv(readFileSync(join(out, 'safe_routes.csv'), 'utf8'));
    units = parseCsv(readFileSync(join(out, 'safe_routes_units.csv'), 'utf8'));
    quiet = await quietSpot(parseCsv(readFileSync(join(out, 'street_safety.csv'), 'utf8')));
  });
  after(async () => {
    await browser?.close();
  });

  test('run, hotspots equal the store and the CLI, a click zooms; a home shows its safe and shortest routes; Chinese', { timeout: LONG * 2 }, async () => {
    await page.getByRole('tab', { name: 'Safe routes' }).click();
    await page.getByRole('button', { name: 'Find safe routes' }).click();
    await page.getByTestId('safety-summary').waitFor({ timeout: LONG });
    assert.equal(await page.locator('.safety-panel [role="status"]').getAttribute('data-status'), 'done');
    // The map's own legend explains the overlay it now draws: the four PLTS classes (in the panel's words).
    const mapLegend = page.getByTestId('map-legend').locator('[data-legend="safety"]');
    for (const p of [1, 2, 3, 4]) assert.equal(await mapLegend.getByText(await page.locator('.safety-panel .safety-legend li').nth(p - 1).innerText(), { exact: true }).count(), 1);

    // The hotspot list: non-empty, its first row's children are the store's and the CLI's.
    const rows = page.getByTestId('hotspot-crossings').locator('li');
    assert.ok((await rows.count()) > 0, 'crossing hotspots listed');
    const store = await page.evaluate(() => window.__cfc!.safety());
    assert.ok(store && store.crossingHotspots.length > 0);
    const first = store.crossingHotspots[0]!;
    assert.equal(Number(await rows.first().getAttribute('data-weight')), first.weight);
    assert.equal(Number(await rows.first().getAttribute('data-routes')), first.routes);
    const cli = hotspots[0]!;
    assert.equal(Number(cli['lon']).toFixed(6), first.lng.toFixed(6));
    assert.equal(Number(cli['lat']).toFixed(6), first.lat.toFixed(6));
    assert.ok(Math.abs(Number(cli['children_7_12']) - first.weight) < 0.01, `${cli['children_7_12']} vs ${first.weight}`);
    assert.equal(cli['roads'], first.roads.join(';'));
    assert.equal(store.homesOk, routes.filter((r) => r['status'] === 'ok').length);
    assert.match(await rows.first().innerText(), new RegExp(first.roads[0] ?? 'unnamed'));

    // Per unit: the panel's busiest community has as many children 7–12 with a safe route as safe_routes_units.csv says.
    const unitRows = page.getByTestId('safety-units').locator('tbody tr');
    assert.ok((await unitRows.count()) > 0, 'units listed');
    const shown = await unitRows.evaluateAll((trs) => trs.map((tr) => ({
      id: tr.getAttribute('data-unit-id')!, total: Number(tr.getAttribute('data-total')), safe: Number(tr.getAttribute('data-safe')),
    })));
    const busiest = shown.reduce((a, b) => (b.total > a.total ? b : a));
    const cliUnit = units.find((u) => u['unit_level'] === 'community' && u['unit_id'] === busiest.id);
    assert.ok(cliUnit, `community ${busiest.id} in safe_routes_units.csv`);
    assert.equal(cliUnit['counted'], 'children_7_12');
    assert.ok(busiest.safe > 0 && Math.abs(Number(cliUnit['safe']) - busiest.safe) < 0.001, `${cliUnit['safe']} vs ${busiest.safe}`);
    assert.ok(Math.abs(Number(cliUnit['total']) - busiest.total) < 0.001, `${cliUnit['total']} vs ${busiest.total}`);
    await page.getByTestId('safety-units').scrollIntoViewIfNeeded();
    await shot(page, 'safe-routes-units');

    // Click to zoom: the camera ends on the crossing.
    await rows.first().getByRole('button').click();
    await settle(page);
    const view = await page.evaluate(() => window.__cfc!.state().view) as { lng: number; lat: number; zoom: number };
    assert.ok(Math.abs(view.lng - first.lng) < 1e-4 && Math.abs(view.lat - first.lat) < 1e-4, JSON.stringify(view));
    assert.ok(view.zoom >= 16.5);
    await shot(page, 'safe-routes-hotspot');

    // Children's marks: a danger mark 10 m north of the top crossing, a route across it (100 m east–west).
    assert.equal(await page.getByTestId('children-summary').count(), 0, 'nothing about children before any mark');
    const added = await page.evaluate(({ c, q }) => {
      const add = window.__cfc!.sketch!.add;
      return [
        add('e2e-danger-hotspot', 'danger', { type: 'Point', coordinates: [c.lng, c.lat + 9e-5] }, '7_12'),
        add('e2e-route', 'route', { type: 'LineString', coordinates: [[c.lng - 5e-4, c.lat], [c.lng + 5e-4, c.lat]] }, '7_12'),
        add('e2e-danger-quiet', 'danger', { type: 'Point', coordinates: q }, '4_6'),
      ];
    }, { c: first, q: quiet.at });
    assert.deepEqual(added, [true, true, true]);
    // One read of the panel (each round trip waits on a page busy drawing the map).
    await rows.first().getByTestId('hotspot-children').waitFor({ timeout: WAIT });
    const panel = await page.evaluate(() => {
      const kids = document.querySelector<HTMLElement>('[data-testid="hotspot-crossings"] li [data-testid="hotspot-children"]')!;
      return {
        kids: { danger: kids.dataset.danger, routes: kids.dataset.routes, text: kids.innerText },
        summary: document.querySelector<HTMLElement>('[data-testid="children-summary"]')!.innerText,
        disagree: [...document.querySelectorAll<HTMLElement>('[data-testid="children-disagree"] li')].map((li) => ({ ...li.dataset })),
      };
    });
    assert.deepEqual(panel.kids, { danger: '1', routes: '1', text: '1 child marked danger here, 1 drew their way through' });
    assert.match(panel.summary, /danger: 2, routes drawn: 1/);
    // Only the footway's mark disagrees with the tags; on the footway itself, or at a crossing within 30 m rated 1–2.
    assert.equal(panel.disagree.length, 1);
    const { target, plts: dPlts, marks } = panel.disagree[0]!;
    assert.ok(target === 'way' ? Number(dPlts) === quiet.plts : target === 'crossing' && Number(dPlts) <= 2, `${target} PLTS ${dPlts}`);
    assert.equal(marks, '1');
    const disagree = page.getByTestId('children-disagree').locator('li');
    await disagree.first().getByRole('button').click();
    // The camera jumps at once (the next step moves it again, so no wait for the map to draw this place).
    await page.waitForFunction((q) => {
      const v = window.__cfc!.state().view as { lng: number; lat: number };
      return Math.abs(v.lng - q[0]) < 1e-3 && Math.abs(v.lat - q[1]) < 1e-3;
    }, quiet.at, { timeout: WAIT });
    const there = await page.evaluate(() => window.__cfc!.state().view) as { lng: number; lat: number };
    assert.ok(turf.distance([there.lng, there.lat], quiet.at, { units: 'meters' }) <= 30.5, `zoomed to ${JSON.stringify(there)}, the mark at ${quiet.at}`);

    // A home clicked on the map: its safe route beside its shortest, numbers as in safe_routes.csv.
    const homes = (await layers(page)).find((l) => l.role === 'homes')!;
    const idx = 1234;
    await page.evaluate(({ id, idx }) => {
      const map = window.__cfc!.map();
      const p = window.__cfc!.featurePoint(id, idx);
      if (!p) return;
      const rect = map.getContainer().getBoundingClientRect();
      map.jumpTo({ center: map.unproject([p[0] - rect.left, p[1] - rect.top]), zoom: 16.5 });
    }, { id: homes.id, idx });
    const onScreen = await page.evaluate(({ id, idx }) => {
      const map = window.__cfc!.map();
      const f = window.__cfc!.featurePoint(id, idx);
      if (f) return f;
      map.jumpTo({ center: [114.06, 22.55], zoom: 14 });
      return window.__cfc!.featurePoint(id, idx);
    }, { id: homes.id, idx });
    assert.ok(onScreen, 'the home is on screen');
    await settle(page);
    const point = await page.evaluate(({ id, idx }) => window.__cfc!.featurePoint(id, idx), { id: homes.id, idx });
    await page.mouse.click(point![0], point![1]);
    const safe = page.getByTestId('safety-route-safe');
    await safe.waitFor({ timeout: WAIT });
    const homeIdx = await page.evaluate((f) => window.__cfc!.safety()!.homeIdx(f), idx);
    const row = routes[homeIdx]!;
    assert.equal(row['status'], 'ok');
    assert.ok(Math.abs(Number(await safe.getAttribute('data-length')) - Number(row['safe_distance_m'])) <= 0.01, `${await safe.getAttribute('data-length')} vs ${row['safe_distance_m']}`);
    assert.ok(Math.abs(Number(await safe.getAttribute('data-cost')) - Number(row['safe_cost_m'])) <= 0.01);
    const shortest = page.getByTestId('safety-route-shortest');
    assert.ok(Math.abs(Number(await shortest.getAttribute('data-length')) - Number(row['walking_distance_m'])) <= 0.01);
    // The shortest route is never cheaper under the safe-routes cost than the safe route.
    assert.ok(Number(await shortest.getAttribute('data-cost')) >= Number(await safe.getAttribute('data-cost')) - 0.01);
    assert.ok(Math.abs(Number(await page.getByTestId('safety-detour').getAttribute('data-detour')) - Number(row['detour_ratio'])) < 1e-4);
    assert.equal(await safe.locator('li[data-plts]').count(), Number(row['crossings_plts3plus']) + await safe.locator('li[data-plts="1"], li[data-plts="2"]').count());
    await settle(page);
    await shot(page, 'safe-routes-home');

    // Chinese: the panel's title and the tab.
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '安全上学路线' }).waitFor();
    await page.getByRole('tab', { name: '安全路线' }).waitFor();
    // The top crossing's roads in Chinese, as the map labels them: the CLI's names through the streets file's name_zh.
    const zh = await chineseStreetNames();
    const expected = cli['roads']!.split(';').map((r) => zh.get(r) ?? r).join(' / ');
    assert.notEqual(expected, cli['roads']!.split(';').join(' / '), 'the demo names its streets in Chinese too');
    assert.equal(await rows.first().getByRole('button').innerText(), expected);
    await shot(page, 'safe-routes-zh');
    assert.deepEqual(problems, []);
  });
});
