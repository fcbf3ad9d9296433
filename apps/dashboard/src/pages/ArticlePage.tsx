import { Link, useParams } from 'react-router';

import {
  EmptyState,
  formatAbsoluteTime,
  formatRelativeTime,
  ImportanceMeter,
  SentimentBadge,
  TopicChip,
} from '@wirelens/ui';

import { useAuth } from '../auth/AuthContext.js';
import { hasRole } from '../auth/roles.js';
import { ArticleCompanyList } from '../components/ArticleCompanyList.js';
import { sourceName } from '../components/ArticleFeedCard.js';
import { Provenance } from '../components/Provenance.js';
import { QueryState } from '../components/QueryState.js';
import { RouterLink } from '../components/RouterLink.js';
import { EffectiveAnalysisFields, MentionFields, SourceNameFields } from '../fragments.js';
import { graphql, type ResultOf } from '../graphql.js';
import { useRefetchableQuery } from '../hooks/useRefetchableQuery.js';
import { articlePath, topicPath } from '../lib/links.js';

export const ArticlePageQuery = graphql(
  `
    query ArticlePage($id: ID!) {
      article(id: $id) {
        id
        title
        url
        reviewVersion
        author
        imageUrl
        publishedAt
        excerpt
        contentHtml
        source {
          id
          title
          url
        }
        analysis {
          ...EffectiveAnalysisFields
        }
        aiAnalysis {
          id
          fallbackReason
        }
        ...MentionFields
        corrections {
          id
          action
          createdAt
          editor {
            id
            name
          }
        }
        related(limit: 5) {
          id
          title
          publishedAt
          sentimentLabel
          source {
            ...SourceNameFields
          }
        }
        cluster {
          articleCount
          sourceCount
        }
      }
    }
  `,
  [EffectiveAnalysisFields, MentionFields, SourceNameFields],
);

type ArticleData = NonNullable<ResultOf<typeof ArticlePageQuery>['article']>;

export function ArticlePage() {
  const { id = '' } = useParams();
  const [result, reload] = useRefetchableQuery({ query: ArticlePageQuery, variables: { id } });
  return (
    <div className="page article-page">
      <p>
        <Link to="/feed" className="back-link">
          <span aria-hidden="true">←</span> Back to the feed
        </Link>
      </p>
      <QueryState result={result} retry={reload} skeletonLines={10} loadingLabel="Loading article">
        {(data) =>
          data.article ? (
            <ArticleView article={data.article} reload={reload} />
          ) : (
            <EmptyState title="Article not found">
              <p>It may have been deleted with its source.</p>
            </EmptyState>
          )
        }
      </QueryState>
    </div>
  );
}

function ArticleView({ article, reload }: { article: ArticleData; reload: () => void }) {
  const { user } = useAuth();
  const analysis = article.analysis;
  const category = article.topics[0]?.topic;
  const lastReview = [...article.corrections].reverse().find((c) => c.action !== 'REOPEN');
  const source = sourceName(article.source);
  return (
    <article className="article" aria-labelledby="article-title">
      <header className="article__header">
        <div className="article__signals">
          {category && (
            <Link
              className="category"
              to={topicPath(category.slug)}
              aria-label={`Category: ${category.name}`}
            >
              <span aria-hidden="true" className="category__icon">
                ◆
              </span>
              {category.name}
            </Link>
          )}
          {analysis && <SentimentBadge label={analysis.sentimentLabel} score={analysis.sentimentScore} />}
          {analysis && <ImportanceMeter value={analysis.importance} />}
        </div>
        <h1 id="article-title">{article.title}</h1>
        <p className="article__byline">
          <span>{source}</span>
          {article.author && <span> · {article.author}</span>}
          <span>
            {' '}
            ·{' '}
            <time dateTime={article.publishedAt} title={formatAbsoluteTime(article.publishedAt)}>
              {formatRelativeTime(article.publishedAt)}
            </time>
          </span>
        </p>
        {article.imageUrl && (
          <img
            className="article__image"
            src={article.imageUrl}
            alt=""
            loading="lazy"
            referrerPolicy="no-referrer"
          />
        )}
      </header>

      {analysis ? (
        <>
          <Provenance
            analyzer={analysis.analyzer}
            analyzedAt={analysis.analyzedAt}
            confidence={analysis.confidence}
            reviewStatus={analysis.reviewStatus}
            correctedFields={analysis.correctedFields}
            lastReview={
              lastReview ? { editorName: lastReview.editor.name, createdAt: lastReview.createdAt } : null
            }
            fallbackReason={article.aiAnalysis?.fallbackReason}
          />
          <section aria-labelledby="summary-heading" className="article__section">
            <h2 id="summary-heading">
              AI Summary <span className="ai-label">AI</span>
            </h2>
            <p>{analysis.summary}</p>
          </section>
          <section aria-labelledby="analysis-heading" className="article__section">
            <h2 id="analysis-heading">
              Analysis <span className="ai-label">AI</span>
            </h2>
            {analysis.paragraphs.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </section>
          <section aria-labelledby="takeaways-heading" className="article__section">
            <h2 id="takeaways-heading">
              Key Takeaways <span className="ai-label">AI</span>
            </h2>
            <ul>
              {analysis.takeaways.map((takeaway, index) => (
                <li key={index}>{takeaway}</li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <EmptyState title="Not analysed yet">
          <p>The AI summary, analysis and takeaways appear once the analyzer has run on this article.</p>
        </EmptyState>
      )}

      <section aria-labelledby="companies-heading" className="article__section">
        <h2 id="companies-heading">
          Mentioned in AI — Companies <span className="ai-label">AI</span>
        </h2>
        <ArticleCompanyList
          articleId={article.id}
          reviewVersion={article.reviewVersion}
          companies={article.companies}
          canCorrect={hasRole(user?.role, 'EDITOR') && analysis !== null}
          reload={reload}
        />
        {article.topics.length > 0 && (
          <>
            <h3>Topics</h3>
            <ul className="wl-chip-list" aria-label="Topics">
              {article.topics.map((item) => (
                <li key={item.topic.id}>
                  <TopicChip
                    name={item.topic.name}
                    href={topicPath(item.topic.slug)}
                    linkComponent={RouterLink}
                  />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <p className="read-original">
        <a className="button" href={article.url} target="_blank" rel="noopener noreferrer">
          Read Original
        </a>{' '}
        <span className="muted">via {source}</span>
        {hasRole(user?.role, 'EDITOR') && analysis && (
          <Link className="button button--ghost" to={`/review?article=${encodeURIComponent(article.id)}`}>
            Review and history
          </Link>
        )}
      </p>

      {article.contentHtml ? (
        <details className="article__fulltext">
          <summary>Full text as fetched</summary>
          {/* The only HTML rendered as markup: the server sanitises contentHtml with an allow-list. */}
          <div className="article__content" dangerouslySetInnerHTML={{ __html: article.contentHtml }} />
        </details>
      ) : (
        article.excerpt && <p className="article__excerpt">{article.excerpt}</p>
      )}

      <section aria-labelledby="related-heading" className="article__section">
        <h2 id="related-heading">Related Articles</h2>
        {article.cluster && (
          <p className="muted">
            This story: {article.cluster.articleCount} articles from {article.cluster.sourceCount} sources.
          </p>
        )}
        {article.related.length > 0 ? (
          <ul className="related">
            {article.related.map((related) => (
              <li key={related.id}>
                <Link to={articlePath(related.id)}>{related.title}</Link>{' '}
                <span className="muted">
                  {sourceName(related.source)} · {formatRelativeTime(related.publishedAt)}
                </span>
                {related.sentimentLabel && (
                  <>
                    {' '}
                    <SentimentBadge label={related.sentimentLabel} size="sm" />
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No other coverage of this story yet.</p>
        )}
      </section>
    </article>
  );
}
