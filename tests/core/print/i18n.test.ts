/** Every print refusal has an English and a Chinese text, with the same parameters. */
import { describe, expect, it } from 'vitest';
import { PRINT_REFUSALS } from '../../../src/core/print';
import en from '../../../src/i18n/locales/en/print.json';
import zh from '../../../src/i18n/locales/zh/print.json';

const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('print messages', () => {
  it('cover exactly the refusals, in both languages, with the same parameters', () => {
    const e = en as Record<string, string>;
    const z = zh as Record<string, string>;
    expect(Object.keys(e).sort()).toEqual([...PRINT_REFUSALS].sort());
    expect(Object.keys(z).sort()).toEqual([...PRINT_REFUSALS].sort());
    for (const code of PRINT_REFUSALS) expect(params(z[code]), code).toEqual(params(e[code]));
  });
});
