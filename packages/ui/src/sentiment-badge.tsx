import { Icon, type IconName } from './icon.js';
import { formatScore, sentimentLabelText, type SentimentLabel } from './sentiment.js';

export interface SentimentBadgeProps {
  label: SentimentLabel;
  /** Score in [-1, 1]; shown next to the label when given. */
  score?: number | null;
  size?: 'sm' | 'md';
}

const ICONS: Record<SentimentLabel, IconName> = {
  BEARISH: 'arrow-down',
  SOMEWHAT_BEARISH: 'arrow-down-right',
  NEUTRAL: 'minus',
  SOMEWHAT_BULLISH: 'arrow-up-right',
  BULLISH: 'arrow-up',
};

/** Sentiment as icon + words + colour, so it survives colour blindness and greyscale printing. */
export function SentimentBadge({ label, score, size = 'md' }: SentimentBadgeProps) {
  const text = sentimentLabelText(label);
  const hasScore = typeof score === 'number' && Number.isFinite(score);
  const scoreText = hasScore ? formatScore(score) : null;
  const modifier = label.toLowerCase().replace('_', '-');
  return (
    <span
      className={`wl-badge wl-sentiment wl-sentiment--${modifier} wl-badge--${size}`}
      role="img"
      aria-label={scoreText ? `Sentiment: ${text} (${scoreText})` : `Sentiment: ${text}`}
    >
      <Icon name={ICONS[label]} />
      <span>{text}</span>
      {scoreText && <span className="wl-sentiment__score">{scoreText}</span>}
    </span>
  );
}
