import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';
import { useAppState } from './store-context';

/** English / 中文: the toolbar's, and the results wall's (which has no toolbar). */
export function LanguageSwitch({ className = 'lang-switch' }: { readonly className?: string }) {
  const { t } = useTranslation();
  const language = useAppState((s) => s.language);
  const setLanguage = useAppState((s) => s.setLanguage);
  return (
    <div className={className} role="group" aria-label={t('toolbar.language')}>
      {LANGUAGES.map((l) => (
        <button key={l} type="button" lang={l === 'zh' ? 'zh-CN' : 'en'} aria-pressed={language === l} onClick={() => setLanguage(l)}>
          {t(`language.${l}`)}
        </button>
      ))}
    </div>
  );
}
