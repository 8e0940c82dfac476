#!/usr/bin/env node
// Runs every check a change must pass, in order, and ends with one `N passed, N failed` line:
// typecheck, lint, unit tests (Vitest, Node), production build, browser tests (playwright-core + Chromium
// against `vite preview`). Each step's own output streams through; failures do not stop later steps.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const results = { passed: 0, failed: 0 };
const failedSteps = [];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status === 0;
}

function step(name, ok) {
  if (ok) results.passed++;
  else {
    results.failed++;
    failedSteps.push(name);
  }
  console.log(`\n[${ok ? 'PASS' : 'FAIL'}] ${name}\n`);
}

const bin = (name) => `node_modules/.bin/${name}`;
// `--only=e2e` (npm run test:e2e) skips the static checks and unit tests: build, then browser tests.
const e2eOnly = process.argv.includes('--only=e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// A fresh machine has no browser: install Debian's Chromium when we may (root), as .ci/run does.
if (!existsSync(CHROMIUM) && process.getuid?.() === 0) {
  console.log('Installing Debian chromium for the browser tests (apt-get)...');
  run('sh', ['-c', 'DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq chromium >/dev/null']);
}

if (!e2eOnly) {
step('typecheck', run('npm', ['run', '--silent', 'typecheck']));
step('lint (import boundaries, file size)', run(bin('eslint'), ['.', '--max-warnings=0']));

rmSync('.ci-unit.json', { force: true });
run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=.ci-unit.json']);
if (existsSync('.ci-unit.json')) {
  const j = JSON.parse(readFileSync('.ci-unit.json', 'utf8'));
  results.passed += j.numPassedTests;
  results.failed += j.numFailedTests;
  // A suite that fails to load has no tests to count; count it so it cannot pass silently.
  const broken = j.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  results.failed += broken.length;
  for (const f of broken) failedSteps.push(`unit suite did not load: ${f.name}`);
  console.log(`\nunit: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${broken.length} suites broken`);
} else step('unit tests produced a report', false);
}

const built = run(bin('vite'), ['build', '--logLevel', 'warn']);
step('production build', built);

if (built) {
  if (!existsSync(CHROMIUM)) {
    step('browser tests: Chromium at /usr/bin/chromium (.ci/run installs it)', false);
  } else {
    const preview = spawn(bin('vite'), ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      let up = false;
      for (let i = 0; i < 100 && !up; i++) {
        await new Promise((r) => setTimeout(r, 200));
        up = await fetch(`http://127.0.0.1:${PORT}/`).then((r) => r.ok, () => false);
      }
      if (!up) step('preview server started', false);
      else {
        const e2e = spawnSync(bin('tsx'), ['--test', '--test-reporter=tap', '--test-concurrency=1', 'tests/e2e/'], {
          encoding: 'utf8',
          env: { ...process.env, E2E_BASE_URL: `http://127.0.0.1:${PORT}/` },
          maxBuffer: 64 * 1024 * 1024,
        });
        process.stdout.write(e2e.stdout);
        process.stderr.write(e2e.stderr);
        const pass = Number(/^# pass (\d+)/m.exec(e2e.stdout)?.[1] ?? 0);
        const fail = Number(/^# fail (\d+)/m.exec(e2e.stdout)?.[1] ?? 0);
        results.passed += pass;
        results.failed += fail;
        if (pass + fail === 0) step('browser tests ran', false);
        if (fail > 0) failedSteps.push(`${fail} browser test(s)`);
        console.log(`\nbrowser: ${pass} passed, ${fail} failed (screenshots in test-results/screenshots/)`);
      }
    } finally {
      preview.kill();
    }
  }
}

if (failedSteps.length) console.log(`failed: ${failedSteps.join('; ')}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
