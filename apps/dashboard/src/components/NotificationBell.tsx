import { useEffect } from 'react';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';

import { graphql } from '../graphql.js';

export const UnreadCountQuery = graphql(`
  query UnreadCount {
    unreadNotificationCount
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      unreadCount
      notification {
        id
      }
    }
  }
`);

/**
 * The header's bell: unread notifications of the signed-in user, linking to the notifications page. A new
 * notification arrives over the live subscription with the new count; reading them refetches the count.
 */
export function NotificationBell() {
  const [result, refetch] = useQuery({ query: UnreadCountQuery, requestPolicy: 'cache-and-network' });
  const [live] = useSubscription({ query: NotificationAddedSubscription });
  const event = live.data?.notificationAdded;
  useEffect(() => {
    // The query's cached count is refreshed too, so pages reading it agree with the bell.
    if (event) refetch({ requestPolicy: 'network-only' });
  }, [event, refetch]);
  const unread = Math.max(
    result.data?.unreadNotificationCount ?? 0,
    result.fetching ? (event?.unreadCount ?? 0) : 0,
  );
  return (
    <Link
      className="button button--ghost bell"
      to="/notifications"
      aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
    >
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <span className="bell__count" aria-hidden="true">
          {unread}
        </span>
      )}
    </Link>
  );
}
