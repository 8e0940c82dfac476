/**
 * Independent answers for the access-panel tests: the command-line pipeline (`npm run analyze -- --demo`)
 * run in Node, its CSVs parsed here. The browser's numbers must equal these, not the page's own output.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { geojson } from 'flatgeobuf';

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

/**
 * The walking distance from every home of the demo city to its nearest facility of `category`
 * (access.csv, default settings), run in the background (the event loop stays free for a browser test),
 * optionally with extra facilities of that category beside the demo's: a what-if the CLI answers on its own.
 * Homes without a path (an empty cell) are at Infinity.
 */
export async function demoWalkingM(category: string, extra: readonly [number, number][] = []): Promise<Map<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'cfc-analyze-'));
  const args = ['tsx', 'src/cli/analyze.ts', '--demo', '--out', join(dir, 'out')];
  if (extra.length > 0) {
    const file = join(dir, `${category}.geojson`);
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: extra.map((coordinates, i) => ({ type: 'Feature', id: `extra-${i}`, geometry: { type: 'Point', coordinates }, properties: {} })) }));
    args.push('--facilities', 'data/demo/facilities.fgb', '--facility', `${category}=${file}`);
  }
  await promisify(execFile)('npx', args, { timeout: 600_000 });
  const out = new Map<string, number>();
  for (const r of parseCsv(readFileSync(join(dir, 'out', 'access.csv'), 'utf8'))) {
    if (r.category === category) out.set(r.residence_id!, r.walking_distance_m === '' ? Infinity : Number(r.walking_distance_m));
  }
  return out;
}

/** Children (all four age bands) per home of the demo city, read from its homes file. */
export async function demoChildrenPerHome(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const file = new Uint8Array(readFileSync('data/demo/homes.fgb'));
  for await (const f of geojson.deserialize(file) as AsyncGenerator<{ properties: Record<string, number | string> }>) {
    const p = f.properties;
    out.set(String(p.id), ['children_0_3', 'children_4_6', 'children_7_12', 'children_13_18'].reduce((a, k) => a + Number(p[k]), 0));
  }
  return out;
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
