/**
 * Layout on the demo city (issue 12): the sidebar resizes by drag and by keyboard and keeps its width
 * after a reload; the gap table opens full width with every column inside the window; Chinese rule titles
 * get lines of reasonable length; the scorecard's breadcrumbs do not overlap; the map carries a legend of
 * what the analysis and the rule check draw. Screenshots in English and Chinese.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, openApp, settle, shot, waitReady } from './helpers/browser';

const LONG = 180_000;
type Box = { x: number; y: number; width: number; height: number };
const box = async (l: Locator): Promise<Box> => {
  const b = await l.boundingBox();
  assert.ok(b, 'element not rendered');
  return b;
};
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

describe('layout', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launch();
    ({ page } = await openApp(browser));
  });
  after(async () => {
    await browser?.close();
  });

  const sidebarWidth = async () => (await box(page.locator('#sidebar'))).width;
  const separator = () => page.getByRole('separator', { name: 'Sidebar width' });

  test('after an analysis the map shows a legend of the walking distances', { timeout: LONG }, async () => {
    await page.getByRole('tab', { name: 'Access' }).click();
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.getByRole('status').getByText('Done.').waitFor({ timeout: LONG });
    await settle(page);
    const legend = page.getByRole('complementary', { name: 'Legend on the map' });
    const distance = legend.locator('section[data-legend="distance"] li');
    // Project defaults: thresholds 300, 500 and 1000 m → three bands, beyond, unreachable, not connected.
    assert.deepEqual(await distance.allInnerTexts(), ['within 300 m', 'within 500 m', 'within 1,000 m', 'farther than 1,000 m', 'unreachable', 'not connected']);
    assert.equal(await legend.locator('section[data-legend="coverage"]').count(), 0, 'only what is drawn');
    await page.getByRole('checkbox', { name: 'Coverage by unit' }).check();
    assert.equal(await legend.locator('section[data-legend="coverage"] li').count(), 5);
    await legend.getByRole('button', { name: /Legend/ }).click();
    assert.equal(await legend.locator('section').count(), 0, 'collapsed');
    await legend.getByRole('button', { name: /Legend/ }).click();
    const mapBox = await box(page.getByTestId('map'));
    const lb = await box(legend);
    assert.ok(lb.x >= mapBox.x && lb.x + lb.width <= mapBox.x + mapBox.width && lb.y + lb.height <= mapBox.y + mapBox.height, 'legend inside the map');
    await shot(page, 'layout-map-legend-en');

    // The coverage table opens full width too: every column inside the window, Escape closes it.
    await page.getByRole('button', { name: /Open .* full width/ }).click();
    const wide = page.getByTestId('coverage-table-wide');
    await wide.waitFor();
    const viewport = page.viewportSize()!;
    for (const h of await wide.locator('thead th').all()) {
      const b = await box(h);
      assert.ok(b.x >= 0 && b.x + b.width <= viewport.width, `${await h.innerText()} outside the window`);
    }
    await page.keyboard.press('Escape');
    await wide.waitFor({ state: 'detached' });
    assert.equal(await page.locator('.sidebar [data-testid="coverage-table"]').count(), 1);
  });

  test('the gap table opens full width with every column visible; Escape closes it', { timeout: LONG }, async () => {
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.getByLabel('Rule set', { exact: true }).selectOption('default');
    await page.getByRole('button', { name: 'Check rules' }).click();
    await page.locator('[data-testid="rules-summary"]').waitFor({ timeout: LONG });
    await page.locator('[data-testid="rules-job"]').waitFor({ state: 'detached', timeout: LONG });
    await page.getByRole('group', { name: 'Rules views' }).getByRole('button', { name: 'Gaps', exact: true }).click();
    const legend = page.getByRole('complementary', { name: 'Legend on the map' });
    assert.deepEqual(await legend.locator('section[data-legend="rules"] li').allInnerTexts(), ['Child-friendly (passes every rule of its scale)', 'Not yet child-friendly']);
    await shot(page, 'layout-gaps-sidebar-en');

    const expand = page.getByRole('button', { name: /Open .* full width/ });
    await expand.click();
    const dialog = page.getByTestId('gap-table-wide');
    await dialog.waitFor();
    const viewport = page.viewportSize()!;
    const body = await box(dialog.locator('.wide-panel-body'));
    const headers = dialog.locator('.gap-table thead th');
    assert.equal(await headers.count(), 6);
    for (const h of await headers.all()) {
      const b = await box(h);
      const name = await h.innerText();
      assert.ok(b.x >= 0 && b.x + b.width <= viewport.width && b.y >= 0 && b.y + b.height <= viewport.height, `${name} outside the window`);
      assert.ok(b.x >= body.x - 0.5 && b.x + b.width <= body.x + body.width + 0.5, `${name} clipped by the panel`);
      // Not clipped inside its cell either: the label's own width fits.
      assert.ok(await h.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), `${name} cut off`);
    }
    await shot(page, 'layout-gaps-wide-en');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.ok(await expand.evaluate((el) => el === document.activeElement), 'focus back on Expand');
    assert.equal(await page.locator('.sidebar .gap-table').count(), 1);
  });

  test('Chinese: rule titles are not broken into 2–3 character lines; screenshots', { timeout: LONG }, async () => {
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator('html[lang="zh-CN"]').waitFor();
    const cells = page.locator('.sidebar .gap-table tbody td.rule-title-cell');
    await cells.first().waitFor();
    const checked = await cells.evaluateAll((tds) => tds.slice(0, 40).map((td) => {
      const cs = getComputedStyle(td);
      const line = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.5;
      const text = td.textContent ?? '';
      const lines = Math.round((td.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom)) / line);
      return { text, lines };
    }));
    assert.ok(checked.length > 0);
    assert.ok(checked.some((c) => /[\u4e00-\u9fff]/.test(c.text)), 'titles are in Chinese');
    for (const c of checked) assert.ok(c.lines <= 3, `"${c.text}" takes ${c.lines} lines`);
    await shot(page, 'layout-gaps-sidebar-zh');
    await page.getByRole('button', { name: /全宽打开/ }).click();
    await page.getByTestId('gap-table-wide').waitFor();
    await shot(page, 'layout-gaps-wide-zh');
    await page.keyboard.press('Escape');
  });

  test('the scorecard breadcrumbs do not overlap, in Chinese and in English', { timeout: LONG }, async () => {
    await page.getByRole('group', { name: '规则视图' }).getByRole('button').nth(2).click();
    const card = page.getByTestId('scorecard');
    for (let depth = 0; depth < 3; depth++) {
      await card.locator('.unit-children li button').first().click();
      await page.waitForFunction((d) => document.querySelectorAll('.breadcrumbs li').length === d + 2, depth);
    }
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
      await page.locator(`html[lang="${lang === 'zh' ? 'zh-CN' : 'en'}"]`).waitFor();
      const crumbs = await Promise.all((await card.locator('.breadcrumbs li').all()).map(box));
      assert.equal(crumbs.length, 4, 'city › district › street › community');
      for (let i = 0; i < crumbs.length; i++) for (let j = i + 1; j < crumbs.length; j++) assert.ok(!overlaps(crumbs[i]!, crumbs[j]!), `${lang}: crumbs ${i} and ${j} overlap`);
      const nav = await box(card.getByRole('navigation'));
      for (const c of crumbs) assert.ok(c.x >= nav.x - 0.5 && c.x + c.width <= nav.x + nav.width + 0.5, `${lang}: crumb outside the sidebar`);
      await card.getByRole('navigation').scrollIntoViewIfNeeded();
      await shot(page, `layout-scorecard-${lang}`);
    }
  });
  // Last: the other tests see the default width a new user sees, without a reload to restore it.
  test('the sidebar resizes by drag and by keyboard, and keeps its width after a reload', { timeout: LONG }, async () => {
    const sep = separator();
    const start = Number(await sep.getAttribute('aria-valuenow'));
    assert.ok(Math.abs((await sidebarWidth()) - start) <= 1, `sidebar ${await sidebarWidth()} px, separator says ${start}`);
    assert.ok(Number(await sep.getAttribute('aria-valuemin')) < start && start < Number(await sep.getAttribute('aria-valuemax')));

    const b = await box(sep);
    await page.mouse.move(b.x + b.width / 2, b.y + 200);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2 + 60, b.y + 200, { steps: 4 });
    await page.mouse.move(b.x + b.width / 2 + 120, b.y + 200, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction((w) => Math.abs(document.getElementById('sidebar')!.getBoundingClientRect().width - w) <= 1, start + 120);
    assert.equal(Number(await sep.getAttribute('aria-valuenow')), start + 120);

    await sep.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    const want = start + 120 - 16 - 16 - 64;
    assert.equal(Number(await sep.getAttribute('aria-valuenow')), want, 'the separator reports the new width at once');
    await page.waitForFunction((w) => Math.abs(document.getElementById('sidebar')!.getBoundingClientRect().width - w) <= 1, want);
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('[role="separator"]')!.getAttribute('aria-valuenow') === document.querySelector('[role="separator"]')!.getAttribute('aria-valuemin'));
    const min = Number(await sep.getAttribute('aria-valuemin'));
    await page.waitForFunction((w) => Math.abs(document.getElementById('sidebar')!.getBoundingClientRect().width - w) <= 1, min);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((w) => Math.abs(document.getElementById('sidebar')!.getBoundingClientRect().width - w) <= 1, min + 16);

    await page.reload();
    await waitReady(page);
    assert.equal(Number(await separator().getAttribute('aria-valuenow')), min + 16);
    assert.ok(Math.abs((await sidebarWidth()) - (min + 16)) <= 1);
  });
});
