/**
 * Multinomial logistic regression (softmax) and least-squares (ridge) regression
 * over sparse hashed features, with L2 regularisation, trained by AdaGrad
 * stochastic gradient descent in a seeded order, so the same examples always
 * give the same weights.
 *
 * Written here rather than taken from a library: the maintained JavaScript
 * option (ml-logistic-regression 2 on ml-matrix) trains one-vs-all binary
 * models by batch gradient descent on dense matrices, i.e. examples × 2^18
 * hashed features held in memory, with no seed for its order and no sparse
 * input. The trainer below is a few dozen lines and tested on its own.
 */
import type { SparseVector } from './hashed-features.js';
import { seededRandom, shuffled } from './seeded-random.js';

export interface TrainLinearOptions {
  /** Number of classes (≥ 2); labels are 0 … classCount − 1. */
  classCount: number;
  /** Feature vectors' index space is 2^bits. */
  bits: number;
  epochs?: number;
  /** L2 penalty per example step. */
  l2?: number;
  learningRate?: number;
  seed?: number;
}

/** A trained model as stored (JSON): only the feature rows training moved. */
export interface SerializedLinearModel {
  bits: number;
  classCount: number;
  bias: number[];
  /** Flattened rows `[index, w_0 … w_{K-1}, index, …]`. */
  rows: number[];
}

export interface LinearModel {
  readonly classCount: number;
  /** Class probabilities for one feature vector. */
  predict(x: SparseVector): number[];
  serialize(): SerializedLinearModel;
}

const DEFAULTS = { epochs: 20, l2: 3e-3, learningRate: 0.1, seed: 1 };

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Six significant digits: the stored model stays small and predictions do not move measurably. */
const round = (value: number) => Number(value.toPrecision(6));

function modelFrom(
  bits: number,
  classCount: number,
  bias: number[],
  rowOf: Map<number, number>,
  weights: Float32Array,
): LinearModel {
  return {
    classCount,
    predict(x) {
      const scores = [...bias];
      x.indices.forEach((index, n) => {
        const row = rowOf.get(index);
        if (row === undefined) return;
        const value = x.values[n] ?? 0;
        for (let c = 0; c < classCount; c++) scores[c] = (scores[c] ?? 0) + (weights[row + c] ?? 0) * value;
      });
      // One output is a regression's value; several are classes' scores.
      return classCount === 1 ? scores : softmax(scores);
    },
    serialize() {
      const rows: number[] = [];
      for (const [index, row] of [...rowOf].sort((a, b) => a[0] - b[0])) {
        rows.push(index);
        for (let c = 0; c < classCount; c++) rows.push(round(weights[row + c] ?? 0));
      }
      return { bits, classCount, bias: bias.map(round), rows };
    },
  };
}

export function loadLinearModel(stored: SerializedLinearModel): LinearModel {
  const { bits, classCount, bias, rows } = stored;
  const stride = classCount + 1;
  const rowOf = new Map<number, number>();
  const weights = new Float32Array((rows.length / stride) * classCount);
  for (let r = 0; r * stride < rows.length; r++) {
    rowOf.set(rows[r * stride] ?? 0, r * classCount);
    for (let c = 0; c < classCount; c++) weights[r * classCount + c] = rows[r * stride + 1 + c] ?? 0;
  }
  return modelFrom(bits, classCount, [...bias], rowOf, weights);
}

interface FitOptions {
  outputs: number;
  epochs: number;
  l2: number;
  learningRate: number;
  seed: number;
}

/**
 * AdaGrad SGD over compact rows (only the features the examples hold, not all 2^bits buckets:
 * cross-validation trains many small models, and zeroing the whole space each time cost more
 * than the training itself). `errors` turns an example's raw outputs into the loss's gradient
 * with respect to each output.
 */
function fit<Y>(
  examples: readonly { x: SparseVector; y: Y }[],
  { outputs, epochs, l2, learningRate, seed }: FitOptions,
  errors: (scores: number[], y: Y) => number[],
): { bias: number[]; rowOf: Map<number, number>; weights: Float32Array } {
  const rowOf = new Map<number, number>();
  const compact = examples.map(({ x, y }) => ({
    rows: x.indices.map((index) => {
      let row = rowOf.get(index);
      if (row === undefined) {
        row = rowOf.size * outputs;
        rowOf.set(index, row);
      }
      return row;
    }),
    values: x.values,
    y,
  }));
  const w = new Float64Array(rowOf.size * outputs);
  const g2 = new Float64Array(rowOf.size * outputs);
  const bias = new Array<number>(outputs).fill(0);
  const biasG2 = new Array<number>(outputs).fill(0);
  const random = seededRandom(seed);
  const eps = 1e-8;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { rows, values, y } of shuffled(compact, random)) {
      const scores = [...bias];
      rows.forEach((row, n) => {
        const value = values[n] ?? 0;
        for (let c = 0; c < outputs; c++) scores[c] = (scores[c] ?? 0) + (w[row + c] ?? 0) * value;
      });
      const error = errors(scores, y);
      for (let c = 0; c < outputs; c++) {
        const e = error[c] ?? 0;
        biasG2[c] = (biasG2[c] ?? 0) + e * e;
        bias[c] = (bias[c] ?? 0) - (learningRate * e) / Math.sqrt((biasG2[c] ?? 0) + eps);
        rows.forEach((row, n) => {
          const k = row + c;
          const grad = e * (values[n] ?? 0) + l2 * (w[k] ?? 0);
          g2[k] = (g2[k] ?? 0) + grad * grad;
          w[k] = (w[k] ?? 0) - (learningRate * grad) / Math.sqrt((g2[k] ?? 0) + eps);
        });
      }
    }
  }
  return { bias, rowOf, weights: Float32Array.from(w) };
}

export function trainLinearModel(
  examples: readonly { x: SparseVector; y: number }[],
  options: TrainLinearOptions,
): LinearModel {
  const { classCount, bits } = options;
  const { bias, rowOf, weights } = fit(
    examples,
    { ...DEFAULTS, ...options, outputs: classCount },
    (scores, y) => softmax(scores).map((p, c) => p - (c === y ? 1 : 0)),
  );
  return modelFrom(bits, classCount, bias, rowOf, weights);
}

/** A linear regression's prediction for one feature vector. */
export function predictValue(model: LinearModel, x: SparseVector): number {
  return model.predict(x)[0] ?? 0;
}

/**
 * Least-squares linear regression (ridge: L2 penalty `l2`) by the same seeded AdaGrad SGD; a
 * model with one output whose `predict` returns `[value]` (no softmax).
 */
export function trainLinearRegression(
  examples: readonly { x: SparseVector; y: number }[],
  options: Omit<TrainLinearOptions, 'classCount'>,
): LinearModel {
  const { bias, rowOf, weights } = fit(examples, { ...DEFAULTS, ...options, outputs: 1 }, (scores, y) => [
    (scores[0] ?? 0) - y,
  ]);
  return modelFrom(options.bits, 1, bias, rowOf, weights);
}
