/**
 * The colour theme: the system's by default, or the one the user picked (remembered per browser).
 * Applied as `data-theme` on <html>, which styles.css reads; charts read the same CSS variables.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'yuqing.theme';
/** Fired on window when the effective theme changes, so canvases can repaint in the new colours. */
export const THEME_EVENT = 'yuqing-theme';

export function savedTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'light' || v === 'dark') return v;
  } catch {
    // Storage disabled: follow the system.
  }
  return 'system';
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Not remembered, but applied for this visit.
  }
  window.dispatchEvent(new Event(THEME_EVENT));
}

/** A colour from the stylesheet's variables (e.g. '--muted'), as the current theme sets it. */
export function cssColor(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** Repaint on a user choice and when the system theme flips while following it. */
export function onThemeChange(listener: () => void): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  window.addEventListener(THEME_EVENT, listener);
  media.addEventListener('change', listener);
  return () => {
    window.removeEventListener(THEME_EVENT, listener);
    media.removeEventListener('change', listener);
  };
}
