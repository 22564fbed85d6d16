export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A share as a percentage, or an em dash when there is nothing to divide. */
export function formatShare(part: number, whole: number, locale: string): string {
  if (whole <= 0) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
}

/** Relative change with a sign (+12.5 %), or null when the base is zero (no meaningful ratio). */
export function formatChange(current: number, previous: number, locale: string): string | null {
  if (previous <= 0) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
    (current - previous) / previous,
  );
}
