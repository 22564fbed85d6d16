// natural ships no declaration for its individual files; importing the whole package is not an
// option (it loads ~150 MB and prints to stdout), so the one class used is declared here.
declare module 'natural/lib/natural/tokenizers/regexp_tokenizer.js' {
  export class RegexpTokenizer {
    constructor(options?: { pattern?: RegExp; gaps?: boolean; discardEmpty?: boolean });
    tokenize(text: string): string[] | null;
  }
}
