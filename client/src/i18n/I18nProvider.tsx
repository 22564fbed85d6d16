import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.js';
import { zh, type Dict } from './zh.js';

export type Lang = 'zh' | 'en';

const DICTS: Record<Lang, Dict> = { zh, en };
const STORAGE_KEY = 'yuqing.lang';
/** BCP 47 tags for `<html lang>` and Intl formatting; en-GB gives a 24-hour clock like zh-CN. */
export const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

interface I18n {
  lang: Lang;
  locale: string;
  t: Dict;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // Storage can be disabled (privacy mode); the default language still works.
  }
  return 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted, but the switch itself still applies for this visit.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = LOCALES[lang];
    document.title = `${DICTS[lang].appName} · ${DICTS[lang].appTagline}`;
  }, [lang]);

  const value = useMemo(() => ({ lang, locale: LOCALES[lang], t: DICTS[lang], setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
