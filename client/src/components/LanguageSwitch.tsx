import { useI18n, type Lang } from '../i18n/I18nProvider.js';

const LANGS: Lang[] = ['zh', 'en'];

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t.language.label}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l === 'zh' ? 'zh-CN' : 'en'}
          aria-pressed={lang === l}
          onClick={() => setLang(l)}
          data-testid={`lang-${l}`}
        >
          {t.language[l]}
        </button>
      ))}
    </div>
  );
}
