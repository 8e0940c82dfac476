/**
 * Shared by the browser benchmarks: their own build of the app served by `vite preview` on a free port,
 * Debian's Chromium with software WebGL, a city's files served in place of the demo's, and the resident
 * memory of the Chromium process tree this run started (the tab's renderer, its workers, the GPU process).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

// BENCH_OUT: a build folder of one's own (other engineers' benches build into the default one).
const OUT = process.env.BENCH_OUT ?? path.join(tmpdir(), 'cfc-bench-dist');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Builds (unless BENCH_BUILD=0 and a build exists) and serves the app; kill `proc`'s group when done. */
export async function serveBuild(): Promise<{ url: string; proc: ChildProcess }> {
  // Its own build: no asset inlined (small demo layers would become data: URLs that cannot be swapped).
  if (process.env.BENCH_BUILD !== '0' || !existsSync(path.join(OUT, 'index.html'))) {
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--assetsInlineLimit', '0', '--outDir', OUT, '--emptyOutDir'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  // BENCH_PORT: a port this engineer owns on a shared machine; else any free one.
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const proc = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', OUT], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return { url, proc };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

export const launchChromium = (): Promise<Browser> => chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/**
 * Serves a generated city's layer files in place of the demo's (same file names); returns its URL hash.
 * The files come from a small HTTP server of this process (byte ranges supported): handing a file to
 * route.fulfill sends it through the DevTools connection, base64-encoded, and a file above ~75 MB (the
 * Shenzhen-scale homes.fgb is 97 MB) overflows Chromium's 100 MB DevTools buffer, which closes the page.
 */
export async function serveCityInPlaceOfDemo(page: Page, dir: string): Promise<string> {
  const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { center: [number, number] };
  const server = createHttpServer((req, res) => {
    const file = path.join(dir, path.basename(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!file.endsWith('.fgb') || !existsSync(file)) return void res.writeHead(404).end();
    const size = statSync(file).size;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    const start = range?.[1] ? Number(range[1]) : range?.[2] ? Math.max(0, size - Number(range[2])) : 0;
    const end = range?.[1] && range[2] ? Math.min(size - 1, Number(range[2])) : size - 1;
    res.writeHead(range ? 206 : 200, {
      'content-type': 'application/octet-stream', 'content-length': String(end - start + 1), 'accept-ranges': 'bytes',
      'access-control-allow-origin': '*', ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    });
    createReadStream(file, { start, end }).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  page.once('close', () => server.close());
  const { port } = server.address() as { port: number };
  await page.route(/\/assets\/.+\.fgb$/, (route) => {
    const file = /\/assets\/(.+)-[\w-]{8}\.fgb$/.exec(new URL(route.request().url()).pathname)?.[1];
    if (!file || !existsSync(path.join(dir, `${file}.fgb`))) return route.continue();
    return route.continue({ url: `http://127.0.0.1:${port}/${file}.fgb` });
  });
  return `#map=13/${m.center[1]}/${m.center[0]}`;
}

interface ProcRow { readonly parent: number; readonly rssBytes: number; readonly cpuMs: number; readonly cmdline: string }

/** Every process descended from this Node process (Linux /proc): other engineers' Chromiums are not ours. */
function myProcesses(): ProcRow[] {
  const rows = new Map<number, ProcRow>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime + stime in clock ticks of 10 ms; rss in 4 KiB pages.
      rows.set(Number(d), { parent: Number(f[1]), rssBytes: Number(f[21]) * 4096, cpuMs: (Number(f[11]) + Number(f[12])) * 10, cmdline: readFileSync(`/proc/${d}/cmdline`, 'utf8') });
    } catch { /* the process ended while we looked */ }
  }
  const mine = (pid: number): boolean => {
    for (let p = rows.get(pid)?.parent; p !== undefined && p > 1; p = rows.get(p)?.parent) if (p === process.pid) return true;
    return false;
  };
  return [...rows].filter(([pid]) => mine(pid)).map(([, r]) => r);
}

/** Resident memory (MB) of every Chromium process descended from this Node process. */
export function chromiumTreeRssMB(): number {
  return myProcesses().reduce((s, r) => s + r.rssBytes, 0) / 2 ** 20;
}

/** CPU time (ms) used so far by this run's Chromium GPU processes: where software WebGL draws. */
export function gpuProcessCpuMs(): number {
  return myProcesses().filter((r) => r.cmdline.includes('--type=gpu-process')).reduce((s, r) => s + r.cpuMs, 0);
}
