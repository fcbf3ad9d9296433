import { describe, expect, it } from 'vitest';

import { FeatureBuilder, hashName, tokenize } from './hashed-features.js';
import {
  loadLinearModel,
  predictValue,
  trainLinearModel,
  trainLinearRegression,
  type SerializedLinearModel,
} from './linear-model.js';

const BITS = 12;
const vector = (words: string[]) => new FeatureBuilder(BITS).addNgrams('w:', words).build();

const examples = [
  ...['rises', 'jumps', 'climbs', 'soars'].map((verb) => ({ x: vector(['profit', verb]), y: 2 })),
  ...['falls', 'drops', 'slides', 'sinks'].map((verb) => ({ x: vector(['profit', verb]), y: 0 })),
  ...['unchanged', 'steady', 'flat', 'stable'].map((verb) => ({ x: vector(['profit', verb]), y: 1 })),
];

describe('tokenize and hashing', () => {
  it('lower-cases, keeps currency and percent signs and folds digits', () => {
    expect(tokenize('Profit ROSE 12.5% to $3 mln')).toEqual([
      'profit',
      'rose',
      '0.0',
      '%',
      'to',
      '$0',
      'mln',
    ]);
    expect(hashName('abc')).toBe(hashName('abc'));
    expect(hashName('abc')).not.toBe(hashName('abd'));
  });

  it('scales the n-gram part to unit length', () => {
    const { values } = vector(['a', 'b', 'c']);
    expect(values.reduce((sum, v) => sum + v * v, 0)).toBeCloseTo(1, 6);
  });
});

describe('trainLinearModel', () => {
  it('learns the classes of its training examples', () => {
    const model = trainLinearModel(examples, { classCount: 3, bits: BITS });
    for (const { x, y } of examples) {
      const p = model.predict(x);
      expect(p.indexOf(Math.max(...p))).toBe(y);
    }
  });

  it('gives the same weights for the same seed and others for another seed', () => {
    const a = trainLinearModel(examples, { classCount: 3, bits: BITS, seed: 7 }).serialize();
    const b = trainLinearModel(examples, { classCount: 3, bits: BITS, seed: 7 }).serialize();
    const c = trainLinearModel(examples, { classCount: 3, bits: BITS, seed: 8 }).serialize();
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('predicts the same after a JSON round trip', () => {
    const model = trainLinearModel(examples, { classCount: 3, bits: BITS });
    const loaded = loadLinearModel(JSON.parse(JSON.stringify(model.serialize())) as SerializedLinearModel);
    for (const { x } of examples) {
      loaded.predict(x).forEach((p, c) => expect(p).toBeCloseTo(model.predict(x)[c] ?? 0, 4));
    }
  });

  it('falls back to the class priors for words it never saw', () => {
    const model = trainLinearModel(examples, { classCount: 3, bits: BITS });
    const p = model.predict(vector(['zzz']));
    expect(Math.max(...p) - Math.min(...p)).toBeLessThan(0.2);
  });
});

describe('trainLinearRegression', () => {
  const scored = [
    ...['rises', 'jumps'].map((verb) => ({ x: vector(['profit', verb]), y: 0.4 })),
    ...['falls', 'drops'].map((verb) => ({ x: vector(['profit', verb]), y: -0.4 })),
    ...['steady', 'flat'].map((verb) => ({ x: vector(['profit', verb]), y: 0 })),
  ];

  it('fits the values of its training examples, and predicts the same after a JSON round trip', () => {
    const model = trainLinearRegression(scored, { bits: BITS });
    const loaded = loadLinearModel(JSON.parse(JSON.stringify(model.serialize())) as SerializedLinearModel);
    for (const { x, y } of scored) {
      expect(predictValue(model, x)).toBeCloseTo(y, 1);
      expect(predictValue(loaded, x)).toBeCloseTo(predictValue(model, x), 4);
    }
  });

  it('shrinks toward zero as the L2 penalty grows', () => {
    const loose = trainLinearRegression(scored, { bits: BITS, l2: 1e-4 });
    const tight = trainLinearRegression(scored, { bits: BITS, l2: 0.3 });
    const x = vector(['profit', 'jumps']);
    expect(Math.abs(predictValue(tight, x))).toBeLessThan(Math.abs(predictValue(loose, x)));
  });
});
