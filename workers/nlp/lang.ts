export type AnalysisLang = 'zh' | 'en' | 'und';

/**
 * Language by script share. One Han character carries about as much as a short Latin word, so a
 * text is Chinese when Han characters are at least a quarter of the Latin letters ("yyds太棒了" is
 * Chinese); English needs a few Latin letters and next to no Han. Kana-only, Hangul-only, emoji-only
 * or digit-only texts are 'und'.
 */
export function detectLang(text: string): AnalysisLang {
  let han = 0;
  let latin = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) latin++;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0x0400 && c <= 0x04ff)) other++;
  }
  if (han > 0 && han * 4 >= latin && han >= other) return 'zh';
  if (latin >= 2 && latin > other) return 'en';
  return 'und';
}

/**
 * The language reported in Tags: the mention's own `lang` when the source gave one (its primary
 * subtag, lower-cased: "zh-Hans" → "zh"), else the detected one.
 */
export function reportedLang(given: string | undefined, detected: AnalysisLang): string {
  if (!given) return detected;
  const primary = given.toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : detected;
}

/** The analysis pipeline to run: a declared zh/en wins over detection; other languages fall back to script. */
export function analysisLang(reported: string, detected: AnalysisLang): AnalysisLang {
  if (reported === 'zh' || reported === 'en') return reported;
  return detected;
}
