#!/usr/bin/env node
// Runs every check a change must pass, in order, and ends with one line
// `N passed, N failed, N cancelled, N skipped, N todo`: typecheck, lint, unit tests (Vitest, Node),
// production build, browser tests (playwright-core + Chromium against our own `vite preview`). Each step's
// output streams through; failures do not stop later steps. A cancelled test (a browser file that timed out
// or crashed) fails the run: what did not run must not look like a pass. Timings per step and per browser
// file are printed at the end, so the 15-minute budget can be checked.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tapSummary } from './tap-summary.mjs';
import { vitestCounts } from './vitest-counts.mjs';

const results = { passed: 0, failed: 0, cancelled: 0, skipped: 0, todo: 0 };
const failedSteps = [];
const timings = [];
// One browser file may take this long (node's --test-timeout: the whole file's subprocess); a file that
// hangs is cancelled, and the watchdog kills its process group a minute later if it still lingers.
const FILE_TIMEOUT_MS = Number(process.env.E2E_FILE_TIMEOUT_MS ?? 8 * 60_000);
// Process groups we started (detached), ended if we are interrupted: no preview server outlives the run.
const groups = new Set();
const endGroups = () => {
  for (const pid of groups) {
    try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
  }
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (endGroups(), process.exit(130)));

/** Runs a command with inherited output (or captured and echoed when `capture`); resolves its status. */
function run(cmd, args, { capture = false, quiet = false, env, timeoutMs } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], env, detached: Boolean(timeoutMs) });
    if (timeoutMs) groups.add(child.pid);
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      if (!quiet) process.stdout.write(d);
    });
    let killed = false;
    const timer = timeoutMs
      ? setTimeout(() => {
        killed = true;
        console.log(`\n[watchdog] ${cmd} ${args.join(' ')} still running after ${Math.round(timeoutMs / 1000)} s: killed`);
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      }, timeoutMs)
      : null;
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      groups.delete(child.pid);
      resolve({ ok: code === 0 && !killed, out, killed });
    });
  });
}

function step(name, ok) {
  if (ok) results.passed++;
  else {
    results.failed++;
    failedSteps.push(name);
  }
  console.log(`\n[${ok ? 'PASS' : 'FAIL'}] ${name}\n`);
}

async function timed(name, fn) {
  const t0 = Date.now();
  const r = await fn();
  timings.push([name, Date.now() - t0]);
  return r;
}

/** A port nobody holds right now: the OS picks one for a throwaway listener. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const bin = (name) => `node_modules/.bin/${name}`;
// `--only=e2e` (npm run test:e2e) skips the static checks and unit tests: build, then browser tests.
const e2eOnly = process.argv.includes('--only=e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Browser files run this many at a time (E2E_JOBS=1 for one after the other, as when debugging).
const E2E_JOBS = Number(process.env.E2E_JOBS ?? 2);
// Seconds each browser file took in the last clean-clone CI run (2 at a time), to start the long ones first so
// the pool does not end on a straggler. Files changed since: resilience (park, 148 -> ~54 s alone), autosave
// (2 demo loads fewer), demo-city (language-and-hash merged in): estimates. Unlisted files count as 1.
const E2E_WEIGHT = {
  'autosave.e2e.ts': 230, 'export.e2e.ts': 222, 'co-sketch.e2e.ts': 177, 'analysis.e2e.ts': 156, 'layout.e2e.ts': 151,
  'demo-city.e2e.ts': 140, 'osm-import.e2e.ts': 130, 'rules.e2e.ts': 120, 'projects.e2e.ts': 120,
  'safe-routes.e2e.ts': 110, 'rules-fit.e2e.ts': 104, 'limburg.e2e.ts': 96, 'resilience.e2e.ts': 90, 'load-view.e2e.ts': 87,
  'import-mapping.e2e.ts': 78, 'load-files.e2e.ts': 76, 'basemap-consent.e2e.ts': 67, 'csp.e2e.ts': 48,
  'long-task.e2e.ts': 48, 'project-files.e2e.ts': 42, 'rules-no-counts.e2e.ts': 36,
};

// A fresh machine has no browser: install Debian's Chromium when we may (root), as .ci/run does.
if (!existsSync(CHROMIUM) && process.getuid?.() === 0) {
  console.log('Installing Debian chromium for the browser tests (apt-get)...');
  await run('sh', ['-c', 'DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq chromium >/dev/null']);
}
// The export browser test reads its PDFs with poppler (pdffonts, pdftotext, pdfimages, pdftoppm).
if (!existsSync('/usr/bin/pdffonts') && process.getuid?.() === 0) {
  console.log('Installing poppler-utils for the export browser test (apt-get)...');
  await run('sh', ['-c', 'DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null']);
}

if (!e2eOnly) {
  // Both single-threaded: run side by side on the two cores, their output printed whole, one after the other.
  const [tc, lint] = await Promise.all([
    timed('typecheck', () => run('npm', ['run', '--silent', 'typecheck'], { capture: true, quiet: true })),
    timed('lint', () => run(bin('eslint'), ['.', '--max-warnings=0'], { capture: true, quiet: true })),
  ]);
  process.stdout.write(tc.out);
  step('typecheck', tc.ok);
  process.stdout.write(lint.out);
  step('lint (import boundaries, file size)', lint.ok);

  rmSync('.ci-unit.json', { force: true });
  await timed('unit (vitest)', () => run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=.ci-unit.json']));
  if (existsSync('.ci-unit.json')) {
    const j = JSON.parse(readFileSync('.ci-unit.json', 'utf8'));
    const c = vitestCounts(j);
    results.passed += c.passed;
    results.failed += c.failed + c.broken.length;
    results.skipped += c.skipped;
    results.todo += c.todo;
    for (const name of c.broken) failedSteps.push(`unit file failed outside its tests (load error or hook): ${name}`);
    console.log(`\nunit: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped, ${c.todo} todo, ${c.broken.length} files broken`);
    const slow = j.testResults.map((f) => [f.name.replace(`${process.cwd()}/`, ''), f.endTime - f.startTime]).sort((a, b) => b[1] - a[1]);
    console.log('slowest unit files:');
    for (const [name, ms] of slow.slice(0, 8)) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
  } else step('unit tests produced a report', false);
}

const built = (await timed('build', () => run(bin('vite'), ['build', '--logLevel', 'warn']))).ok;
step('production build', built);

if (built) {
  if (!existsSync(CHROMIUM)) {
    step('browser tests: Chromium at /usr/bin/chromium (.ci/run installs it)', false);
  } else {
    await timed('browser tests', browserTests);
  }
}

async function browserTests() {
  const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const preview = spawn(bin('vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  groups.add(preview.pid);
  let exited = false;
  preview.on('exit', () => (exited = true));
  try {
    // Ours when it serves this build's index.html byte for byte (another server on the port would not).
    const index = readFileSync('dist/index.html');
    let ours = false;
    for (let i = 0; i < 150 && !ours && !exited; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const body = await fetch(base).then((r) => (r.ok ? r.arrayBuffer() : null), () => null);
      ours = body !== null && Buffer.from(body).equals(index);
    }
    if (!ours) {
      step(`preview server of this build answering on port ${port}${exited ? ' (it exited: port taken?)' : ''}`, false);
      return;
    }
    const files = readdirSync('tests/e2e').filter((n) => n.endsWith('.e2e.ts')).sort();
    const perFile = [];
    let total = { pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
    // One runner per file: its own process, its own timeout, its own line in the timings. E2E_JOBS files
    // run at once (default 2, one per core of the CI machine); each file's output is printed whole when it
    // ends, so files never interleave. Slowest files first, so the pool does not end on a long straggler.
    const queue = [...files].sort((a, b) => (E2E_WEIGHT[b] ?? 1) - (E2E_WEIGHT[a] ?? 1));
    const runFile = async (file) => {
      const t0 = Date.now();
      const r = await run(bin('tsx'), ['--test', '--test-reporter=tap', `--test-timeout=${FILE_TIMEOUT_MS}`, `tests/e2e/${file}`], {
        capture: true,
        quiet: E2E_JOBS > 1,
        env: { ...process.env, E2E_BASE_URL: base },
        timeoutMs: FILE_TIMEOUT_MS + 60_000,
      });
      if (E2E_JOBS > 1) process.stdout.write(`\n### ${file}\n${r.out}`);
      const s = tapSummary(r.out);
      // Killed by the watchdog, or ended without a summary: nothing it held ran to the end.
      if (r.killed || s.tests === 0) s.cancelled = Math.max(s.cancelled, 1);
      perFile.push([file, Date.now() - t0, s]);
      total = { pass: total.pass + s.pass, fail: total.fail + s.fail, cancelled: total.cancelled + s.cancelled,
        skipped: total.skipped + s.skipped, todo: total.todo + s.todo };
      if (s.fail > 0) failedSteps.push(`${s.fail} browser test(s) failed in ${file}`);
      if (s.cancelled > 0) failedSteps.push(`${s.cancelled} browser test(s) cancelled in ${file} (timeout ${FILE_TIMEOUT_MS / 1000} s or crash)`);
    };
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) await runFile(file);
    };
    await Promise.all(Array.from({ length: Math.max(1, E2E_JOBS) }, worker));
    perFile.sort((a, b) => a[0].localeCompare(b[0]));
    results.passed += total.pass;
    results.failed += total.fail;
    results.cancelled += total.cancelled;
    results.skipped += total.skipped;
    results.todo += total.todo;
    if (total.pass + total.fail + total.cancelled === 0) step('browser tests ran', false);
    console.log(`\nbrowser: ${total.pass} passed, ${total.fail} failed, ${total.cancelled} cancelled, ${total.skipped} skipped`
      + ` on ${base} (screenshots in test-results/screenshots/)`);
    for (const [file, ms, s] of perFile) {
      console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}  (${s.pass} passed, ${s.fail} failed, ${s.cancelled} cancelled)`);
    }
  } finally {
    try { process.kill(-preview.pid, 'SIGTERM'); } catch { /* already gone */ }
    groups.delete(preview.pid);
  }
}

console.log('\ntime per step:');
for (const [name, ms] of timings) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
if (failedSteps.length) console.log(`failed: ${failedSteps.join('; ')}`);
const { passed, failed, cancelled, skipped, todo } = results;
console.log(`${passed} passed, ${failed} failed, ${cancelled} cancelled, ${skipped} skipped, ${todo} todo`);
process.exit(failed === 0 && cancelled === 0 ? 0 : 1);
