import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** The centred card of the sign-in page: brand, language, one form. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth-screen">
      <main id="main" className="auth-card" aria-labelledby="page-title">
        <div className="auth-head">
          <div className="brand">
            <span className="brand-name">{t.appName}</span>
            <span className="brand-tag">{t.appTagline}</span>
          </div>
          <LanguageSwitch />
        </div>
        <h1 id="page-title">{title}</h1>
        {children}
      </main>
    </div>
  );
}
