/** Issue 12: the CLI printed raw keys (`progress.network`). Lines are now the app's English, throttled. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/cli/analyze';
import { formatCode, translate } from '../../src/cli/messages';
import { progressPrinter } from '../../src/cli/progress-lines';

// The English texts, read here on their own (flat or nested keys), to compare against.
const EN = path.resolve(__dirname, '../../src/i18n/locales/en');
const english = (key: string): string | undefined => {
  for (const f of readdirSync(EN)) {
    const j = JSON.parse(readFileSync(path.join(EN, f), 'utf8')) as Record<string, unknown>;
    if (typeof j[key] === 'string') return j[key] as string;
    const nested = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], j);
    if (typeof nested === 'string') return nested;
  }
  return undefined;
};

describe('progress lines', () => {
  it('print the English stage with a percentage, a new stage at once, the same stage at most once a second', () => {
    let t = 0;
    const lines: string[] = [];
    const p = progressPrinter((l) => lines.push(l), { now: () => t });
    p({ stage: 'progress.network', fraction: 0 });
    t = 100;
    p({ stage: 'progress.network', fraction: 0.1 }); // throttled
    t = 200;
    p({ stage: 'progress.snap', fraction: 0.25 }); // new stage
    t = 1300;
    p({ stage: 'progress.snap', fraction: 0.3 });
    t = 1400;
    p({ stage: 'progress.snap', fraction: 0.31 }); // throttled
    expect(lines).toEqual([
      `[  0%] ${english('progress.network')} (0.0 s)`,
      `[ 25%] ${english('progress.snap')} (0.2 s)`,
      `[ 30%] ${english('progress.snap')} (1.3 s)`,
    ]);
  });

  it('fill in parameters and never show a raw key, even for a code without a text', () => {
    expect(formatCode('warning', 'osm.boundary_incomplete', { count: 3, osm_ids: 'r1' })).toBe(
      english('warning.osm.boundary_incomplete')!.replace('{{count}}', '3').replace('{{osm_ids}}', 'r1'));
    expect(translate('no.such.key')).toBe('(code no.such.key)');
  });

  it('a whole analysis prints only translated, percentaged lines', async () => {
    const lines: string[] = [];
    await analyze({ streets: 'data/demo/streets.fgb', residences: 'data/demo/homes.fgb', facilities: [{ category: 'playground', file: 'data/demo/facilities.fgb' }],
      units: [], maxSnapM: 150, thresholdsM: [300], isochrones: 'none', out: path.join(process.env['TMPDIR'] ?? '/tmp', `cfc-progress-${process.pid}`) },
    (l) => lines.push(l));
    const progress = lines.filter((l) => l.startsWith('['));
    expect(progress.length).toBeGreaterThanOrEqual(3);
    for (const l of progress) {
      expect(l).toMatch(/^\[\s*\d{1,3}%\] [a-z]/);
      expect(l).not.toMatch(/progress\.|\(code /);
    }
  }, 120_000);
});
