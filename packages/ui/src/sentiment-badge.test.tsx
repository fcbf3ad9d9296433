import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { SentimentBadge } from './sentiment-badge.js';

describe('SentimentBadge', () => {
  it('shows the label in words with a signed score and an accessible name', () => {
    render(<SentimentBadge label="BEARISH" score={-0.62} />);
    const badge = screen.getByRole('img', { name: 'Sentiment: Bearish (\u22120.62)' });
    expect(badge.textContent).toBe('Bearish\u22120.62');
    expect(badge.className).toContain('wl-sentiment--bearish');
    // An icon accompanies the text so colour is never the only signal.
    expect(badge.querySelector('svg')).not.toBeNull();
  });

  it('formats positive scores with a plus sign', () => {
    render(<SentimentBadge label="SOMEWHAT_BULLISH" score={0.42} size="sm" />);
    const badge = screen.getByRole('img', { name: 'Sentiment: Somewhat Bullish (+0.42)' });
    expect(badge.className).toContain('wl-sentiment--somewhat-bullish');
    expect(badge.className).toContain('wl-badge--sm');
  });

  it('leaves the score out when there is none', () => {
    render(<SentimentBadge label="NEUTRAL" score={null} />);
    const badge = screen.getByRole('img', { name: 'Sentiment: Neutral' });
    expect(badge.textContent).toBe('Neutral');
    expect(badge.className).toContain('wl-sentiment--neutral');
  });
});
