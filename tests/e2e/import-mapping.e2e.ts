/**
 * After a GeoJSON load the field-mapping dialog opens; the homes' child-count attributes are mapped and saved
 * (checked in the saved project file). A lat/lon-swapped file (tests/e2e/fixtures/swapped-homes.geojson, whose
 * features carry their true WGS 84 positions) shows the swap offer in its validation report; applying it puts
 * the features at those positions on the map.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, layers, openApp, settle, shot, WAIT } from './helpers/browser';
import { answerDemoChoice } from './helpers/files';

const FIXTURE = 'tests/e2e/fixtures/swapped-homes.geojson';
const truth = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { features: { properties: Record<string, number | string> }[] }).features.map((f) => f.properties);
const NAME = 'swapped-homes.geojson';

describe('field mapping and coordinate fixes', () => {
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
  const layerId = async () => (await layers(page)).find((l) => l.name === NAME)!.id;

  test('the field-mapping dialog opens after the load and saves the child-count attributes', { timeout: 90_000 }, async () => {
    await page.getByTestId('file-input').setInputFiles(FIXTURE);
    await answerDemoChoice(page, 'Add to the demo');
    const dialog = page.getByRole('dialog', { name: `Field mapping: ${NAME}` });
    await dialog.waitFor({ timeout: WAIT });
    await dialog.getByLabel('Role').selectOption('homes');
    await dialog.getByLabel('Children 0-3').selectOption('kids_small');
    await dialog.getByLabel('Children 7-12').selectOption('kids_school');
    // The preview shows the first values of the chosen attribute as text (the fixture's values).
    assert.equal(await dialog.getByTestId('fm-children-0-3-preview').innerText(), truth.map((p) => String(p.kids_small)).join(' · '));
    assert.equal(await dialog.getByTestId('fm-children-7-12-preview').innerText(), truth.map((p) => String(p.kids_school)).join(' · '));
    await shot(page, 'field-mapping-dialog');
    await dialog.getByRole('button', { name: 'Save mapping' }).click();
    await dialog.waitFor({ state: 'detached', timeout: WAIT });
    const item = page.getByRole('listitem', { name: NAME, exact: true });
    assert.equal(await item.getByLabel('Role').inputValue(), 'homes');
    // Reopened from the layer's button, it shows what was saved.
    await item.getByRole('button', { name: `Field mapping of ${NAME}` }).click();
    assert.equal(await dialog.getByLabel('Children 0-3').inputValue(), 'kids_small');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: WAIT });
  });

  test('the validation report offers the axis swap; applying it puts the features at their true positions', { timeout: 90_000 }, async () => {
    const item = page.getByRole('listitem', { name: NAME, exact: true });
    await item.getByRole('button', { name: /^Validation report of swapped-homes\.geojson/ }).click();
    const report = page.getByRole('dialog', { name: `Validation report: ${NAME}` });
    await report.waitFor({ timeout: WAIT });
    assert.match(await report.innerText(), /latitude\/longitude in the wrong order/);
    await shot(page, 'validation-report');
    await report.getByRole('button', { name: 'Swap longitude and latitude' }).click();
    await report.getByRole('status').waitFor({ timeout: WAIT });
    assert.equal(await report.getByRole('button', { name: 'Swap longitude and latitude' }).count(), 0);
    await report.getByRole('button', { name: 'Close' }).click();
    await settle(page);
    const id = await layerId();
    // Where the map draws each feature, read back as longitude/latitude: the fixture's true positions.
    for (let i = 0; i < truth.length; i++) {
      const at = await page.evaluate(([lid, k]) => {
        const p = window.__cfc!.featurePoint(lid as string, k as number);
        if (!p) return null;
        const map = window.__cfc!.map();
        const r = map.getContainer().getBoundingClientRect();
        const ll = map.unproject([p[0] - r.left, p[1] - r.top]);
        return [ll.lng, ll.lat];
      }, [id, i] as const);
      assert.ok(at, `feature ${i} is on screen after the fix`);
      assert.ok(Math.abs(at[0] - Number(truth[i]!.true_lng)) < 1e-4 && Math.abs(at[1] - Number(truth[i]!.true_lat)) < 1e-4, `feature ${i} at ${at}`);
    }
    await shot(page, 'swap-applied');
  });

  test('the saved project holds the mapping and the fixed coordinates', { timeout: 90_000 }, async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save project' }).click()]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      layers: { name: string; role: string; fieldMapping?: { children?: Record<string, string> }; source: { kind: string; data?: { features: { geometry: { coordinates: number[] } }[] } } }[];
    };
    const l = saved.layers.find((x) => x.name === NAME)!;
    assert.equal(l.role, 'homes');
    assert.equal(l.fieldMapping?.children?.['0-3'], 'kids_small');
    assert.equal(l.fieldMapping?.children?.['7-12'], 'kids_school');
    assert.deepEqual(l.source.data!.features.map((f) => f.geometry.coordinates), truth.map((p) => [p.true_lng, p.true_lat]));
  });

  test('in Chinese the dialogs speak Chinese', { timeout: 90_000 }, async () => {
    await page.getByRole('button', { name: '中文' }).click();
    const item = page.getByRole('listitem', { name: NAME, exact: true });
    await item.getByRole('button', { name: `${NAME} 的字段映射` }).click();
    const dialog = page.getByRole('dialog', { name: `字段映射：${NAME}` });
    await dialog.waitFor({ timeout: WAIT });
    assert.equal(await dialog.getByLabel('0-3 岁儿童').inputValue(), 'kids_small');
    await shot(page, 'field-mapping-dialog-zh');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached', timeout: WAIT });
    await item.getByRole('button', { name: /^swapped-homes\.geojson 的校验报告/ }).click();
    const report = page.getByRole('dialog', { name: `校验报告：${NAME}` });
    await report.waitFor({ timeout: WAIT });
    assert.match(await report.innerText(), /撤销上一项修正/);
    await shot(page, 'validation-report-zh');
    await report.getByRole('button', { name: '撤销上一项修正' }).click();
    // Reverted: the swap offer is back.
    await report.getByRole('button', { name: '交换经度和纬度' }).waitFor({ timeout: WAIT });
    await page.keyboard.press('Escape');
    assert.deepEqual(problems, []);
  });
});
