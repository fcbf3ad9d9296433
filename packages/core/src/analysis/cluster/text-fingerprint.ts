/**
 * Story fingerprints: two MinHash signatures (64 × 32-bit FNV-1a with
 * different seeds). `words` hashes the set of content words and estimates
 * topical overlap between differently-worded reports; `shingles` hashes word
 * 3-shingles and detects near-duplicate copies. Both are plain number arrays
 * so they can be stored as JSON.
 */
import { contentWords } from '../text/stopwords.js';
import { tokenize } from '../text/tokenize.js';

export const SIGNATURE_SIZE = 64;

export interface TextFingerprint {
  words: number[];
  shingles: number[];
}

function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Final avalanche so seeds that differ in few bits give independent permutations.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Double hashing (h1 + k·h2, then mixed) gives SIGNATURE_SIZE hash functions for the price of two. */
function minHash(items: ReadonlySet<string>): number[] {
  const signature = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const item of items) {
    const h1 = fnv1a(item, 0);
    const h2 = fnv1a(item, 0x5bd1e995) | 1;
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = mix((h1 + Math.imul(k, h2)) >>> 0);
      if (h < (signature[k] ?? 0xffffffff)) signature[k] = h;
    }
  }
  return signature;
}

export function textFingerprint(text: string): TextFingerprint {
  const words = contentWords(tokenize(text));
  const shingles = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) shingles.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return { words: minHash(new Set(words)), shingles: minHash(shingles) };
}

/** Estimated Jaccard similarity of the two sets behind the signatures. */
export function signatureSimilarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / n;
}

/** Compact text form for storage (e.g. a StoryCluster row): 8 hex digits per hash, words then shingles. */
export function serializeFingerprint(fingerprint: TextFingerprint): string {
  const hex = (values: readonly number[]) => values.map((v) => v.toString(16).padStart(8, '0')).join('');
  return `${hex(fingerprint.words)}:${hex(fingerprint.shingles)}`;
}

export function parseFingerprint(text: string): TextFingerprint | null {
  const parts = text.split(':');
  const parse = (hex: string | undefined): number[] | null => {
    if (hex?.length !== SIGNATURE_SIZE * 8 || !/^[0-9a-f]+$/.test(hex)) return null;
    return Array.from({ length: SIGNATURE_SIZE }, (_, i) => Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16));
  };
  const words = parse(parts[0]);
  const shingles = parse(parts[1]);
  return parts.length === 2 && words && shingles ? { words, shingles } : null;
}
