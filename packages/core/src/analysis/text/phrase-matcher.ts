/**
 * Longest-match lookup of multi-word phrases over lower-cased tokens. Phrases
 * are indexed by their first word so a scan costs one map lookup per token.
 */
import type { Token } from './tokenize.js';

interface PhraseEntry<T> {
  words: string[];
  payload: T;
}

export interface PhraseMatch<T> {
  start: number;
  /** Index one past the last matched token. */
  end: number;
  payload: T;
}

export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, PhraseEntry<T>[]>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [phrase, payload] of entries) {
      const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      const first = words[0];
      if (first === undefined) continue;
      const list = this.byFirst.get(first) ?? [];
      list.push({ words, payload });
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  matchAt(tokens: readonly Token[], index: number): PhraseMatch<T> | null {
    const first = tokens[index];
    if (first === undefined) return null;
    const candidates = this.byFirst.get(first.lower);
    if (candidates === undefined) return null;
    for (const candidate of candidates) {
      let ok = true;
      for (let k = 1; k < candidate.words.length; k++) {
        if (tokens[index + k]?.lower !== candidate.words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { start: index, end: index + candidate.words.length, payload: candidate.payload };
    }
    return null;
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
