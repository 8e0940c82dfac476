/**
 * Browser-test helpers: Debian's Chromium via playwright-core with the flags from
 * docs/browser-testing.md, the app opened against E2E_BASE_URL, screenshots kept in
 * test-results/screenshots/, and pixel checks done by decoding PNGs inside the page.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/**
 * The server under test. No default port: whatever happened to hold 4173 was tested before. scripts/test-all.mjs
 * starts its own preview on a free port and checks it serves this build before setting this.
 */
export const BASE_URL = (() => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run `npm run test:e2e`, or serve a build yourself and set E2E_BASE_URL=http://127.0.0.1:<port>/');
  return url;
})();
export const WAIT = 60_000;
const SHOTS = 'test-results/screenshots';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
      '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface AppPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  readonly problems: string[];
  /** Requests that left the machine (anything not on the app's own origin, data: or blob:). */
  readonly remoteRequests: string[];
}

export async function openApp(
  browser: Browser,
  opts: { hash?: string; lang?: 'en' | 'zh'; beforeGoto?: (page: Page) => Promise<unknown>; readyTimeout?: number } = {},
): Promise<AppPage> {
  // A context of its own that may hold a second page (browser.newPage's may not); it closes with the page.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  const problems: string[] = [];
  const remoteRequests: string[] = [];
  const origin = new URL(BASE_URL).origin;
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) remoteRequests.push(u);
  });
  const url = new URL(BASE_URL);
  url.searchParams.set('e2e', '1');
  url.searchParams.set('lang', opts.lang ?? 'en');
  url.hash = opts.hash ?? '';
  await opts.beforeGoto?.(page);
  await page.goto(url.href);
  await waitReady(page, opts.readyTimeout);
  return { page, problems, remoteRequests };
}

export async function waitReady(page: Page, timeout = WAIT): Promise<void> {
  await page.waitForFunction(() => window.__cfc?.ready === true, null, { timeout });
}

/** Waits until the map has drawn everything asked of it so far. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => window.__cfc!.whenDrawn());
}

export async function shot(target: Page | Locator, name: string): Promise<Buffer> {
  mkdirSync(SHOTS, { recursive: true });
  return target.screenshot({ path: `${SHOTS}/${name}.png` });
}

export interface PixelStats {
  /** Distinct colours after quantising to 5 bits per channel. */
  readonly colours: number;
  readonly width: number;
  readonly height: number;
}

/** Decodes PNGs in the page (no PNG library in Node here) and compares them. */
export async function pixelStats(page: Page, png: Buffer): Promise<PixelStats> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) seen.add(((d[i] >> 3) << 10) | ((d[i + 1] >> 3) << 5) | (d[i + 2] >> 3));
    return { colours: seen.size, width: bmp.width, height: bmp.height };
  }, png.toString('base64'));
}

/** Share of pixels (0..1) that differ by more than a small tolerance between two same-size PNGs. */
export async function pixelDiff(page: Page, a: Buffer, b: Buffer): Promise<number> {
  // No named inner functions here: tsx would wrap them in a helper that does not exist in the page.
  return page.evaluate(async ([a64, b64]) => {
    const [x, y] = await Promise.all([a64, b64].map(async (s) => {
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(s), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    }));
    if (x.length !== y.length) return 1;
    let n = 0;
    for (let i = 0; i < x.length; i += 4) {
      if (Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]) > 24) n++;
    }
    return n / (x.length / 4);
  }, [a.toString('base64'), b.toString('base64')] as const);
}

export type LayerSummary = { id: string; name: string; role: string; visible: boolean; featureCount: number; drawn: { engine: string; visible: boolean } | null };

export const layers = (page: Page): Promise<LayerSummary[]> => page.evaluate(() => window.__cfc!.layers());
