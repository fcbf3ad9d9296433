/** The GraphQL `SentimentLabel` enum values, mirrored here so the UI package needs no generated types. */
export type SentimentLabel = 'BEARISH' | 'SOMEWHAT_BEARISH' | 'NEUTRAL' | 'SOMEWHAT_BULLISH' | 'BULLISH';

export const SENTIMENT_LABELS: readonly SentimentLabel[] = [
  'BEARISH',
  'SOMEWHAT_BEARISH',
  'NEUTRAL',
  'SOMEWHAT_BULLISH',
  'BULLISH',
];

const TEXT: Record<SentimentLabel, string> = {
  BEARISH: 'Bearish',
  SOMEWHAT_BEARISH: 'Somewhat Bearish',
  NEUTRAL: 'Neutral',
  SOMEWHAT_BULLISH: 'Somewhat Bullish',
  BULLISH: 'Bullish',
};

/** Human text for a sentiment label: `SOMEWHAT_BEARISH` → "Somewhat Bearish". */
export function sentimentLabelText(label: SentimentLabel): string {
  return TEXT[label];
}

/**
 * Label bucket for a score in [-1, 1], using the product's market convention
 * (≤ −0.35 bearish, ≥ 0.35 bullish, |score| < 0.15 neutral).
 */
export function sentimentLabelFromScore(score: number): SentimentLabel {
  if (score <= -0.35) return 'BEARISH';
  if (score <= -0.15) return 'SOMEWHAT_BEARISH';
  if (score < 0.15) return 'NEUTRAL';
  if (score < 0.35) return 'SOMEWHAT_BULLISH';
  return 'BULLISH';
}

/**
 * Signed score with two decimals: "+0.42", "−0.62", "0.00".
 * Uses the typographic minus (U+2212) so the sign is as wide as the plus and reads as "minus" in screen readers.
 */
export function formatScore(score: number): string {
  const rounded = Math.round(score * 100) / 100;
  // Round first so −0.001 does not become "−0.00".
  if (rounded === 0) return '0.00';
  const digits = Math.abs(rounded).toFixed(2);
  return rounded > 0 ? `+${digits}` : `\u2212${digits}`;
}
