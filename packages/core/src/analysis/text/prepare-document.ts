/**
 * Splits an article into headline + body sentences and tokenizes each once;
 * every later stage works on this structure.
 */
import { splitSentences } from './split-sentences.js';
import { tokenize, type Token } from './tokenize.js';

export interface DocSentence {
  /** 0 = headline when present, then body sentences in order. */
  index: number;
  text: string;
  tokens: Token[];
  isHeadline: boolean;
  /** Position among body sentences (0-based); -1 for the headline. */
  bodyPosition: number;
}

export interface PreparedDocument {
  sentences: DocSentence[];
  headline: DocSentence | null;
  body: DocSentence[];
}

export function prepareDocument({ title, text }: { title: string; text: string }): PreparedDocument {
  const sentences: DocSentence[] = [];
  const headlineText = title.trim();
  let headline: DocSentence | null = null;
  if (headlineText.length > 0) {
    headline = {
      index: 0,
      text: headlineText,
      tokens: tokenize(headlineText),
      isHeadline: true,
      bodyPosition: -1,
    };
    sentences.push(headline);
  }
  const body: DocSentence[] = [];
  for (const span of splitSentences(text)) {
    const sentence: DocSentence = {
      index: sentences.length,
      text: span.text,
      tokens: tokenize(span.text),
      isHeadline: false,
      bodyPosition: body.length,
    };
    sentences.push(sentence);
    body.push(sentence);
  }
  return { sentences, headline, body };
}
