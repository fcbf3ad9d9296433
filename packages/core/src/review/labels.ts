import { labelForScore, type SentimentLabel } from '../analysis/contract.js';

/** The database/GraphQL spelling of the contract's sentiment labels. */
export const SENTIMENT_LABEL_ENUM = [
  'BEARISH',
  'SOMEWHAT_BEARISH',
  'NEUTRAL',
  'SOMEWHAT_BULLISH',
  'BULLISH',
] as const;
export type SentimentLabelEnum = (typeof SENTIMENT_LABEL_ENUM)[number];

const toEnum: Record<SentimentLabel, SentimentLabelEnum> = {
  Bearish: 'BEARISH',
  'Somewhat-Bearish': 'SOMEWHAT_BEARISH',
  Neutral: 'NEUTRAL',
  'Somewhat-Bullish': 'SOMEWHAT_BULLISH',
  Bullish: 'BULLISH',
};

/** The one mapping from contract labels ('Somewhat-Bearish') to the enum (SOMEWHAT_BEARISH). */
export function labelToEnum(label: SentimentLabel): SentimentLabelEnum {
  return toEnum[label];
}

export function labelEnumForScore(score: number): SentimentLabelEnum {
  return labelToEnum(labelForScore(score));
}

export type SentimentClass = 'bullish' | 'neutral' | 'bearish';

/** Series split: Somewhat-Bullish and Bullish count as bullish, the two bearish labels as bearish. */
export function sentimentClassOf(label: SentimentLabelEnum): SentimentClass {
  if (label === 'BULLISH' || label === 'SOMEWHAT_BULLISH') return 'bullish';
  if (label === 'BEARISH' || label === 'SOMEWHAT_BEARISH') return 'bearish';
  return 'neutral';
}

/** A score inside each label's bucket, used when an editor sets a label that the current score contradicts. */
export const REPRESENTATIVE_SCORE: Record<SentimentLabelEnum, number> = {
  BEARISH: -0.6,
  SOMEWHAT_BEARISH: -0.25,
  NEUTRAL: 0,
  SOMEWHAT_BULLISH: 0.25,
  BULLISH: 0.6,
};
