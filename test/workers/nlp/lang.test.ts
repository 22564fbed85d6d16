import { describe, expect, it } from 'vitest';
import { analysisLang, detectLang, reportedLang } from '../../../workers/nlp/lang.js';

describe('detectLang', () => {
  it.each([
    ['警察叔叔辛苦了', 'zh'],
    ['yyds太棒了', 'zh'],
    ['Thanks officers for the quick response', 'en'],
    ['RT this now 警', 'en'],
    ['😀😀', 'und'],
    ['12345', 'und'],
    ['', 'und'],
    ['ありがとうございます', 'und'],
  ] as const)('%s → %s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});

describe('reportedLang / analysisLang', () => {
  it('honours the mention language (primary subtag)', () => {
    expect(reportedLang('zh-Hans', 'en')).toBe('zh');
    expect(reportedLang('EN-us', 'zh')).toBe('en');
    expect(reportedLang(undefined, 'zh')).toBe('zh');
    expect(reportedLang('ja', 'zh')).toBe('ja');
  });
  it('analyses other languages by script', () => {
    expect(analysisLang('ja', 'zh')).toBe('zh');
    expect(analysisLang('en', 'zh')).toBe('en');
  });
});
