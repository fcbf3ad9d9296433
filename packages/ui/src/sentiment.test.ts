import { describe, expect, it } from 'vitest';

import { formatScore, sentimentLabelFromScore, sentimentLabelText } from './sentiment.js';

describe('sentimentLabelText', () => {
  it('turns enum values into readable words', () => {
    expect(sentimentLabelText('BEARISH')).toBe('Bearish');
    expect(sentimentLabelText('SOMEWHAT_BEARISH')).toBe('Somewhat Bearish');
    expect(sentimentLabelText('NEUTRAL')).toBe('Neutral');
    expect(sentimentLabelText('SOMEWHAT_BULLISH')).toBe('Somewhat Bullish');
    expect(sentimentLabelText('BULLISH')).toBe('Bullish');
  });
});

describe('sentimentLabelFromScore', () => {
  // The bucket boundaries of the product scale, on the two decimals the dashboard shows.
  it.each([
    [-1, -0.35, 'BEARISH'],
    [-0.34, -0.15, 'SOMEWHAT_BEARISH'],
    [-0.14, 0.14, 'NEUTRAL'],
    [0.15, 0.34, 'SOMEWHAT_BULLISH'],
    [0.35, 1, 'BULLISH'],
  ] as const)('labels %d to %d as %s', (lowest, highest, label) => {
    expect(sentimentLabelFromScore(lowest)).toBe(label);
    expect(sentimentLabelFromScore(highest)).toBe(label);
  });
});

describe('formatScore', () => {
  it('always shows a sign and two decimals', () => {
    expect(formatScore(0.42)).toBe('+0.42');
    expect(formatScore(-0.625)).toBe('\u22120.62');
    expect(formatScore(1)).toBe('+1.00');
  });

  it('does not print a signed zero for tiny values', () => {
    expect(formatScore(-0.001)).toBe('0.00');
    expect(formatScore(0)).toBe('0.00');
  });
});
