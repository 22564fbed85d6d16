import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { applyTheme, savedTheme, THEME_CHOICES, type ThemeChoice } from '../theme/theme.js';

/** System / light / dark, in the header beside the language switch. */
export function ThemeToggle() {
  const { t } = useI18n();
  const [choice, setChoice] = useState<ThemeChoice>(savedTheme);
  return (
    <div className="lang-switch" role="group" aria-label={t.theme.label}>
      {THEME_CHOICES.map((c) => (
        <button
          key={c}
          type="button"
          aria-pressed={choice === c}
          onClick={() => {
            setChoice(c);
            applyTheme(c);
          }}
          data-testid={`theme-${c}`}
        >
          {t.theme[c]}
        </button>
      ))}
    </div>
  );
}
