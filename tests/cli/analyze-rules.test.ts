/**
 * npm run analyze -- --demo --rules default: the three rule outputs with the data-schema columns, one
 * community's kindergarten share recomputed from access.csv and the raw homes/community layers (turf
 * centre of mass + point-in-polygon, not the core), and a bad rule file refused with exit code 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { booleanPointInPolygon, centerOfMass } from '@turf/turf';
import { geojson } from 'flatgeobuf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { analyze } from '../../src/cli/analyze';
import { ArgsError, parseAnalyzeArgs } from '../../src/cli/analyze-args';

const repoRoot = path.resolve(__dirname, '../..');

/** RFC 4180 rows (quoted cells may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += ch;
  }
  return rows;
}
const objects = (rows: string[][]): Record<string, string>[] => rows.slice(1).map((r) => Object.fromEntries(rows[0].map((k, i) => [k, r[i]])));

async function readFgb(file: string): Promise<Feature[]> {
  const out: Feature[] = [];
  for await (const f of geojson.deserialize(new Uint8Array(readFileSync(path.join(repoRoot, 'data/demo', file))))) out.push(f as Feature);
  return out;
}

describe('analyze --demo --rules default', () => {
  let out: string;
  let gaps: string[][];
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'cfc-rules-'));
    await analyze(parseAnalyzeArgs(['--demo', '--rules', 'default', '--isochrones', 'none', '--out', out]));
    gaps = parseCsv(readFileSync(path.join(out, 'gaps.csv'), 'utf8'));
    return () => rmSync(out, { recursive: true, force: true });
  }, 60_000);

  it('writes gaps.csv with exactly the data-schema columns, gaps.geojson on unit polygons, and scorecards.csv', () => {
    expect(gaps[0]).toEqual(['rule_id', 'scale', 'unit_id', 'unit_name', 'category', 'age_band', 'metric', 'measured', 'target', 'passed', 'severity', 'children_affected', 'source',
      'target_original', 'population_base', 'population', 'status', 'reason', 'homes_affected']);
    const rows = objects(gaps);
    // The 800 rooms are scaled to the demo's people (issue 12); every other rule has empty scaling cells.
    const rooms = rows.find((r) => r.rule_id === 'city.mother-baby-rooms-800')!;
    expect([rooms.target_original, rooms.population_base]).toEqual(['800', '17560061']);
    expect(Number(rooms.target)).toBe(Math.ceil((800 * Number(rooms.population)) / 17_560_061));
    expect(rows.filter((r) => r.population_base !== '').map((r) => r.rule_id)).toEqual(['city.mother-baby-rooms-800']);
    // 7 community rules × 63 + 5 street rules × 12 + 2 district rules × 3 + 1 city rule.
    expect(rows.length).toBe(7 * 63 + 5 * 12 + 2 * 3 + 1);
    for (const scale of ['community', 'street', 'district']) {
      expect(rows.some((r) => r.scale === scale && r.passed === 'true')).toBe(true);
      expect(rows.some((r) => r.scale === scale && r.passed === 'false')).toBe(true);
    }
    const geo = JSON.parse(readFileSync(path.join(out, 'gaps.geojson'), 'utf8')) as FeatureCollection;
    expect(geo.features.length).toBe(rows.length);
    geo.features.forEach((f, i) => {
      expect(f.properties?.rule_id).toBe(rows[i].rule_id);
      expect(f.properties?.unit_id).toBe(rows[i].unit_id);
      expect(String(f.properties?.passed)).toBe(rows[i].passed);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry?.type);
    });
    const cards = parseCsv(readFileSync(path.join(out, 'scorecards.csv'), 'utf8'));
    expect(cards[0].slice(0, 4)).toEqual(['unit_level', 'unit_id', 'unit_name', 'child_friendly']);
    expect(cards.length - 1).toBe(rows.length); // one row per evaluated rule in each unit
  });

  it("a community's kindergarten ≤300 m share equals the one recomputed from access.csv rows", async () => {
    const access = objects(parseCsv(readFileSync(path.join(out, 'access.csv'), 'utf8'))).filter((r) => r.category === 'kindergarten');
    const walking = new Map(access.map((r) => [r.residence_id, r.walking_distance_m === '' ? Infinity : Number(r.walking_distance_m)]));
    const homes = await readFgb('homes.fgb');
    const communities = (await readFgb('units_community.fgb')) as Feature<Polygon>[];
    const rows = objects(gaps).filter((r) => r.rule_id === 'community.kindergarten-300m');
    // One community designed to pass (tier A), one designed to fail (tier C), and the first few whatever they are.
    for (const id of ['d1s1c1', 'd1s2c1', ...rows.slice(0, 4).map((r) => r.unit_id)]) {
      const poly = communities.find((c) => c.properties?.id === id)!;
      let total = 0, within = 0;
      for (const h of homes) {
        if (!booleanPointInPolygon(centerOfMass(h), poly)) continue;
        const kids = Number(h.properties?.children_4_6 ?? 0);
        total += kids;
        if (walking.get(String(h.properties?.id))! <= 300) within += kids;
      }
      const row = rows.find((r) => r.unit_id === id)!;
      expect(Number(row.measured)).toBeCloseTo(within / total, 3);
      expect(Number(row.children_affected)).toBeCloseTo(total - within, 3);
      expect(row.passed).toBe(String(within / total >= 0.8));
    }
  }, 60_000);

  it('scorecards.csv has child-friendly and failing units at every scale, consistent with gaps.csv and the unit tree', async () => {
    const rows = objects(gaps);
    const cards = objects(parseCsv(readFileSync(path.join(out, 'scorecards.csv'), 'utf8')));
    const friendly = new Map(cards.map((c) => [`${c.unit_level}:${c.unit_id}`, c.child_friendly === 'true']));
    // A unit is child-friendly exactly when every rule of its scale passes in gaps.csv.
    const passesAll = (scale: string, id: string): boolean => rows.filter((r) => r.scale === scale && r.unit_id === id).every((r) => r.passed === 'true');
    const ids = (level: string): string[] => [...new Set(cards.filter((c) => c.unit_level === level).map((c) => c.unit_id))];
    for (const level of ['community', 'street', 'district']) {
      const flags = ids(level).map((id) => friendly.get(`${level}:${id}`));
      expect(flags.some((f) => f === true), level).toBe(true);
      expect(flags.some((f) => f === false), level).toBe(true);
      for (const id of ids(level)) expect(friendly.get(`${level}:${id}`), id).toBe(passesAll(level, id));
    }
    // "≥ 1 child-friendly community / street" recounted through parent_id in the committed unit layers.
    for (const [child, parent, rule] of [['community', 'street', 'street.child-friendly-community'], ['street', 'district', 'district.child-friendly-street']] as const) {
      const units = await readFgb(`units_${child}.fgb`);
      for (const p of ids(parent)) {
        const n = units.filter((u) => u.properties?.parent_id === p && passesAll(child, String(u.properties?.id))).length;
        const row = rows.find((r) => r.rule_id === rule && r.unit_id === p)!;
        expect(Number(row.measured), p).toBe(n);
        expect(row.passed).toBe(String(n >= 1));
      }
    }
    // As designed (data/demo/README.md): 12 tier A communities, 3 served streets, 2 of 3 districts.
    expect(ids('community').filter((id) => friendly.get(`community:${id}`))).toHaveLength(12);
    expect(ids('street').filter((id) => friendly.get(`street:${id}`)).sort()).toEqual(['d1s1', 'd1s3', 'd2s2']);
    expect(ids('district').filter((id) => friendly.get(`district:${id}`)).sort()).toEqual(['d1', 'd2']);
  }, 60_000);
});

describe('a bad --rules file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfc-badrules-'));
  const bad = path.join(dir, 'bad-rules.json');
  const pack = JSON.parse(readFileSync(path.join(repoRoot, 'src/core/rules/packs/default.json'), 'utf8'));
  pack.rules[0].metric.category = 'swimming_pool';
  writeFileSync(bad, JSON.stringify(pack));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused before any layer is read, naming the file and the first issue', async () => {
    const args = parseAnalyzeArgs(['--demo', '--rules', bad, '--out', path.join(dir, 'out')]);
    await expect(analyze(args)).rejects.toThrow(ArgsError);
    await expect(analyze(args)).rejects.toThrow(/bad-rules\.json.*rules\.0\.metric.*unknown-category.*swimming_pool/);
  });

  it('makes the command exit with code 2', () => {
    const r = spawnSync(path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/cli/analyze.ts', '--demo', '--rules', bad, '--out', path.join(dir, 'out')], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad-rules.json');
  }, 60_000);
});
