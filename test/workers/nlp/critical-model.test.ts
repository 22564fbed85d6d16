import { describe, expect, it } from 'vitest';
import { CriticalModel } from '../../../workers/nlp/critical-model.js';
import { criticalViewOf } from '../../../workers/nlp/critical-view.js';
import { LinearModel } from '../../../workers/nlp/model/linear-model.js';
import { prepareText } from '../../../workers/nlp/tone-input.js';

/** A model that says "yes" to everything it is asked about. */
function alwaysYes(): LinearModel {
  return new LinearModel({ name: 'critical-zh', classes: ['no', 'yes'], bits: 4, bias: [0, 5], meta: { threshold: 0.5 } }, new Float32Array(2 << 4));
}

const view = (text: string, score = -0.6, repliesToOfficial = false) =>
  criticalViewOf(prepareText(text).view, { label: score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral', score }, repliesToOfficial);

describe('the learned critical decision', () => {
  const model = new CriticalModel(alwaysYes());

  it('asks the model about texts that name an authority or answer an official post', () => {
    expect(model.decide(view('派出所的人今天又来了'))).toBe(true);
    expect(model.decide(view('这事就这样吧', 0, true))).toBe(true);
  });

  it('never calls a text critical that names no authority, whatever the model says', () => {
    expect(model.decide(view('今天的外卖太难吃了'))).toBe(false);
  });

  it('keeps the rules exceptions: praise without a judgement, and reports, are not criticism', () => {
    expect(model.decide(view('感谢民警，辛苦了', 0.8))).toBe(false);
    expect(model.decide(view('警方通报：嫌疑人已被抓获'))).toBe(false);
    expect(model.decide(view('Police say the suspect was arrested', -0.2))).toBe(false);
  });

  it('lets a judgement through even with praise words, and sarcasm voids praise', () => {
    expect(model.decide(view('谢谢警察不作为'))).toBe(true);
    expect(model.decide(view('感谢警察[微笑]'))).toBe(true);
  });

  it('falls back to the cue rules without a model file', () => {
    const rules = new CriticalModel(null);
    expect(rules.decide(view('城管暴力执法，太过分了'))).toBe(true);
    expect(rules.decide(view('派出所的人今天又来了', 0))).toBe(false);
  });
});
