/**
 * The built page's Content-Security-Policy (issue 13; policy in csp.config.ts): present in the page and
 * in the preview server's header, strict (no inline script, nothing remote), and the app loads, draws,
 * reads a GeoPackage (sql.js WebAssembly in the io worker) and runs an analysis under it with no
 * violation; an injected inline script is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launch, layers, openApp, shot, WAIT } from './helpers/browser';
import { answerDemoChoice } from './helpers/files';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

describe('Content-Security-Policy', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

  before(async () => {
    browser = await launch();
    // Collect violations from the very start, before any of the app's scripts run.
    ({ page, problems } = await openApp(browser, { beforeGoto: (p) => p.addInitScript(() => {
      const list: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
      document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    }), readyTimeout: 180_000 }));
  });
  after(async () => {
    await browser?.close();
  });

  test('the built page and the preview server both carry a strict policy', async () => {
    const res = await fetch(BASE_URL);
    const html = await res.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    assert.ok(meta, 'no CSP meta element in the built index.html');
    for (const policy of [meta.replace(/&#39;|&apos;/g, "'"), res.headers.get('content-security-policy') ?? '']) {
      const d = directives(policy);
      assert.deepEqual(d.get('script-src'), ["'self'", "'wasm-unsafe-eval'"], policy);
      // Beyond the origin only the workshop server on this machine (npm run collab, docs/co-sketch.md).
      assert.deepEqual(d.get('connect-src'), ["'self'", 'data:', 'blob:', 'ws://127.0.0.1:*', 'ws://localhost:*'], policy);
      assert.deepEqual(d.get('object-src'), ["'none'"]);
      assert.deepEqual(d.get('default-src'), ["'self'"]);
    }
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'an inline script in index.html');
  });

  test('the app loads and draws the demo with no violation', { timeout: 120_000 }, async () => {
    const drawn = (await layers(page)).filter((l) => l.drawn?.visible);
    assert.ok(drawn.length >= 5, `only ${drawn.length} layers drawn`);
    await shot(page, 'csp-demo');
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
  });

  test('an analysis runs, and a GeoPackage (sql.js WebAssembly) loads, with no violation', { timeout: 300_000 }, async () => {
    await page.getByRole('tab', { name: 'Access' }).click();
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.getByRole('status').filter({ hasText: 'Done.' }).waitFor({ timeout: 180_000 });
    const before = (await layers(page)).length;
    await page.getByTestId('file-input').setInputFiles('tests/fixtures/io/city.gpkg');
    await answerDemoChoice(page, 'Add to the demo');
    await page.waitForFunction((n) => window.__cfc!.layers().length > n || window.__cfc!.state().errors > 0, before, { timeout: WAIT });
    assert.equal(await page.getByRole('alert').locator('.alert').count(), 0, await page.getByRole('alert').innerText());
    assert.ok((await layers(page)).length > before);
    const mapping = page.locator('dialog.field-mapping');
    while (await mapping.count()) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(200);
    }
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, [], 'no error (a CSP refusal is one) in the console');
  });

  test('an injected inline script is refused', async () => {
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.head.append(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    assert.equal(ran, false, 'the inline script ran');
    await page.waitForFunction(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0, null, { timeout: 5_000 });
    assert.match((await violations())[0]!, /^script-src/);
  });
});
