/**
 * What one map frame costs where there is no GPU (Chromium falls back to SwiftShader on office VDI desktops,
 * and every browser test here renders that way): the GPU process's CPU time per full map redraw of the demo
 * city, against the same map with nothing on it (its basemap background only), measured in the same page.
 * Then each data layer's share: the frame cost with that layer hidden, one at a time.
 *
 * Found with it (2026-12-03): the homes' building outlines (a 0.5 px deck.gl path layer on 8,100 polygons)
 * cost 1.3–2.2 s per frame, more than everything else together; they are not drawn now.
 *
 *   npm run bench -- frame-cost        (BENCH_BUILD=0 reuses the last build)
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { gpuProcessCpuMs, launchChromium, serveBuild } from './browser-util';
import type { BenchReport } from './run-all';

const FRAMES = 6;

/** Median GPU-process CPU per frame over FRAMES forced redraws (each waits for the frame and a quiet 300 ms). */
async function frameCost(page: Page): Promise<number> {
  await page.waitForTimeout(1500);
  const costs: number[] = [];
  for (let i = 0; i < FRAMES; i++) {
    const before = gpuProcessCpuMs();
    await page.evaluate(() => new Promise<void>((resolve) => {
      const map = window.__cfc!.map();
      map.once('idle', () => resolve());
      map.triggerRepaint();
    }));
    await page.waitForTimeout(300);
    costs.push(gpuProcessCpuMs() - before);
  }
  costs.sort((a, b) => a - b);
  return costs[Math.floor(costs.length / 2)]!;
}

export async function run(): Promise<BenchReport> {
  const { url, proc } = await serveBuild();
  const browser = await launchChromium();
  const rows: string[] = [];
  const views: [string, number][] = [];
  let full: number;
  let bare: number;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}?e2e=1&lang=en`);
    await page.waitForFunction(() => window.__cfc?.ready === true, null, { timeout: 240_000 });
    full = await frameCost(page);
    const layers = await page.evaluate(() => window.__cfc!.layers().map((l) => ({ name: l.name, features: l.featureCount, engine: l.drawn?.engine ?? '?' })));
    for (const l of layers) {
      const box = page.getByRole('checkbox', { name: `Show ${l.name}`, exact: true });
      await box.uncheck();
      const without = await frameCost(page);
      await box.check();
      rows.push(`| ${l.name} | ${l.features} | ${l.engine} | ${full - without} |`);
    }
    // The views users (and the browser tests) spend their time in: after an access analysis, safe routes shown.
    await page.getByRole('tab', { name: 'Access' }).click();
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.getByRole('status').getByText('Done.').waitFor({ timeout: 240_000 });
    views.push(['after an access analysis', await frameCost(page)]);
    await page.getByRole('tab', { name: 'Safe routes' }).click();
    await page.getByRole('button', { name: 'Find safe routes' }).click();
    await page.getByTestId('safety-summary').waitFor({ timeout: 240_000 });
    views.push(['safe routes shown', await frameCost(page)]);
    // The peer: the same map and canvas with every layer and the deck.gl overlay taken off, the background left.
    await page.evaluate(() => {
      const map = window.__cfc!.map() as unknown as { _controls: { _deck?: unknown }[]; removeControl(c: unknown): void; getLayersOrder(): string[]; removeLayer(id: string): void };
      for (const c of [...map._controls]) if (c._deck) map.removeControl(c);
      for (const id of map.getLayersOrder()) if (id !== 'background') map.removeLayer(id);
    });
    bare = await frameCost(page);
  } finally {
    await browser.close();
    if (proc.pid) process.kill(-proc.pid);
  }
  return {
    section: 'Map frame cost without a GPU',
    markdown: [
      `\`npm run bench -- frame-cost\` (${new Date().toISOString().slice(0, 10)}): Debian Chromium headless, SwiftShader, 1280×800, demo city at its start view.`,
      `GPU-process CPU per full map redraw, median of ${FRAMES}. Shared 2-core machine: read the ratio, not the milliseconds.`,
      '',
      '| map | CPU per frame (ms) | × bare map |',
      '|---|---|---|',
      `| demo city, all layers | ${full} | ${(full / Math.max(bare, 1)).toFixed(1)} |`,
      ...views.map(([name, ms]) => `| demo city, ${name} | ${ms} | ${(ms / Math.max(bare, 1)).toFixed(1)} |`),
      `| same map, background only (peer) | ${bare} | 1.0 |`,
      '',
      'Each layer\'s share (the frame with it hidden, subtracted from the full frame; noisy, ±100 ms):',
      '',
      '| layer | features | drawn by | ms per frame |',
      '|---|---|---|---|',
      ...rows,
      '',
      'Before (same bench, 2026-12-03, homes drawn with building outlines): 1,500–2,700 ms per frame, homes alone 1,200–2,200 ms.',
    ].join('\n'),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const r = await run();
  console.log(`\n## ${r.section}\n\n${r.markdown}`);
}
