/**
 * npm run bench: runs every tests/bench/*.bench.ts that exports run(), prints what each returns, and
 * rewrites its section of tests/bench/RESULTS.md when run() returns a BenchReport ({ section, markdown }).
 * Sections of RESULTS.md that no benchmark wrote this time are kept as they are.
 * `npm run bench -- pipeline` runs only the files whose name contains "pipeline".
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchReport {
  /** Heading of the RESULTS.md section (without "## "). */
  readonly section: string;
  readonly markdown: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.join(here, 'RESULTS.md');
const isReport = (x: unknown): x is BenchReport => typeof (x as BenchReport)?.section === 'string' && typeof (x as BenchReport)?.markdown === 'string';

/** Replaces (or appends) "## section" up to the next "## " heading. */
export function replaceSection(doc: string, section: string, markdown: string): string {
  const body = `## ${section}\n\n${markdown.trim()}\n`;
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${section}`);
  if (start < 0) return `${doc.trimEnd()}\n\n${body}`;
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  return [...lines.slice(0, start), ...body.split('\n'), ...lines.slice(end)].join('\n').replace(/\n{3,}/g, '\n\n');
}

const benchFiles = (): string[] => readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();

const usage = (): string => `Usage: npm run bench [-- NAME]

Runs every tests/bench/*.bench.ts that exports run() and rewrites its section of tests/bench/RESULTS.md.
Timings depend on the machine's load: run on an idle machine before quoting them.

Options:
  NAME         run only the benchmarks whose file name contains NAME. Default: all of them
               (${benchFiles().map((f) => f.replace('.bench.ts', '')).join(', ')}).
  --help, -h   show this help.

Example:
  npm run bench -- pipeline`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage());
    return;
  }
  const bad = argv.find((a) => a.startsWith('-'));
  if (bad || argv.length > 1) {
    console.error(`bench: ${bad ? `unknown option ${bad}` : 'one NAME only'}\nRun \`npm run bench -- --help\` for the options.`);
    process.exit(2);
  }
  const filter = argv[0];
  const files = benchFiles().filter((f) => !filter || f.includes(filter));
  let doc = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n';
  for (const file of files) {
    const source = readFileSync(path.join(here, file), 'utf8');
    // Import only modules that export run(): importing runs top-level code.
    if (!/export (async )?function run\(/.test(source)) continue;
    console.log(`\n=== ${file}`);
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run: () => unknown };
    const out = await mod.run();
    const reports = (Array.isArray(out) ? out : [out]).filter(isReport);
    if (reports.length === 0) console.table(out);
    for (const r of reports) {
      console.log(`\n## ${r.section}\n\n${r.markdown}`);
      doc = replaceSection(doc, r.section, r.markdown);
    }
    writeFileSync(resultsFile, doc);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
