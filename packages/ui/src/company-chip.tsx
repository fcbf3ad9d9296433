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
  // The score is on the chip; screen readers also get its label in words and the relevance, which
  // has no visual mark. They follow the visible text, so the accessible name starts with what is seen.
  const details = [
    label ? `sentiment ${sentimentLabelText(label)}` : null,
    hasNumber(relevance) ? `relevance ${Math.round(relevance * 100)}%` : null,
  ].filter(Boolean);
  const title =
    details.length > 0
      ? `${name}${hasNumber(sentiment) ? ` ${formatScore(sentiment)}` : ''}, ${details.join(', ')}`
      : undefined;
  const className = 'wl-chip wl-chip--company';
  const content = (
    <>
      <span className="wl-chip__name">{name}</span>
      {label && hasNumber(sentiment) && (
        <>
          {' '}
          <span className={`wl-chip__score wl-sentiment--${label.toLowerCase().replace('_', '-')}`}>
            <Icon name={ARROWS[label]} />
            {formatScore(sentiment)}
          </span>
        </>
      )}
      {details.length > 0 && (
        <span className="wl-visually-hidden">{details.map((d) => `, ${d}`).join('')}</span>
      )}
    </>
  );

  if (href) {
    return (
      <SmartLink
        linkComponent={linkComponent}
        href={href}
        className={className}
        title={title}
        onClick={onClick}
      >
        {content}
      </SmartLink>
    );
  }
  if (onClick) {
    return (
      <button type="button" className={className} title={title} onClick={onClick}>
        {content}
      </button>
    );
  }
  return (
    <span className={className} title={title}>
      {content}
    </span>
  );
}
