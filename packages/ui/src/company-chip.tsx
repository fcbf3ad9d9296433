import type { MouseEvent } from 'react';
import { Icon, type IconName } from './icon.js';
import { SmartLink, type LinkComponent } from './link.js';
import {
  formatScore,
  sentimentLabelFromScore,
  sentimentLabelText,
  type SentimentLabel,
} from './sentiment.js';

export interface CompanyChipProps {
  name: string;
  href?: string;
  /** The company's sentiment score in this article, in [-1, 1]. */
  sentiment?: number | null;
  /** How central the company is to the article, in [0, 1]. */
  relevance?: number | null;
  linkComponent?: LinkComponent;
  /** With `href` it runs before navigation (call `preventDefault()` to stay); without, the chip becomes a button. */
  onClick?: (event: MouseEvent<HTMLElement>) => void;
}

const ARROWS: Record<SentimentLabel, IconName> = {
  BEARISH: 'arrow-down',
  SOMEWHAT_BEARISH: 'arrow-down-right',
  NEUTRAL: 'minus',
  SOMEWHAT_BULLISH: 'arrow-up-right',
  BULLISH: 'arrow-up',
};

function hasNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function CompanyChip({ name, href, sentiment, relevance, linkComponent, onClick }: CompanyChipProps) {
  const label = hasNumber(sentiment) ? sentimentLabelFromScore(sentiment) : null;
  const details = [
    label && hasNumber(sentiment)
      ? `sentiment ${sentimentLabelText(label)} (${formatScore(sentiment)})`
      : null,
    hasNumber(relevance) ? `relevance ${Math.round(relevance * 100)}%` : null,
  ].filter(Boolean);
  // The accessible name carries everything the chip shows plus relevance, which has no visual mark of its own.
  const accessibleName = details.length > 0 ? `${name}, ${details.join(', ')}` : undefined;
  const className = 'wl-chip wl-chip--company';
  const content = (
    <>
      <span className="wl-chip__name">{name}</span>
      {label && hasNumber(sentiment) && (
        <span className={`wl-chip__score wl-sentiment--${label.toLowerCase().replace('_', '-')}`}>
          <Icon name={ARROWS[label]} />
          {formatScore(sentiment)}
        </span>
      )}
    </>
  );

  if (href) {
    return (
      <SmartLink
        linkComponent={linkComponent}
        href={href}
        className={className}
        aria-label={accessibleName}
        title={accessibleName}
        onClick={onClick}
      >
        {content}
      </SmartLink>
    );
  }
  if (onClick) {
    return (
      <button
        type="button"
        className={className}
        aria-label={accessibleName}
        title={accessibleName}
        onClick={onClick}
      >
        {content}
      </button>
    );
  }
  return (
    <span className={className} title={accessibleName}>
      {content}
      {accessibleName && <span className="wl-visually-hidden">{details.map((d) => `, ${d}`).join('')}</span>}
    </span>
  );
}
