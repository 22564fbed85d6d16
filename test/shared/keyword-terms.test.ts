import { describe, expect, it } from 'vitest';
import { keywordPhrase, keywordTerms } from '../../shared/store/terms.js';

describe('keyword index terms', () => {
  it('cuts Han runs into bigrams and keeps other words whole, lower-cased', () => {
    expect(keywordTerms('网传辟谣')).toEqual(['网传', '传辟', '辟谣']);
    expect(keywordTerms('Police辟谣 #Fake_News 2026')).toEqual(['police', '辟谣', 'fake', 'news', '2026']);
    expect(keywordTerms('水，电')).toEqual(['水', '电']);
  });
  it('folds full-width letters like the text they are typed into', () => {
    expect(keywordTerms('ＰＯＬＩＣＥ')).toEqual(['police']);
  });
  it('makes a keyword the phrase of its terms, and leaves a lone Han character to the scan', () => {
    expect(keywordPhrase('辟谣')).toEqual(['辟谣']);
    expect(keywordPhrase('自来水厂')).toEqual(['自来', '来水', '水厂']);
    expect(keywordPhrase('谣')).toBeNull();
    expect(keywordPhrase('  ')).toBeNull();
  });
});
