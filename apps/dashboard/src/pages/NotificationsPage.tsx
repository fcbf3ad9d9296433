import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';

import { EmptyState } from '@wirelens/ui';

import { QueryState } from '../components/QueryState.js';
import { graphql, type ResultOf } from '../graphql.js';
import { articlePath, companyPath, topicPath } from '../lib/links.js';

export const NotificationsQuery = graphql(`
  query Notifications {
    notifications(first: 50) {
      edges {
        node {
          id
          createdAt
          readAt
          firing {
            kind
            figures
            windowStart
            windowEnd
            rule {
              name
              company {
                slug
                name
              }
              topic {
                slug
                name
              }
              watchlist {
                name
              }
            }
            articles {
              id
              title
            }
          }
        }
      }
    }
  }
`);

const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

type Firing = ResultOf<typeof NotificationsQuery>['notifications']['edges'][number]['node']['firing'];

/**
 * Where a notification leads: the article for an article rule; for a window rule on a company or
 * topic, its page with the window as the period (`from`/`to`, which its feed and chart read).
 */
export function notificationLink(firing: Firing): { href: string; label: string } | null {
  const first = firing.articles[0];
  const period =
    firing.windowStart && firing.windowEnd
      ? `?${new URLSearchParams({ from: firing.windowStart, to: firing.windowEnd }).toString()}`
      : '';
  const { company, topic } = firing.rule;
  if (firing.kind !== 'ARTICLE' && company)
    return { href: companyPath(company.slug) + period, label: company.name };
  if (firing.kind !== 'ARTICLE' && topic) return { href: topicPath(topic.slug) + period, label: topic.name };
  return first ? { href: articlePath(first.id), label: first.title } : null;
}

const KIND_NAMES: Record<string, string> = {
  ARTICLE: 'Article',
  SENTIMENT_SHIFT: 'Sentiment shift',
  ATTENTION: 'Abnormal attention',
  SENTIMENT_ANOMALY: 'Sentiment anomaly',
};

/** "currentMean −0.35 · previousMean 0.4 · …": the numbers that crossed, as the firing recorded them. */
function figuresText(figures: unknown): string {
  if (!figures || typeof figures !== 'object') return '';
  return Object.entries(figures as Record<string, unknown>)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `${name} ${String(value)}`)
    .join(' · ');
}

export function NotificationsPage() {
  const [result, reexecute] = useQuery({ query: NotificationsQuery, requestPolicy: 'cache-and-network' });
  const [marking, markRead] = useMutation(MarkReadMutation);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <div className="page">
      <div className="section-head">
        <h1>Notifications</h1>
        <button
          type="button"
          className="button"
          disabled={marking.fetching}
          onClick={() => void markRead({}).then(refresh)}
        >
          Mark all read
        </button>
      </div>
      <QueryState result={result} retry={refresh} skeletonLines={6} loadingLabel="Loading notifications">
        {(data) =>
          data.notifications.edges.length === 0 ? (
            <EmptyState title="No notifications yet">
              <p>Create an alert rule on a watchlist, a company or a topic; its firings appear here.</p>
            </EmptyState>
          ) : (
            <ol className="card-list notifications">
              {data.notifications.edges.map(({ node }) => {
                const link = notificationLink(node.firing);
                return (
                  <li
                    key={node.id}
                    className={node.readAt ? 'notification' : 'notification notification--unread'}
                  >
                    <p>
                      <strong>{node.firing.rule.name}</strong>{' '}
                      <span className="muted small">
                        {KIND_NAMES[node.firing.kind] ?? node.firing.kind} ·{' '}
                        {new Date(node.createdAt).toLocaleString()}
                        {node.readAt ? '' : ' · unread'}
                      </span>
                    </p>
                    {link && <Link to={link.href}>{link.label}</Link>}
                    <p className="muted small">{figuresText(node.firing.figures)}</p>
                    {!node.readAt && (
                      <button
                        type="button"
                        className="button button--ghost"
                        onClick={() => void markRead({ ids: [node.id] }).then(refresh)}
                      >
                        Mark read
                      </button>
                    )}
                  </li>
                );
              })}
            </ol>
          )
        }
      </QueryState>
    </div>
  );
}
