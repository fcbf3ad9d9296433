/**
 * Extractive summary: the best-ranked 1–3 whole sentences (more for longer
 * articles), near-duplicates skipped, kept in article order. Falls back to the
 * headline when the body is empty.
 */
import type { DocSentence } from '../text/prepare-document.js';
import { pickDistinct, type RankedSentence } from './rank-sentences.js';

export const NEAR_DUPLICATE = 0.6;

export function selectSummary({
  ranked,
  headline,
}: {
  ranked: readonly RankedSentence[];
  headline: DocSentence | null;
}): { text: string; picked: RankedSentence[] } {
  const count = ranked.length >= 8 ? 3 : ranked.length >= 3 ? 2 : 1;
  const picked = pickDistinct(ranked, count, NEAR_DUPLICATE).sort(
    (a, b) => a.sentence.index - b.sentence.index,
  );
  const text = picked.map((p) => p.sentence.text).join(' ');
  return { text: text || headline?.text || '', picked };
}
