/**
 * Home → unit assignment: the Flatbush + exact point-in-polygon locator against the naive loop a first
 * version would write (turf.booleanPointInPolygon over every unit, smallest id on ties), on the 1M-person
 * demo city's homes and units. Target: ≥ 50× faster, identical assignments.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitLocator, compareIds } from '../../src/core/coverage';
import { featureId } from '../../src/core/model';
import { buildHomeTable } from '../../src/core/tables';
import type { BenchReport } from './run-all';
import { ensureCity, fmt, loadCity, median } from './bench-util';

const RUNS = 5;
const NAIVE_SAMPLE = 4000;

export async function run(): Promise<BenchReport> {
  const city = await loadCity(ensureCity());
  const homes = buildHomeTable(city.homes);
  const rows: string[] = [];
  for (const level of ['community', 'street', 'district'] as const) {
    const fc = city.units[level];
    if (!fc) continue;
    const ids = fc.features.map((f, i) => featureId(f.properties, i, f.id));
    const geoms = fc.features.map((f) => f.geometry as Polygon | MultiPolygon);
    const fast: number[] = [];
    let assigned: Int32Array = new Int32Array(0);
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const loc = createUnitLocator(geoms, ids);
      assigned = loc.locateAll(homes.lng, homes.lat);
      fast.push(performance.now() - t0);
    }
    // The naive loop on an evenly spread sample (all homes would take minutes), compared per home.
    const step = Math.max(1, Math.floor(homes.lng.length / NAIVE_SAMPLE));
    const sample: number[] = [];
    for (let i = 0; i < homes.lng.length; i += step) sample.push(i);
    const naive: number[] = [];
    let mismatches = 0;
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const got: number[] = [];
      for (const i of sample) {
        let best = -1;
        for (let u = 0; u < geoms.length; u++) {
          if (booleanPointInPolygon([homes.lng[i], homes.lat[i]], geoms[u]) && (best < 0 || compareIds(ids[u], ids[best]) < 0)) best = u;
        }
        got.push(best);
      }
      naive.push(performance.now() - t0);
      if (r === 0) mismatches = sample.filter((i, k) => got[k] !== assigned[i]).length;
    }
    const fastPerHomeUs = (median(fast) * 1000) / homes.lng.length;
    const naivePerHomeUs = (median(naive) * 1000) / sample.length;
    rows.push(`| ${level} | ${ids.length} | ${homes.lng.length} | ${fmt(median(fast))} | ${fmt(fastPerHomeUs, 2)} | ${sample.length} | ${fmt(naivePerHomeUs, 1)} | **${fmt(naivePerHomeUs / fastPerHomeUs)}×** | ${mismatches} |`);
    console.log(rows.at(-1));
  }
  return {
    section: 'Home-to-unit assignment',
    markdown: [
      `\`npm run bench -- assignment\` on the 1M-person demo city (${CITY_NOTE}). Medians of ${RUNS} runs; the locator's time includes`,
      'building its index. The naive loop (turf.booleanPointInPolygon over every unit, smallest id on ties) runs on an',
      'evenly spread sample of homes and is compared per home; "mismatches" counts sample homes assigned differently.',
      'Target ≥ 50×.',
      '',
      '| level | units | homes | locator ms (all homes) | locator µs/home | naive sample | naive µs/home | speed-up | mismatches |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
    ].join('\n'),
  };
}

const CITY_NOTE = 'Node 20, one thread, 2 cores shared with other engineers\' runs';

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) console.log((await run()).markdown);
