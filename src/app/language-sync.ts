import type { i18n as I18n } from 'i18next';
import type { AppStore } from '../state';

const HTML_LANG = { en: 'en', zh: 'zh-CN' } as const;

/** i18next and <html lang> follow the store's language; the choice is remembered on this device. */
export function bindLanguage(store: AppStore, i18n: I18n): () => void {
  const apply = (lang: 'en' | 'zh') => {
    void i18n.changeLanguage(lang);
    document.documentElement.lang = HTML_LANG[lang];
    document.title = i18n.t('app.title');
    try {
      localStorage.setItem('cfc.language', lang);
    } catch {
      // storage may be unavailable (private mode); the choice then lasts for the session
    }
  };
  apply(store.getState().language);
  return store.subscribe((s, prev) => {
    if (s.language !== prev.language) apply(s.language);
  });
}

export function initialLanguage(): 'en' | 'zh' {
  const q = new URLSearchParams(location.search).get('lang');
  let saved: string | null;
  try {
    saved = localStorage.getItem('cfc.language');
  } catch {
    saved = null;
  }
  const pick = q ?? saved ?? (navigator.language.startsWith('zh') ? 'zh' : 'en');
  return pick === 'zh' ? 'zh' : 'en';
}
