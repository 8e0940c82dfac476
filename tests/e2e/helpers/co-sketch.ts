/** Pages of a co-sketch workshop in the browser tests: open by link, place stickers, read what a page shows. */
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { BASE_URL, waitReady, WAIT } from './browser';

export const READY = 180_000;

export type Sticker = { id: string; kind: string };
export const stickers = (page: Page): Promise<Sticker[]> =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.sketch-sticker')].map((el) => ({ id: el.dataset.id!, kind: el.dataset.kind! })).sort((a, b) => a.id.localeCompare(b.id)));

/**
 * Every mark a page shows, by feature id: its stickers and the marks inside its cluster badges (where
 * three or more children's marks crowd together, a badge stands for them and their stickers are off the
 * map); sorted, a mark shown twice is there twice.
 */
export const shown = (page: Page): Promise<string[]> =>
  page.evaluate(() => [
    ...[...document.querySelectorAll<HTMLElement>('.sketch-sticker')].map((el) => el.dataset.id!),
    ...[...document.querySelectorAll<HTMLElement>('.sketch-cluster')].flatMap((el) => el.dataset.ids!.split(' ')),
  ].sort());

export async function open(context: BrowserContext, hash: string, problems: string[], lang: 'en' | 'zh' = 'en'): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const url = new URL(BASE_URL);
  url.searchParams.set('e2e', '1');
  url.searchParams.set('lang', lang);
  url.hash = hash;
  await page.goto(url.href, { timeout: READY }); // the load event alone took over 30 s on a loaded machine
  await waitReady(page, READY);
  return page;
}

/** Page coordinates of the map's centre (inside the demo city; the kid-mode bar is below it on the tablet). */
export async function mapPoint(page: Page, dy = 0): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('map').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height * 0.5 + dy };
}

/**
 * Puts a sticker on the map, `dx`/`dy` px from the map's centre (a tap on a touch page, else a click);
 * returns the new mark's feature id once this page shows it.
 */
export async function place(page: Page, touch: boolean, sticker: string, dx: number, dy: number): Promise<string> {
  const had = new Set(await shown(page));
  const button = page.getByTestId(`sticker-${sticker}`);
  const p = await mapPoint(page, dy);
  if (touch) {
    await button.tap();
    await page.touchscreen.tap(p.x + dx, p.y);
  } else {
    await button.click();
    await page.mouse.click(p.x + dx, p.y);
  }
  // The new mark may show as a sticker or join a cluster badge.
  await page.waitForFunction((n) => document.querySelectorAll('.sketch-sticker').length
    + [...document.querySelectorAll<HTMLElement>('.sketch-cluster')].reduce((a, el) => a + el.dataset.ids!.split(' ').length, 0) === n, had.size + 1, { timeout: WAIT });
  const fresh = (await shown(page)).filter((id) => !had.has(id));
  assert.equal(fresh.length, 1, `one new mark on the page: ${JSON.stringify(fresh)}`);
  return fresh[0]!;
}

/**
 * Waits until `page` shows exactly the marks `want`, by feature id, each once (no mark lost, none twice),
 * as a sticker or inside a cluster badge (`shown`).
 */
export async function showsExactly(page: Page, want: Iterable<string>, what: string): Promise<void> {
  const sorted = [...want].sort();
  try {
    await page.waitForFunction((w) => {
      const got = [
        ...[...document.querySelectorAll<HTMLElement>('.sketch-sticker')].map((el) => el.dataset.id!),
        ...[...document.querySelectorAll<HTMLElement>('.sketch-cluster')].flatMap((el) => el.dataset.ids!.split(' ')),
      ].sort();
      return got.length === w.length && got.every((id, i) => id === w[i]);
    }, sorted, { timeout: WAIT });
  } catch {
    const got = (await stickers(page)).map((s) => s.id);
    const badges = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.sketch-cluster')].map((el) => `${el.dataset.count} (${el.dataset.kinds}): ${el.dataset.ids}`));
    assert.fail(`${what} shows the stickers ${JSON.stringify(got)} and the cluster badges ${JSON.stringify(badges)}, not every mark once: ${JSON.stringify(sorted)}`);
  }
}

/** A page's presence and link state (kid mode shows its own, in the bar on the map). */
export const presence = (page: Page, kid: boolean) => (kid ? page.getByTestId('kid-mode') : page.locator('.sketch-panel')).getByTestId('sketch-presence');
