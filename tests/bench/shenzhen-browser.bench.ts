/**
 * The Shenzhen-scale city in one Chromium tab (issue 11's targets: the tab's peak memory ≤ 2.5 GB, load +
 * full analysis ≤ 30 s, no main-thread long task over 50 ms), against the 1M-person demo city in the same
 * run and the same tab setup as the peer. Each city's files are served in place of the demo's; the app
 * loads them like the demo (io worker → store → map), then "Run analysis" runs the full access analysis
 * (every category, the project's thresholds, all four levels). Memory: resident memory of the Chromium
 * process tree (renderer, workers, GPU process), sampled every 500 ms. Long tasks: the page's
 * PerformanceObserver (wall time, which on a loaded machine includes waiting for a core).
 * A city that does not finish within BENCH_CITY_TIMEOUT_S (default 900 s) is recorded as such.
 *
 *   npm run bench -- shenzhen-browser
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ensureCity, ensureShenzhen, fmt } from './bench-util';
import { chromiumTreeRssMB, launchChromium, serveBuild, serveCityInPlaceOfDemo } from './browser-util';
import type { BenchReport } from './run-all';

const TIMEOUT_MS = Number(process.env.BENCH_CITY_TIMEOUT_S ?? 900) * 1000;
// BENCH_CITIES=shenzhen: the big city alone (to look into it); the default measures the peer too.
const CITIES = (process.env.BENCH_CITIES ?? 'demo,shenzhen').split(',');

/** What the page says while it works: errors, a crash, and every 30 s its layers and jobs (a hung page says so). */
function watch(page: Page, name: string): () => void {
  const t0 = performance.now();
  const at = () => `${name} +${fmt((performance.now() - t0) / 1000)} s`;
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`${at()} console.${m.type()}: ${m.text().slice(0, 500)}`); });
  page.on('pageerror', (e) => console.log(`${at()} page error: ${e.message.slice(0, 500)}`));
  page.on('crash', () => console.log(`${at()} THE TAB CRASHED (renderer gone; often out of memory)`));
  page.on('close', () => console.log(`${at()} the page closed`));
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) console.log(`${at()} navigated to ${f.url().slice(0, 120)}`); });
  page.on('worker', (w) => w.on('close', () => console.log(`${at()} a worker ended: ${w.url()}`)));
  const timer = setInterval(() => {
    const probe = page.evaluate(() => ({
      layers: window.__cfc?.layers().map((l) => `${l.role}:${l.featureCount}`).join(' ') ?? 'no hook yet',
      state: window.__cfc?.state(),
      status: document.querySelector('.analysis-status')?.getAttribute('data-status') ?? null,
      progress: [...document.querySelectorAll('[role=progressbar], progress')].map((p) => `${p.getAttribute('aria-label') ?? ''} ${p.getAttribute('aria-valuenow') ?? (p as HTMLProgressElement).value ?? ''}`).join('; '),
    }));
    const late = new Promise<string>((r) => setTimeout(() => r('main thread did not answer within 10 s'), 10_000));
    void Promise.race([probe.then((x) => JSON.stringify(x)), late]).catch((e: Error) => e.message).then((x) => console.log(`${at()} ${chromiumTreeRssMB().toFixed(0)} MB: ${x}`));
  }, 30_000);
  return () => clearInterval(timer);
}

interface Figures { readonly loadS: number | null; readonly analysisS: number | null; readonly peakMB: number; readonly longTasks: number; readonly longestMs: number; readonly homes: string }

async function measure(browser: Browser, base: string, dir: string, name: string): Promise<Figures> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, chromiumTreeRssMB())), 500);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const hash = await serveCityInPlaceOfDemo(page, dir);
  const unwatch = watch(page, name);
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  const wait = (fn: () => unknown) => page.waitForFunction(fn, null, { timeout: TIMEOUT_MS, polling: 500 }).then(() => true, (e: Error) => {
    console.log(`${name}: stopped waiting: ${e.message.split('\n')[0]}`);
    return false;
  });
  const t0 = performance.now();
  let loadS: number | null = null;
  let analysisS: number | null = null;
  try {
    await page.goto(`${base}?e2e=1&lang=en${hash}`);
    if (await wait(() => window.__cfc?.ready === true)) {
      loadS = (performance.now() - t0) / 1000;
      console.log(`${name}: loaded in ${fmt(loadS, 1)} s, ${fmt(peak)} MB so far`);
      await page.evaluate(() => (document.querySelector('#tab-analysis') as HTMLElement).click());
      await wait(() => !!document.querySelector('.analysis-run .primary'));
      const t1 = performance.now();
      await page.evaluate(() => (document.querySelector('.analysis-run .primary') as HTMLElement).click());
      if (await wait(() => document.querySelector('.analysis-status')?.getAttribute('data-status') === 'done')) analysisS = (performance.now() - t1) / 1000;
    }
  } finally {
    clearInterval(sampler);
    unwatch();
  }
  peak = Math.max(peak, chromiumTreeRssMB());
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long).catch(() => [] as number[]);
  const homes = await page.evaluate(() => window.__cfc?.layers().find((l) => l.role === 'homes')?.featureCount ?? 0).catch(() => 0);
  await page.close();
  const f = { loadS, analysisS, peakMB: peak, longTasks: long.length, longestMs: Math.max(0, ...long), homes: homes.toLocaleString('en') };
  console.log(name, f);
  return f;
}

export async function run(): Promise<BenchReport> {
  const load = loadavg()[0];
  const dirs = { peer: CITIES.includes('demo') ? ensureCity() : '', big: CITIES.includes('shenzhen') ? ensureShenzhen() : '' };
  const { url, proc } = await serveBuild();
  const browser = await launchChromium();
  const skipped: Figures = { loadS: null, analysisS: null, peakMB: NaN, longTasks: NaN, longestMs: NaN, homes: 'not run' };
  let peer: Figures;
  let big: Figures;
  try {
    peer = dirs.peer ? await measure(browser, url, dirs.peer, '1M demo') : skipped;
    big = dirs.big ? await measure(browser, url, dirs.big, 'Shenzhen') : skipped;
  } finally {
    await browser.close();
    if (proc.pid) process.kill(-proc.pid);
  }
  const s = (x: number | null) => (x === null ? `did not finish in ${TIMEOUT_MS / 1000} s` : fmt(x, 1));
  const ratio = (a: number | null, b: number | null) => (a && b ? `${fmt(b / a, 1)}×` : '–');
  const md = [
    `\`npm run bench -- shenzhen-browser\` (${new Date().toISOString().slice(0, 10)}): Debian Chromium headless, software WebGL, one tab per city,`,
    `the city's files served in place of the demo's and analysed with "Run analysis". Load average ${fmt(load, 1)} at the start.`,
    'Targets (issue 11) for the 17.7 M city: peak ≤ 2,500 MB, load + analysis ≤ 30 s, no long task.',
    '',
    '| measure | 1M demo (peer) | Shenzhen 17.7 M | ratio |',
    '|---|---:|---:|---:|',
    `| homes loaded | ${peer.homes} | ${big.homes} | |`,
    `| load until drawn (s) | ${s(peer.loadS)} | ${s(big.loadS)} | ${ratio(peer.loadS, big.loadS)} |`,
    `| full access analysis (s) | ${s(peer.analysisS)} | ${s(big.analysisS)} | ${ratio(peer.analysisS, big.analysisS)} |`,
    `| peak resident memory of the Chromium tree (MB) | ${fmt(peer.peakMB)} | ${fmt(big.peakMB)} | ${ratio(peer.peakMB, big.peakMB)} |`,
    `| main-thread long tasks (count / longest ms, wall) | ${peer.longTasks} / ${fmt(peer.longestMs)} | ${big.longTasks} / ${fmt(big.longestMs)} | |`,
  ].join('\n');
  console.log(md);
  return { section: 'Shenzhen-scale city in Chromium (issue 11 baseline)', markdown: md };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await run();
