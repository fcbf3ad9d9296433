/**
 * Sentence ranking for extractive output: TF-IDF vectors per body sentence,
 * centrality = mean cosine to the other sentences (TextRank without
 * iteration), plus a lead-position prior and similarity to the headline.
 * rank = 0.45·centrality(normalised) + 0.30·position + 0.25·headline similarity,
 * times a length penalty for fragments and run-on sentences.
 */
import type { DocSentence } from '../text/prepare-document.js';
import { contentWords } from '../text/stopwords.js';

/** Unit-length sparse vector: word ids in ascending order with their weights (cheap merge-join cosine). */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface RankedSentence {
  sentence: DocSentence;
  vector: SparseVector;
  rank: number;
}

const EMPTY: SparseVector = { ids: new Int32Array(0), weights: new Float64Array(0) };

export function cosine(a: SparseVector, b: SparseVector): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) {
      dot += (a.weights[i] ?? 0) * (b.weights[j] ?? 0);
      i++;
      j++;
    } else if (x < y) {
      i++;
    } else {
      j++;
    }
  }
  return dot;
}

export function rankSentences({
  body,
  headline,
}: {
  body: readonly DocSentence[];
  headline: DocSentence | null;
}): RankedSentence[] {
  const vocabulary = new Map<string, number>();
  const idOf = (word: string) => {
    let id = vocabulary.get(word);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(word, id);
    }
    return id;
  };
  const bags = body.map((s) => contentWords(s.tokens).map(idOf));
  const headlineBag = headline ? contentWords(headline.tokens).map(idOf) : [];
  const documentFrequency = new Float64Array(vocabulary.size);
  for (const bag of bags)
    for (const id of new Set(bag)) documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
  const n = Math.max(1, body.length);

  const toVector = (bag: readonly number[]): SparseVector => {
    if (bag.length === 0) return EMPTY;
    const counts = new Map<number, number>();
    for (const id of bag) counts.set(id, (counts.get(id) ?? 0) + 1);
    const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    const weights = new Float64Array(ids.length);
    let norm = 0;
    ids.forEach((id, k) => {
      const weight = (counts.get(id) ?? 0) * Math.log(1 + n / Math.max(1, documentFrequency[id] ?? 0));
      weights[k] = weight;
      norm += weight * weight;
    });
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] ?? 0) / norm;
    return { ids, weights };
  };
  const vectors = bags.map(toVector);
  const headlineVector = toVector(headlineBag);

  // Σ_j≠i cos(v_i, v_j) = v_i · (Σ_j v_j) − v_i · v_i: one pass over the summed vector instead of every pair.
  const total = new Float64Array(vocabulary.size);
  for (const vector of vectors)
    for (let k = 0; k < vector.ids.length; k++) {
      const id = vector.ids[k] ?? 0;
      total[id] = (total[id] ?? 0) + (vector.weights[k] ?? 0);
    }
  const centrality = new Float64Array(vectors.length);
  vectors.forEach((vector, i) => {
    let dot = 0;
    let self = 0;
    for (let k = 0; k < vector.ids.length; k++) {
      const weight = vector.weights[k] ?? 0;
      dot += weight * (total[vector.ids[k] ?? 0] ?? 0);
      self += weight * weight;
    }
    centrality[i] = Math.max(0, dot - self);
  });
  let maxCentrality = 1e-9;
  for (const value of centrality) maxCentrality = Math.max(maxCentrality, value);

  return body.map((sentence, i) => {
    const vector = vectors[i] ?? EMPTY;
    const words = sentence.tokens.filter((t) => t.kind === 'word').length;
    const lengthFactor = words < 6 ? 0.5 : words > 55 ? 0.7 : 1;
    const position = 1 / (1 + 0.35 * sentence.bodyPosition);
    const rank =
      (0.45 * ((centrality[i] ?? 0) / maxCentrality) +
        0.3 * position +
        0.25 * cosine(vector, headlineVector)) *
      lengthFactor;
    return { sentence, vector, rank };
  });
}

/** Picks up to `count` ranked sentences, skipping any too similar to one already picked. */
export function pickDistinct(
  ranked: readonly RankedSentence[],
  count: number,
  maxSimilarity: number,
  exclude: readonly RankedSentence[] = [],
): RankedSentence[] {
  const picked: RankedSentence[] = [];
  const seen = new Set<string>(exclude.map((r) => r.sentence.text));
  for (const candidate of [...ranked].sort(
    (a, b) => b.rank - a.rank || a.sentence.index - b.sentence.index,
  )) {
    if (picked.length >= count) break;
    if (seen.has(candidate.sentence.text)) continue;
    if (picked.some((p) => cosine(p.vector, candidate.vector) > maxSimilarity)) continue;
    if (exclude.some((p) => cosine(p.vector, candidate.vector) > maxSimilarity)) continue;
    picked.push(candidate);
    seen.add(candidate.sentence.text);
  }
  return picked;
}
