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
  it('follows the bucket boundaries of the product scale', () => {
    expect(sentimentLabelFromScore(-0.35)).toBe('BEARISH');
    expect(sentimentLabelFromScore(-0.34)).toBe('SOMEWHAT_BEARISH');
    expect(sentimentLabelFromScore(-0.15)).toBe('SOMEWHAT_BEARISH');
    expect(sentimentLabelFromScore(-0.14)).toBe('NEUTRAL');
    expect(sentimentLabelFromScore(0.14)).toBe('NEUTRAL');
    expect(sentimentLabelFromScore(0.15)).toBe('SOMEWHAT_BULLISH');
    expect(sentimentLabelFromScore(0.34)).toBe('SOMEWHAT_BULLISH');
    expect(sentimentLabelFromScore(0.35)).toBe('BULLISH');
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
