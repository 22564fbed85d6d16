import { describe, expect, it } from 'vitest';
import { claimCues, denialCue, enquiryCue, isOfficialAnswerText, mentionsAuthority } from '../../../workers/rumour/cues.js';
import { normalise } from '../../../workers/nlp/normalise.js';

const own = (t: string) => normalise(t).own;

describe('rumour cue lexicons', () => {
  it.each([
    ['真的假的？', true],
    ['有没有官方消息啊', true],
    ['求证一下', true],
    ['Is this true?', true],
    ['source? never heard of it', true],
    ['今天天气不错', false],
    ['the police did a great job', false],
  ])('enquiry in %s → %s', (text, expected) => {
    expect(enquiryCue(own(text)) !== undefined).toBe(expected);
  });

  it.each([
    ['这是谣言，别信', true],
    ['假的，去年就辟谣了', true],
    ['纯属造谣', true],
    ['This is fake, stop sharing it', true],
    ['Hoax. Debunked years ago', true],
    ['我也看到了，太可怕了', false],
    ['stay safe everyone', false],
  ])('denial in %s → %s', (text, expected) => {
    expect(denialCue(own(text)) !== undefined).toBe(expected);
  });

  it('finds claim markers by group, unsourced figures and exclamations', () => {
    const c = claimCues(own('网传东湖区已经抢走两个孩子了！！紧急扩散！内部消息，删前速看'));
    expect(c.groups.hearsay).toContain('网传');
    expect(c.groups.spread).toContain('紧急扩散');
    expect(c.groups.secret).toEqual(expect.arrayContaining(['内部消息', '删前速看']));
    expect(c.numbers).toBeGreaterThanOrEqual(1);
    expect(c.exclamations).toBe(3);
    const en = claimCues(own('Reportedly 30 people dead downtown. Share before it gets deleted!'));
    expect(en.groups.hearsay).toContain('reportedly');
    expect(en.groups.secret).toContain('before it gets deleted');
    expect(en.numbers).toBe(1);
  });

  it('does not count a figure the post attributes to a source', () => {
    expect(claimCues(own('据警方通报，事故造成3人受伤')).numbers).toBe(0);
    expect(claimCues(own('今天天气很好，出去走走')).groups).toEqual({});
  });

  it('recognises mentions of the authorities and an official answer', () => {
    expect(mentionsAuthority(own('派出所怎么不管'))).toBe(true);
    expect(mentionsAuthority(own('Why are the police silent?'))).toBe(true);
    expect(mentionsAuthority(own('好吃的火锅店'))).toBe(false);
    expect(isOfficialAnswerText(own('【警情通报】经核查，网传信息系谣言'))).toBe(true);
    expect(isOfficialAnswerText(own('Police statement: the video is old and the claim is false'))).toBe(true);
    expect(isOfficialAnswerText(own('今天交警在路口疏导交通'))).toBe(false);
  });
});
