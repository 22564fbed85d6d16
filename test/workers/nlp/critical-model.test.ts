import { describe, expect, it } from 'vitest';
import { CriticalModel } from '../../../workers/nlp/critical-model.js';
import { criticalViewOf } from '../../../workers/nlp/critical-view.js';
import { LinearModel } from '../../../workers/nlp/model/linear-model.js';
import { prepareText } from '../../../workers/nlp/tone-input.js';

/** A model that says "yes" (P ≈ 0.993) to everything it is asked about. */
function alwaysYes(meta: Record<string, number> = { threshold: 0.5 }): LinearModel {
  return new LinearModel({ name: 'critical-zh', classes: ['no', 'yes'], bits: 4, bias: [0, 5], meta }, new Float32Array(2 << 4));
}

const view = (text: string, score = -0.6, repliesToOfficial = false) =>
  criticalViewOf(prepareText(text).view, { label: score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral', score }, repliesToOfficial);

describe('the learned critical decision', () => {
  const model = new CriticalModel(alwaysYes());

  it('asks the model about texts that name an authority or answer an official post', () => {
    expect(model.judge(view('派出所的人今天又来了')).critical).toBe(true);
    expect(model.judge(view('这事就这样吧', 0, true)).critical).toBe(true);
  });

  it('calls a text that names no authority critical only past the unnamed threshold its file holds', () => {
    expect(model.judge(view('今天的外卖太难吃了')).critical).toBe(false);
    expect(new CriticalModel(alwaysYes({ threshold: 0.5, unnamedThreshold: 0.99 })).judge(view('今天的外卖太难吃了')).critical).toBe(true);
    expect(new CriticalModel(alwaysYes({ threshold: 0.5, unnamedThreshold: 0.999 })).judge(view('今天的外卖太难吃了')).critical).toBe(false);
  });

  it('keeps the rules exceptions: requests for help and reports are not criticism', () => {
    expect(model.judge(view('警方通报：嫌疑人已被抓获')).critical).toBe(false);
    expect(model.judge(view('Police say the suspect was arrested', -0.2)).critical).toBe(false);
    // Asking where to report is a request for help, however negative the words.
    expect(model.judge(view('请问被骗了去哪个派出所报案？', -0.7)).critical).toBe(false);
    expect(model.judge(view('How do I report a stolen bike to the police?', -0.3)).critical).toBe(false);
    expect(model.judge(view('请问老城区的违章在哪里处理')).critical).toBe(false);
    // …unless it passes a judgement.
    expect(model.judge(view('派出所不作为，到底去哪投诉？', -0.7)).critical).toBe(true);
  });

  it('leaves praise to the model, which may read it as sarcasm', () => {
    expect(model.judge(view('派出所就是这么为人民服务的？', -0.6)).critical).toBe(true);
    const no = new CriticalModel(new LinearModel({ name: 'critical-zh', classes: ['no', 'yes'], bits: 4, bias: [5, 0], meta: { threshold: 0.5 } }, new Float32Array(2 << 4)));
    expect(no.judge(view('感谢民警，辛苦了', 0.8)).critical).toBe(false);
  });

  it('lets a judgement through even with praise words, and sarcasm voids praise', () => {
    expect(model.judge(view('谢谢警察不作为')).critical).toBe(true);
    expect(model.judge(view('感谢警察[微笑]')).critical).toBe(true);
  });

  it('falls back to the cue rules without a model file', () => {
    const rules = new CriticalModel(null);
    expect(rules.judge(view('城管暴力执法，太过分了')).critical).toBe(true);
    expect(rules.judge(view('派出所的人今天又来了', 0)).critical).toBe(false);
  });
});
