/**
 * Longest-match lookup of multi-word phrases over lower-cased tokens. Phrases
 * are stored as a word trie, so a scan costs one map lookup per token plus one
 * per further word that still continues some phrase (a first word shared by
 * dozens of phrases, like "trade", is not compared phrase by phrase).
 */
import type { Token } from './tokenize.js';

interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null;
  /** Set when a phrase ends here; the first phrase given for the same words wins. */
  payload: T | undefined;
  complete: boolean;
}

export interface PhraseMatch<T> {
  start: number;
  /** Index one past the last matched token. */
  end: number;
  payload: T;
}

export class PhraseMatcher<T> {
  private readonly root = new Map<string, TrieNode<T>>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [phrase, payload] of entries) {
      const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      let level = this.root;
      let node: TrieNode<T> | undefined;
      for (const word of words) {
        if (node !== undefined) level = node.next ??= new Map<string, TrieNode<T>>();
        node = level.get(word);
        if (node === undefined) {
          node = { next: null, payload: undefined, complete: false };
          level.set(word, node);
        }
      }
      if (node === undefined || node.complete) continue;
      node.complete = true;
      node.payload = payload;
    }
  }

  matchAt(tokens: readonly Token[], index: number): PhraseMatch<T> | null {
    const first = tokens[index];
    if (first === undefined) return null;
    let node = this.root.get(first.lower);
    // The longest phrase ending so far; one result object, made at the end (this runs per token).
    let bestEnd = -1;
    let bestPayload: T | undefined;
    let k = index;
    while (node !== undefined) {
      k++;
      if (node.complete) {
        bestEnd = k;
        bestPayload = node.payload;
      }
      const token = tokens[k];
      if (node.next === null || token === undefined) break;
      node = node.next.get(token.lower);
    }
    return bestEnd < 0 ? null : { start: index, end: bestEnd, payload: bestPayload as T };
  }

  /** Non-overlapping longest matches, left to right. */
  matchAll(tokens: readonly Token[], from = 0, to = tokens.length): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    let i = from;
    while (i < to) {
      const match = this.matchAt(tokens, i);
      if (match && match.end <= to) {
        matches.push(match);
        i = match.end;
      } else {
        i++;
      }
    }
    return matches;
  }
}

/**
 * Expands a pattern list: "|" separates whole phrases, "/" separates
 * alternatives for one word slot. "beat|raised guidance/outlook" →
 * ["beat", "raised guidance", "raised outlook"].
 */
export function expandPatterns(patterns: string): string[] {
  const out: string[] = [];
  for (const phrase of patterns.split('|')) {
    let results = [''];
    for (const part of phrase.trim().split(/\s+/)) {
      const options = part.split('/');
      const next: string[] = [];
      for (const prefix of results)
        for (const option of options) next.push(prefix ? `${prefix} ${option}` : option);
      results = next;
    }
    out.push(...results.filter(Boolean));
  }
  return out;
}

/** A set of the space-separated words of `list`: "buy buys bought" → {buy, buys, bought}. */
export function wordSet(list: string): Set<string> {
  return new Set(list.split(' '));
}
