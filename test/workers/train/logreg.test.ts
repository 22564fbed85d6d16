import { describe, expect, it } from 'vitest';
import { FeatureVector } from '../../../workers/nlp/model/feature-vector.js';
import { decodeModel, encodeModel } from '../../../workers/nlp/model/model-file.js';
import { predictDataset, toModel, trainLogReg, type LogRegOptions } from '../../../workers/train/logreg.js';
import { mulberry32 } from '../../../workers/train/rng.js';
import { balancedClassWeights, DatasetBuilder, type SparseDataset } from '../../../workers/train/sparse-dataset.js';

const BITS = 10;

/**
 * A separable toy problem: class c's examples always carry feature 100 + c, plus noise features
 * shared by all classes. A learner that works must find the class features.
 */
function toy(n: number, classes: number, seed: number): SparseDataset {
  const rnd = mulberry32(seed);
  const fv = new FeatureVector(BITS);
  const b = new DatasetBuilder();
  for (let i = 0; i < n; i++) {
    const y = i % classes;
    fv.reset();
    fv.add(100 + y);
    for (let k = 0; k < 3; k++) fv.add(500 + Math.floor(rnd() * 50), 0.5);
    b.add(fv, y);
  }
  return b.build();
}

const opts: LogRegOptions = { bits: BITS, classes: 3, epochs: 5, lr: 0.2, l2: 1e-5, seed: 42 };
const header = { name: 'toy', classes: ['a', 'b', 'c'], bits: BITS, meta: {} };

describe('trainLogReg', () => {
  it('learns a separable toy problem', () => {
    const train = toy(300, 3, 1);
    const test = toy(90, 3, 2);
    const model = toModel(header, trainLogReg(train, opts));
    const pred = predictDataset(model, test);
    expect(Array.from(pred)).toEqual(Array.from(test.y));
  });

  it('does no better than chance before training (the test above can fail)', () => {
    const test = toy(90, 3, 2);
    const untrained = toModel(header, trainLogReg(test, { ...opts, epochs: 0 }));
    const right = Array.from(predictDataset(untrained, test)).filter((p, i) => p === test.y[i]).length;
    expect(right).toBeLessThan(60);
  });

  it('is deterministic for a seed and differs for another', () => {
    const ds = toy(200, 3, 3);
    const a = trainLogReg(ds, opts);
    const b = trainLogReg(ds, opts);
    const c = trainLogReg(ds, { ...opts, seed: 7 });
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(a.bias).toEqual(b.bias);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(c.weights.buffer))).toBe(false);
  });

  it('averages the weights of independent runs when asked for several', () => {
    const ds = toy(200, 3, 9);
    const a = trainLogReg(ds, opts);
    const b = trainLogReg(ds, { ...opts, seed: opts.seed + 7919 });
    const avg = trainLogReg(ds, { ...opts, runs: 2 });
    for (const j of [0, 5, 17, 100]) expect(avg.weights[j]).toBeCloseTo((a.weights[j]! + b.weights[j]!) / 2, 5);
    expect(avg.bias[1]).toBeCloseTo((a.bias[1]! + b.bias[1]!) / 2, 9);
    expect(Buffer.from(trainLogReg(ds, { ...opts, runs: 2 }).weights.buffer).equals(Buffer.from(avg.weights.buffer))).toBe(true);
  });

  it('survives the int8 model file round trip with the same predictions', () => {
    const ds = toy(300, 3, 4);
    const trained = trainLogReg(ds, opts);
    const before = predictDataset(toModel(header, trained), ds);
    const file = encodeModel({ ...header, bias: trained.bias }, trained.weights);
    const loaded = decodeModel(file);
    expect(loaded.header.classes).toEqual(['a', 'b', 'c']);
    expect(loaded.weights).toBeInstanceOf(Int8Array);
    expect(Array.from(predictDataset(loaded, ds))).toEqual(Array.from(before));
    // same bytes for the same weights: `npm run train` is reproducible
    expect(encodeModel({ ...header, bias: trained.bias }, trained.weights).equals(file)).toBe(true);
  });
});

describe('balancedClassWeights', () => {
  it('weights rare classes up, softened by the power', () => {
    const y = Int32Array.from([0, 0, 0, 1]);
    expect(balancedClassWeights(y, 2, 1)).toEqual([4 / 6, 2]);
    expect(balancedClassWeights(y, 2, 0)).toEqual([1, 1]);
    expect(balancedClassWeights(y, 3, 1)[2]).toBe(0);
  });
});
