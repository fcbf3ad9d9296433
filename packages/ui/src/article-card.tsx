import { useId, useState, type MouseEvent } from 'react';

import { CompanyChip } from './company-chip.js';
import { formatAbsoluteTime, formatRelativeTime } from './format-time.js';
import { ImportanceMeter } from './importance-meter.js';
import { SmartLink, type LinkComponent } from './link.js';
import { ReviewMark, type ReviewStatus } from './review-mark.js';
import { SentimentBadge } from './sentiment-badge.js';
import type { SentimentLabel } from './sentiment.js';
import { TopicChip } from './topic-chip.js';

export interface ArticleCompany {
  id?: string;
  name: string;
  href?: string;
  sentiment?: number | null;
  relevance?: number | null;
}

export interface ArticleTopic {
  id?: string;
  name: string;
  href?: string;
}

/** What a feed card needs; the dashboard maps its GraphQL result onto this shape. */
export interface ArticleCardData {
  id: string;
  title: string;
  /** The article's page in Wirelens. */
  href: string;
  source: { name: string };
  /** ISO timestamp. */
  publishedAt: string;
  /** Plain text; markup is shown literally, never interpreted. */
  excerpt?: string | null;
  /** Absent until an analyzer has run. */
  sentiment?: { label: SentimentLabel; score?: number | null } | null;
  importance?: number | null;
  companies?: readonly ArticleCompany[];
  topics?: readonly ArticleTopic[];
  review?: { status: ReviewStatus; reviewedBy?: string | null; reviewedAt?: string | null } | null;
}

export interface ArticleCardProps {
  article: ArticleCardData;
  linkComponent?: LinkComponent;
  onCompanyClick?: (company: ArticleCompany, event: MouseEvent<HTMLElement>) => void;
  /** Reference time for "3 hours ago"; injectable so lists re-render consistently and tests are stable. */
  now?: Date;
  /** Heading level of the headline, so the card fits the page outline it is placed in. */
  headingLevel?: 2 | 3 | 4;
}

const VISIBLE_COMPANIES = 4;

export function ArticleCard({
  article,
  linkComponent,
  onCompanyClick,
  now,
  headingLevel = 3,
}: ArticleCardProps) {
  const [showAllCompanies, setShowAllCompanies] = useState(false);
  const companyListId = useId();
  const Heading = `h${headingLevel}` as const;
  const companies = article.companies ?? [];
  const topics = article.topics ?? [];
  const shownCompanies = showAllCompanies ? companies : companies.slice(0, VISIBLE_COMPANIES);
  const hiddenCount = companies.length - shownCompanies.length;

  return (
    <article className="wl-card wl-article-card">
      <p className="wl-article-card__meta">
        <span className="wl-article-card__source">{article.source.name}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={article.publishedAt} title={formatAbsoluteTime(article.publishedAt)}>
          {formatRelativeTime(article.publishedAt, now)}
        </time>
      </p>
      <Heading className="wl-article-card__title">
        <SmartLink linkComponent={linkComponent} href={article.href}>
          {article.title}
        </SmartLink>
      </Heading>
      {(article.sentiment || article.importance != null) && (
        <div className="wl-article-card__signals">
          {article.sentiment && (
            <SentimentBadge label={article.sentiment.label} score={article.sentiment.score} size="sm" />
          )}
          {article.importance != null && <ImportanceMeter value={article.importance} size="sm" />}
        </div>
      )}
      {article.excerpt && <p className="wl-article-card__excerpt">{article.excerpt}</p>}
      {companies.length > 0 && (
        <ul className="wl-chip-list" id={companyListId} aria-label="Companies">
          {shownCompanies.map((company) => (
            <li key={company.id ?? company.name}>
              <CompanyChip
                name={company.name}
                href={company.href}
                sentiment={company.sentiment}
                relevance={company.relevance}
                linkComponent={linkComponent}
                onClick={onCompanyClick ? (event) => onCompanyClick(company, event) : undefined}
              />
            </li>
          ))}
          {companies.length > VISIBLE_COMPANIES && (
            // Inside the list so the control wraps with the chips instead of taking a line of its own.
            <li>
              <button
                type="button"
                className="wl-chip wl-chip--more"
                aria-expanded={showAllCompanies}
                aria-controls={companyListId}
                aria-label={
                  showAllCompanies
                    ? 'Show fewer companies'
                    : `Show ${hiddenCount} more ${hiddenCount === 1 ? 'company' : 'companies'}`
                }
                onClick={() => setShowAllCompanies((value) => !value)}
              >
                {showAllCompanies ? 'Fewer' : `+${hiddenCount}`}
              </button>
            </li>
          )}
        </ul>
      )}
      {topics.length > 0 && (
        <ul className="wl-chip-list" aria-label="Topics">
          {topics.map((topic) => (
            <li key={topic.id ?? topic.name}>
              <TopicChip name={topic.name} href={topic.href} linkComponent={linkComponent} />
            </li>
          ))}
        </ul>
      )}
      {article.review && (
        <div className="wl-article-card__review">
          <ReviewMark
            status={article.review.status}
            reviewedBy={article.review.reviewedBy}
            reviewedAt={article.review.reviewedAt}
            now={now}
          />
        </div>
      )}
    </article>
  );
}
