import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORIES, LAYER_ROLES } from '../../src/core/model';
import { createI18n } from '../../src/i18n';
import { HIGHWAY_LEGEND_ORDER } from '../../src/map/highway-style';
import en from '../../src/i18n/locales/en/common.json';
import zh from '../../src/i18n/locales/zh/common.json';

type Tree = { [k: string]: string | Tree };
const flatKeys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatKeys(v, `${prefix}${k}.`)));
// i18next plural forms differ per language (English has _one, Chinese only _other).
const base = (k: string) => k.replace(/_(one|other|zero|two|few|many)$/, '');

describe('i18n', () => {
  // Our namespace only: other engineers' files (io, rules, osm, analysis) have their own coverage tests.
  it('every English key of common.json has a Chinese text and the reverse', () => {
    const e = new Set(flatKeys(en as Tree).map(base));
    const z = new Set(flatKeys(zh as Tree).map(base));
    expect([...e].filter((k) => !z.has(k))).toEqual([]);
    expect([...z].filter((k) => !e.has(k))).toEqual([]);
  });

  it('every category, role and highway class the map can show has a label', () => {
    const keys = [
      ...BUILTIN_CATEGORIES.map((c) => c.labelKey),
      ...LAYER_ROLES.map((r) => `role.${r}`),
      ...HIGHWAY_LEGEND_ORDER.map((h) => `highway.${h}`),
    ];
    for (const lang of ['en', 'zh'] as const) {
      const i18n = createI18n(lang);
      expect(keys.filter((k) => !i18n.exists(k, { lng: lang, fallbackLng: false }))).toEqual([]);
    }
  });

  it('merges nested and flat dotted keys from every namespace file', () => {
    const i18n = createI18n('zh');
    expect(i18n.t('layers.title')).toBe('图层');
    expect(i18n.t('category.playground')).toBe('游乐场');
    expect(i18n.exists('error.generic')).toBe(true);
    i18n.changeLanguage('en');
    expect(i18n.t('layers.features', { count: 1 })).toBe('1 feature');
  });
});

describe('every locale file', () => {
  const dir = fileURLToPath(new URL('../../src/i18n/locales/', import.meta.url));
  // A flat key like "a.b" and another like "a.b.c" cannot both be texts once merged: the first would
  // become a group and t() would show "key … returned an object". Every text must come back as written.
  it.each(['en', 'zh'] as const)('%s: every text of every file is what t() finds under its key', (lang) => {
    const i18n = createI18n(lang);
    const lost: string[] = [];
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json')).sort()) {
      const tree = JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Tree;
      for (const key of flatKeys(tree)) {
        const want = key.split('.').reduce<string | Tree | undefined>((n, p) => (n && typeof n === 'object' ? n[p] : undefined), tree) ?? tree[key];
        if (i18n.getResource(lang, 'translation', key) !== want) lost.push(`${file}: ${key}`);
      }
    }
    expect(lost).toEqual([]);
  });
});
