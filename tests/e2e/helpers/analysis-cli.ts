/**
 * Independent answers for the access-panel tests: the command-line pipeline (`npm run analyze -- --demo`)
 * run in Node, its CSVs parsed here. The browser's numbers must equal these, not the page's own output.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type CsvRow = Record<string, string>;

function parseCsv(text: string): CsvRow[] {
  const lines = text.trim().split('\n');
  const split = (line: string) => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        out.push(cur);
        cur = '';
      }
      else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const head = split(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [head[i], v])));
}

let cached: { access: CsvRow[]; coverage: CsvRow[] } | null = null;

/** access.csv and coverage.csv of the demo city with the default settings (300/500/1000 m, 150 m snap). */
export function demoCli(): { access: CsvRow[]; coverage: CsvRow[] } {
  if (cached) return cached;
  const out = mkdtempSync(join(tmpdir(), 'cfc-analyze-'));
  execFileSync('npx', ['tsx', 'src/cli/analyze.ts', '--demo', '--out', out], { stdio: 'ignore', timeout: 120_000 });
  cached = {
    access: parseCsv(readFileSync(join(out, 'access.csv'), 'utf8')),
    coverage: parseCsv(readFileSync(join(out, 'coverage.csv'), 'utf8')),
  };
  return cached;
}

/** Share of children of every age band within `thresholdM` for one unit and category, from coverage.csv. */
export function allAgesShare(coverage: CsvRow[], level: string, unitId: string, category: string, thresholdM: number): number {
  const rows = coverage.filter((r) => r.unit_level === level && r.unit_id === unitId && r.category === category && Number(r.threshold_m) === thresholdM);
  if (rows.length !== 4) throw new Error(`expected 4 age bands, got ${rows.length}`);
  const total = rows.reduce((s, r) => s + Number(r.children_total), 0);
  const within = rows.reduce((s, r) => s + Number(r.children_within), 0);
  return within / total;
}
