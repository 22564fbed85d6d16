/**
 * The keyword index's terms: Han (and kana/hangul) runs as overlapping character bigrams, so that
 * two-character words such as 辟谣 are found without a dictionary, and every other run of letters
 * or digits as one lower-cased word. Both backends index the same space-separated terms (FTS5 with
 * the unicode61 tokenizer; PostgreSQL's 'simple' text search with a GIN index) and a keyword
 * becomes the phrase of its own terms, so "网传投毒" matches exactly where 网传 传投 投毒 stand in a row.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;

/** Longest text indexed (the rest of a very long post is still found by the plain scan fallback). */
const MAX_CHARS = 4000;

export function keywordTerms(text: string): string[] {
  const terms: string[] = [];
  let run = '';
  let word = '';
  const flushRun = () => {
    if (run.length === 1) terms.push(run);
    for (let i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2));
    run = '';
  };
  const flushWord = () => {
    if (word) terms.push(word.toLowerCase());
    word = '';
  };
  for (const ch of text.slice(0, MAX_CHARS).normalize('NFKC')) {
    if (CJK.test(ch)) {
      flushWord();
      run += ch;
    } else if (WORD.test(ch)) {
      flushRun();
      word += ch;
    } else {
      flushRun();
      flushWord();
    }
  }
  flushRun();
  flushWord();
  return terms;
}

/** The indexed column's value for a mention's text. */
export function indexedTerms(text: string): string {
  return keywordTerms(text).join(' ');
}

/**
 * The terms a keyword must match in a row, or null when the index cannot answer it exactly (a lone
 * Han character is only indexed inside bigrams): the caller then scans with LIKE.
 */
export function keywordPhrase(keyword: string): string[] | null {
  const terms = keywordTerms(keyword);
  if (terms.length === 0) return null;
  const single = [...keyword.trim()];
  if (single.length === 1 && CJK.test(single[0] as string)) return null;
  return terms;
}
