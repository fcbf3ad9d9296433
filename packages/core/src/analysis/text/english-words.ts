/**
 * Whether a word is an ordinary English word, by the `word-list` package's
 * 274,000 lower-case words (inflections included, proper names not): "news",
 * "next" and "sage" are; "centrica", "aviva" and "glencore" are not.
 *
 * The list stays one string with the start of each word in alphabetical order
 * (3.5 MB, read in about 30 ms on first use; a set of the words would take
 * 21 MB), and a word is found by binary search.
 */
import { readFileSync } from 'node:fs';

import wordListPath from 'word-list';

interface WordIndex {
  /** The words, one per line. */
  text: string;
  /** Where each word starts in `text`, in alphabetical order of the words. */
  starts: Uint32Array;
}

let index: WordIndex | null = null;

function wordAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

function loadIndex(): WordIndex {
  const text = readFileSync(wordListPath, 'utf8');
  const positions: number[] = text.length > 0 ? [0] : [];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1))
    positions.push(i + 1);
  // The file is sorted but for a few words; insertion sort puts those right in one pass.
  for (let i = 1; i < positions.length; i++) {
    const start = positions[i] as number;
    const word = wordAt(text, start);
    let j = i - 1;
    while (j >= 0 && wordAt(text, positions[j] as number) > word) {
      positions[j + 1] = positions[j] as number;
      j--;
    }
    positions[j + 1] = start;
  }
  return { text, starts: Uint32Array.from(positions) };
}

/** `word` in lower case, as one word ("news" yes, "centrica" no). */
export function isEnglishWord(word: string): boolean {
  const { text, starts } = (index ??= loadIndex());
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const candidate = wordAt(text, starts[mid] as number);
    if (candidate === word) return true;
    if (candidate < word) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
