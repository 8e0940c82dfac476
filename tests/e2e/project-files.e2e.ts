/**
 * Project files through the real UI: open the v1 fixture (tests/e2e/fixtures/project-v1.cfc.json, its layers
 * and settings known from the file), save it, open the saved file again → same layers and settings; a broken
 * project is refused with its reason, naming the file, and the current layers stay.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, layers, openApp, shot, WAIT } from './helpers/browser';

const FIXTURE = 'tests/e2e/fixtures/project-v1.cfc.json';
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  name: string;
  layers: { id: string; name: string; role: string; visible: boolean; opacity: number; fieldMapping?: unknown; source: { data: { features: unknown[] } } }[];
  settings: unknown;
};

describe('project files', () => {
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

  async function expectFixtureShown() {
    const list = page.locator('.layer-list > li');
    await page.getByRole('listitem', { name: fixture.layers[0]!.name, exact: true }).waitFor({ timeout: WAIT });
    assert.equal(await list.count(), fixture.layers.length);
    for (const l of fixture.layers) {
      const item = page.getByRole('listitem', { name: l.name, exact: true });
      assert.equal(await item.locator('.layer-count').innerText(), `${l.source.data.features.length} feature${l.source.data.features.length === 1 ? '' : 's'}`);
      assert.equal(await item.getByLabel('Role').inputValue(), l.role);
      assert.equal(await item.getByRole('checkbox').isChecked(), l.visible);
      assert.equal(Number(await item.getByLabel('Opacity').inputValue()), l.opacity);
    }
  }

  async function save(): Promise<Record<string, unknown>> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save project' }).click()]);
    return JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
  }

  test('opening the v1 fixture replaces the demo with its layers and settings', { timeout: 90_000 }, async () => {
    await page.getByTestId('project-input').setInputFiles(FIXTURE);
    await expectFixtureShown();
    await shot(page, 'project-opened');
  });

  test('save, then open the saved file: same layers and settings', { timeout: 90_000 }, async () => {
    const saved = await save();
    assert.equal(saved.name, fixture.name);
    assert.deepEqual(saved.settings, fixture.settings);
    assert.deepEqual((saved.layers as typeof fixture.layers).map((l) => [l.id, l.name, l.role, l.visible, l.opacity, l.fieldMapping]),
      fixture.layers.map((l) => [l.id, l.name, l.role, l.visible, l.opacity, l.fieldMapping]));
    // Open it again on top (the ids are taken, so the app renames them; what the user sees is the same).
    await page.getByTestId('project-input').setInputFiles({ name: 'saved.cfc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
    await page.waitForFunction((n) => window.__cfc!.layers().every((l) => l.id.endsWith('-2')) && window.__cfc!.layers().length === n, fixture.layers.length, { timeout: WAIT });
    await expectFixtureShown();
    const again = await save();
    assert.deepEqual({ ...again, layers: (again.layers as { id: string }[]).map((l) => ({ ...l, id: l.id.replace(/-2$/, '') })) }, saved);
  });

  test('a broken project file is refused with its reason; the current layers stay', { timeout: 90_000 }, async () => {
    const beforeLayers = await layers(page);
    const broken = { ...fixture, schemaVersion: 7 };
    await page.getByTestId('project-input').setInputFiles({ name: 'from-the-future.cfc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const alert = page.getByRole('alert');
    await alert.getByText('from-the-future.cfc.json').first().waitFor({ timeout: WAIT });
    assert.match(await alert.innerText(), /from-the-future\.cfc\.json.*newer version of cfc-planner \(schemaVersion 7 is newer than this app \(1\)\)/s);
    await page.getByTestId('project-input').setInputFiles({ name: 'cut-short.cfc.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 1, "layers": [') });
    await alert.getByText('cut-short.cfc.json').first().waitFor({ timeout: WAIT });
    assert.match(await alert.innerText(), /cut-short\.cfc\.json.*is not a project file: its JSON cannot be read/s);
    await shot(page, 'project-refused');
    assert.deepEqual(await layers(page), beforeLayers);
    assert.deepEqual(problems, []);
  });
});
