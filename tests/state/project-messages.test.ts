/** Every project refusal and warning the reader can give has words in English and Chinese, and they read right. */
import { describe, expect, it } from 'vitest';
import { readProjectBytes } from '../../src/core/io/project-read';
import { createI18n } from '../../src/i18n';
import { formatError, formatWarning } from '../../src/ui/format-error';

const CODES = [
  'empty', 'not-json', 'truncated', 'not-an-object', 'no-version', 'version-not-number', 'too-new', 'no-migration',
  'unknown-field', 'invalid', 'too-large', 'rule-set-invalid', 'rule-set-duplicate', 'demo-missing', 'unsupported',
];

describe('project messages', () => {
  it.each(['en', 'zh'] as const)('%s: every refusal code and the skipped-features warning have a text', (lang) => {
    const i18n = createI18n(lang);
    const missing = [...CODES.map((c) => `error.project.${c}`), 'warning.project.features-skipped', 'progress.project.read', 'progress.project.features']
      .filter((k) => !i18n.exists(k, { lng: lang, fallbackLng: false }));
    expect(missing).toEqual([]);
  });

  it('a string schemaVersion reads as the user should see it, in both languages', async () => {
    const r = await readProjectBytes(new TextEncoder().encode('{"schemaVersion":"1"}'), 'old.cfc.json');
    if (r.ok) throw new Error('refusal expected');
    const en = createI18n('en');
    expect(formatError(en.t.bind(en), en, r.error, 'old.cfc.json')).toBe('is not a valid project: schemaVersion must be a number, got "1"');
    const zh = createI18n('zh');
    expect(formatError(zh.t.bind(zh), zh, r.error, 'old.cfc.json')).toBe('不是有效的项目：schemaVersion 必须是数字，实际为 "1"');
  });

  it('the skipped-features warning names the layer and the features, singular and plural', () => {
    const en = createI18n('en');
    const one = { code: 'warning.project.features-skipped', count: 1, params: { layer: 'homes', features: 'h3-bogus' } };
    expect(formatWarning(en.t.bind(en), en, one, 'p.json')).toBe('1 feature of layer “homes” has no usable geometry and was left out: h3-bogus.');
    expect(formatWarning(en.t.bind(en), en, { ...one, count: 2, params: { layer: 'homes', features: 'a, #2' } }, 'p.json'))
      .toBe('2 features of layer “homes” have no usable geometry and were left out: a, #2.');
  });
});
