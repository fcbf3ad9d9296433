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
  /**
   * Hashes of the distinctive figures the text states ("$4.2 billion", "7.2%", "412,000"):
   * differently-worded reports of one event repeat its figures even when their wording
   * barely overlaps.
   */
  facts: number[];
}

const MAX_FACTS = 48;
const unitAliases: Record<string, string> = {
  '%': '%',
  percent: '%',
  'per cent': '%',
  billion: 'b',
  bn: 'b',
  b: 'b',
  million: 'm',
  mn: 'm',
  m: 'm',
  trillion: 't',
  tn: 't',
  k: 'k',
};
const FIGURE =
  /([$€£¥])?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(percent|per cent|billion|million|trillion|bn|mn|tn|%|[bmk](?![a-z]))?/gi;

/** Figures worth comparing: with a unit, a decimal, or large enough not to be a count of days or a year. */
export function extractFacts(text: string): string[] {
  const facts = new Set<string>();
  for (const match of text.matchAll(FIGURE)) {
    const [, currency = '', rawNumber = '', rawUnit = ''] = match;
    const number = rawNumber.replace(/,/g, '');
    const value = Number(number);
    const unit = unitAliases[rawUnit.toLowerCase()] ?? '';
    const isYear = Number.isInteger(value) && value >= 1900 && value <= 2100 && !unit && !currency;
    if (isYear) continue;
    if (!unit && !currency && !number.includes('.') && value < 100) continue;
    facts.add(`${currency}${number}${unit}`);
  }
  return [...facts];
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
  const facts = [...new Set(extractFacts(text).map((fact) => fnv1a(fact, 0x9e3779b9)))]
    .sort((a, b) => a - b)
    .slice(0, MAX_FACTS);
  return { words: minHash(new Set(words)), shingles: minHash(shingles), facts };
}

/** Estimated Jaccard similarity of the two sets behind the signatures. */
export function signatureSimilarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / n;
}

/** Shared figures over the smaller set: a short report that repeats all of a long one's key figures scores 1. */
export function factOverlap(a: readonly number[], b: readonly number[]): { shared: number; overlap: number } {
  const setB = new Set(b);
  const shared = a.filter((value) => setB.has(value)).length;
  const smaller = Math.min(a.length, b.length);
  return { shared, overlap: smaller === 0 ? 0 : shared / smaller };
}

/** Compact text form for storage (e.g. a StoryCluster row): 8 hex digits per hash; words, shingles, facts. */
export function serializeFingerprint(fingerprint: TextFingerprint): string {
  const hex = (values: readonly number[]) => values.map((v) => v.toString(16).padStart(8, '0')).join('');
  return `${hex(fingerprint.words)}:${hex(fingerprint.shingles)}:${hex(fingerprint.facts)}`;
}

export function parseFingerprint(text: string): TextFingerprint | null {
  const parts = text.split(':');
  const parse = (hex: string | undefined): number[] | null => {
    if (hex?.length !== SIGNATURE_SIZE * 8 || !/^[0-9a-f]+$/.test(hex)) return null;
    return Array.from({ length: SIGNATURE_SIZE }, (_, i) => Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16));
  };
  const words = parse(parts[0]);
  const shingles = parse(parts[1]);
  const factsHex = parts[2] ?? '';
  if (factsHex.length % 8 !== 0 || !/^[0-9a-f]*$/.test(factsHex)) return null;
  const facts = Array.from({ length: factsHex.length / 8 }, (_, i) =>
    Number.parseInt(factsHex.slice(i * 8, i * 8 + 8), 16),
  );
  return (parts.length === 2 || parts.length === 3) && words && shingles ? { words, shingles, facts } : null;
}

/** How many of its latest members' prints a story cluster keeps besides its first report's. */
export const CLUSTER_RECENT_PRINTS = 3;

/**
 * The prints a story cluster is matched by: its first report's and its latest few members'.
 * A new report joins by resembling one of them, never by resembling the whole history, so a
 * cluster cannot grow by chaining (each report a little like the previous one) into one that
 * swallows a feed.
 */
export function addClusterPrint(
  prints: readonly TextFingerprint[],
  print: TextFingerprint,
): TextFingerprint[] {
  const [first, ...recent] = prints;
  return first ? [first, ...[...recent, print].slice(-CLUSTER_RECENT_PRINTS)] : [print];
}

/** Storage form of a cluster's prints: serialised prints joined by `;` (one print is the older form). */
export function serializeClusterPrints(prints: readonly TextFingerprint[]): string {
  return prints.map(serializeFingerprint).join(';');
}

export function parseClusterPrints(text: string): TextFingerprint[] {
  return text.split(';').flatMap((part) => {
    const print = parseFingerprint(part);
    return print ? [print] : [];
  });
}
