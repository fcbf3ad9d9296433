/**
 * Splits an article into headline + body sentences and tokenizes each once;
 * every later stage works on this structure.
 */
import { repairMojibake } from '../../html/repair-mojibake.js';
import { findRatingStatement, type RatingStatement } from './analyst-rating.js';
import { splitSentences } from './split-sentences.js';
import { tokenize, type Token } from './tokenize.js';
import { isTableRow, withoutWireSlug } from './wire-format.js';

export interface DocSentence {
  /** 0 = headline when present, then body sentences in order. */
  index: number;
  text: string;
  tokens: Token[];
  isHeadline: boolean;
  /** Position among body sentences (0-based); -1 for the headline. */
  bodyPosition: number;
  /** A line of a wire-service results table ("Shr 80 cts vs 72 cts"): data, never quoted as a statement. */
  tableRow: boolean;
  /** Set when the sentence states an analyst's rating or price target. */
  rating: RatingStatement | null;
}

export interface PreparedDocument {
  sentences: DocSentence[];
  headline: DocSentence | null;
  body: DocSentence[];
}

export function prepareDocument({ title, text }: { title: string; text: string }): PreparedDocument {
  const sentences: DocSentence[] = [];
  // Stored articles were repaired at ingest; text handed to the analyzer directly may not be.
  const headlineText = withoutWireSlug(repairMojibake(title).trim());
  let headline: DocSentence | null = null;
  if (headlineText.length > 0) {
    const tokens = tokenize(headlineText);
    headline = {
      index: 0,
      text: headlineText,
      tokens,
      isHeadline: true,
      bodyPosition: -1,
      tableRow: false,
      rating: findRatingStatement(tokens),
    };
    sentences.push(headline);
  }
  const body: DocSentence[] = [];
  for (const span of splitSentences(repairMojibake(text))) {
    const tokens = tokenize(span.text);
    const sentence: DocSentence = {
      index: sentences.length,
      text: span.text,
      tokens,
      isHeadline: false,
      bodyPosition: body.length,
      tableRow: isTableRow(span.text, tokens),
      rating: findRatingStatement(tokens),
    };
    sentences.push(sentence);
    body.push(sentence);
  }
  return { sentences, headline, body };
}
