/**
 * Project files through the real UI: open the v1 fixture (tests/e2e/fixtures/project-v1.cfc.json, its layers
 * and settings known from the file), save it, open the saved file again → same layers and settings; a broken
 * project is refused with its reason, naming the file, and the current layers stay; the hostile files of
 * tests/fixtures/project-hostile give the outcomes its README lists; an edited rule survives save → New
 * project → open.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, layers, openApp, shot, WAIT } from './helpers/browser';

const FIXTURE = 'tests/e2e/fixtures/project-v1.cfc.json';
const HOSTILE = 'tests/fixtures/project-hostile';
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
    assert.match(await alert.innerText(), /from-the-future\.cfc\.json.*newer version of cfc-planner \(project version 7; this app reads up to 2\)/s);
    await page.getByTestId('project-input').setInputFiles({ name: 'cut-short.cfc.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 1, "layers": [') });
    await alert.getByText('cut-short.cfc.json').first().waitFor({ timeout: WAIT });
    assert.match(await alert.innerText(), /cut-short\.cfc\.json.*is not a project file: its JSON cannot be read \(the file ends early/s);
    await shot(page, 'project-refused');
    assert.deepEqual(await layers(page), beforeLayers);
    assert.deepEqual(problems, []);
  });

  test('hostile: a string schemaVersion is refused in words; the current layers stay', { timeout: 90_000 }, async () => {
    const beforeLayers = await layers(page);
    await page.getByTestId('project-input').setInputFiles(`${HOSTILE}/string-version.cfc.json`);
    const line = page.locator('.alert[data-error-code="project.version-not-number"]');
    await line.waitFor({ timeout: WAIT });
    assert.match(await line.innerText(), /string-version\.cfc\.json.*schemaVersion must be a number, got "1"/s);
    await page.getByTestId('project-input').setInputFiles(`${HOSTILE}/unknown-field.cfc.json`);
    const unknown = page.locator('.alert[data-error-code="project.unknown-field"]');
    await unknown.waitFor({ timeout: WAIT });
    assert.match(await unknown.innerText(), /unknown-field\.cfc\.json.*unknown top-level field fetchUrl/s);
    await shot(page, 'project-hostile-refused');
    assert.deepEqual(await layers(page), beforeLayers);
  });

  test('hostile: one Bogus geometry among 5 homes opens with 4 homes and a warning naming it', { timeout: 90_000 }, async () => {
    await page.getByTestId('project-input').setInputFiles(`${HOSTILE}/bogus-geometry.cfc.json`);
    const homes = page.getByRole('listitem', { name: 'homes', exact: true });
    await homes.waitFor({ timeout: WAIT });
    assert.equal(await homes.locator('.layer-count').innerText(), '4 features');
    const warnings = await homes.getByRole('list', { name: 'Warnings for homes' }).innerText();
    assert.match(warnings, /1 features? of layer “homes” ha(s|ve) no usable geometry and (was|were) left out: h3-bogus/);
    const summary = (await layers(page)).map((l) => [l.name, l.role, l.featureCount]);
    assert.deepEqual(summary, [['streets', 'streets', 1], ['homes', 'homes', 4]]);
    await shot(page, 'project-hostile-bogus');
    assert.deepEqual(problems, []);
  });

  test('an edited rule is saved: edit, save, New project, open → the edit is back', { timeout: 120_000 }, async () => {
    const RULE = 'community.kindergarten-300m';
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.getByLabel('Rule set', { exact: true }).selectOption('default');
    const item = () => page.locator(`li[data-rule-id="${RULE}"]`);
    assert.equal(await item().getByLabel('Target (%)').inputValue(), '80');
    await item().getByLabel('Target (%)').fill('55');
    await item().getByRole('button', { name: /^Apply/ }).click();
    await page.waitForFunction((id) => (document.querySelector(`li[data-rule-id="${id}"] input[name=target]`) as HTMLInputElement | null)?.defaultValue === '55', RULE);
    const saved = await save();
    const sets = saved.ruleSets as { id: string; rules: { id: string; target: number }[] }[];
    assert.deepEqual(sets.map((r) => r.id), ['default']);
    assert.equal(sets[0]!.rules.find((r) => r.id === RULE)!.target, 0.55);

    await page.getByRole('button', { name: 'New project' }).click();
    const confirm = page.getByRole('button', { name: 'Start a new project' });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await page.waitForFunction(() => window.__cfc!.layers().length === 0, null, { timeout: WAIT });
    assert.equal(await item().getByLabel('Target (%)').inputValue(), '80');
    assert.equal(await page.locator('.rules-picker select option:checked').innerText(), 'Shenzhen child-friendly city and GB 50180-2018 life circles');

    await page.getByTestId('project-input').setInputFiles({ name: 'edited-rule.cfc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
    await page.waitForFunction(() => window.__cfc!.layers().length > 0, null, { timeout: WAIT });
    await page.waitForFunction((id) => (document.querySelector(`li[data-rule-id="${id}"] input[name=target]`) as HTMLInputElement | null)?.value === '55', RULE, { timeout: WAIT });
    assert.match(await page.locator('.rules-picker select option:checked').innerText(), /^Shenzhen child-friendly city and GB 50180-2018 life circles \(edited\)/);
    await shot(page, 'project-edited-rule-reopened');
    assert.deepEqual(problems, []);
  });
});
