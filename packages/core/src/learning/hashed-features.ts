/**
 * Sparse feature vectors over hashed names ("the hashing trick"): no vocabulary
 * is stored, so a model is only its weights, and an unseen word simply maps to
 * a weight that training never moved.
 */

/** A sparse vector: parallel index and value arrays, indices distinct. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

/** 2^18 buckets: collisions stay rare for the few thousand n-grams a deployment's corrections hold. */
export const DEFAULT_HASH_BITS = 18;

/** FNV-1a (32-bit) of a string's UTF-16 code units. */
export function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const TOKEN_RE = /[\p{L}\p{N}$%€£]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Lower-cased word tokens; every run of digits becomes `0`, so figures generalise across values. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(TOKEN_RE) ?? []).map((token) => token.replace(/\p{N}+/gu, '0'));
}

/** Accumulates named features, then hashes them into one sparse vector. */
export class FeatureBuilder {
  private readonly weights = new Map<number, number>();
  private readonly mask: number;

  constructor(bits: number) {
    this.mask = (1 << bits) - 1;
  }

  add(name: string, value = 1): this {
    const index = hashName(name) & this.mask;
    this.weights.set(index, (this.weights.get(index) ?? 0) + value);
    return this;
  }

  /**
   * Word unigrams and bigrams of `tokens` under `prefix`, each present-once, scaled so the
   * n-gram part has unit length: long and short texts weigh the same against the other features.
   */
  addNgrams(prefix: string, tokens: readonly string[]): this {
    const names = new Set<string>();
    tokens.forEach((token, i) => {
      names.add(`${prefix}${token}`);
      const next = tokens[i + 1];
      if (next !== undefined) names.add(`${prefix}${token} ${next}`);
    });
    const scale = names.size > 0 ? 1 / Math.sqrt(names.size) : 0;
    for (const name of names) this.add(name, scale);
    return this;
  }

  build(): SparseVector {
    const indices = [...this.weights.keys()].sort((a, b) => a - b);
    return { indices, values: indices.map((index) => this.weights.get(index) ?? 0) };
  }
}
