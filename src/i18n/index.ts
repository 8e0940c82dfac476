/**
 * i18next set up from every JSON file under locales/<lang>/ (ours and other engineers' namespaces),
 * merged into one namespace so keys read the same everywhere: t('error.bad-geojson').
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

type Tree = { [key: string]: string | Tree };

const files = import.meta.glob<Tree>('./locales/*/*.json', { eager: true, import: 'default' });

/** Flat keys with dots ("error.io.empty", as some namespace files write them) become nested ones. */
function expand(source: Tree): Tree {
  const out: Tree = {};
  for (const [k, v] of Object.entries(source)) {
    const parts = k.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) node = typeof node[p] === 'object' ? (node[p] as Tree) : (node[p] = {});
    const leaf = parts[parts.length - 1];
    node[leaf] = typeof v === 'object' ? mergeInto(typeof node[leaf] === 'object' ? (node[leaf] as Tree) : {}, expand(v)) : v;
  }
  return out;
}

function mergeInto(target: Tree, source: Tree): Tree {
  for (const [k, v] of Object.entries(expand(source))) {
    const t = target[k];
    target[k] = typeof v === 'object' && typeof t === 'object' ? mergeInto(t, v) : typeof v === 'object' ? mergeInto({}, v) : v;
  }
  return target;
}

/** All locale files merged per language; file order is alphabetical, so later files win on clashes. */
export function resources(): Record<Language, { translation: Tree }> {
  const out = { en: { translation: {} as Tree }, zh: { translation: {} as Tree } };
  for (const path of Object.keys(files).sort()) {
    const lang = /\/locales\/(en|zh)\//.exec(path)?.[1] as Language | undefined;
    if (lang) mergeInto(out[lang].translation, files[path]);
  }
  return out;
}

export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: resources(),
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes; text is never rendered as HTML
    initAsync: false,
  });
  return instance;
}

export const isLanguage = (s: string): s is Language => (LANGUAGES as readonly string[]).includes(s);
