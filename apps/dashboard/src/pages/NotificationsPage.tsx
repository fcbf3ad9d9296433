import { Link } from 'react-router';
import { useMutation } from 'urql';

import { EmptyState } from '@wirelens/ui';

import { QueryState } from '../components/QueryState.js';
import { AlertRuleTargetFields } from '../fragments.js';
import { graphql } from '../graphql.js';
import { useRefetchableQuery } from '../hooks/useRefetchableQuery.js';
import type { SeriesInterval } from '../hooks/useSeriesWindow.js';
import { figuresText, kindLabel } from '../lib/alertRuleForm.js';
import { articlePath, companyPath, topicPath } from '../lib/links.js';

export const NotificationsQuery = graphql(
  `
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
                ...AlertRuleTargetFields
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
  `,
  [AlertRuleTargetFields],
);

const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

/** What a link to a firing needs (a notification's firing, or a rule's last one with its rule). */
export interface FiringLinkInput {
  kind: string;
  windowStart: string | null;
  windowEnd: string | null;
  rule: {
    company: { slug: string; name: string } | null;
    topic: { slug: string; name: string } | null;
    watchlist: { id: string; name: string } | null;
  };
  articles: readonly { id: string; title: string }[];
}

/** The chart interval whose buckets show a window of this length: hourly for an hour, weekly for a week. */
function intervalFor(windowMs: number): SeriesInterval {
  if (windowMs <= 3_600_000) return 'HOUR';
  return windowMs >= 7 * 86_400_000 ? 'WEEK' : 'DAY';
}

/**
 * Where a notification leads: the article for an article rule; for a window rule on a company or topic,
 * its page with the window as the period (`from`/`to`, which its feed and chart read, shaded on the
 * chart) at an interval that shows it; on a watchlist, the overview switched to the list over that period.
 */
export function notificationLink(firing: FiringLinkInput): { href: string; label: string } | null {
  const first = firing.articles[0];
  const article = first ? { href: articlePath(first.id), label: first.title } : null;
  if (firing.kind === 'ARTICLE' || !firing.windowStart || !firing.windowEnd) return article;
  const period = new URLSearchParams({ from: firing.windowStart, to: firing.windowEnd });
  const interval = intervalFor(Date.parse(firing.windowEnd) - Date.parse(firing.windowStart));
  if (interval !== 'DAY') period.set('interval', interval.toLowerCase());
  const { company, topic, watchlist } = firing.rule;
  if (company) return { href: `${companyPath(company.slug)}?${period}`, label: company.name };
  if (topic) return { href: `${topicPath(topic.slug)}?${period}`, label: topic.name };
  if (watchlist) {
    const overview = new URLSearchParams({
      watchlist: watchlist.id,
      from: firing.windowStart,
      to: firing.windowEnd,
    });
    return { href: `/?${overview}`, label: `${watchlist.name} on the overview` };
  }
  return article;
}

export function NotificationsPage() {
  const [result, refresh] = useRefetchableQuery({
    query: NotificationsQuery,
    requestPolicy: 'cache-and-network',
  });
  const [marking, markRead] = useMutation(MarkReadMutation);
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
                        {kindLabel(node.firing.kind)} · {new Date(node.createdAt).toLocaleString()}
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
