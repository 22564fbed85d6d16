/**
 * The href for a link to an outside page, or null when `url` is not an http(s) URL: a `javascript:`,
 * `data:` or `vbscript:` value (or anything unparsable) must never become a link, only text.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}
