import { Link } from 'react-router';
import { useQuery } from 'urql';

import { graphql } from '../graphql.js';

export const UnreadCountQuery = graphql(`
  query UnreadCount {
    unreadNotificationCount
  }
`);

/** The header's bell: unread notifications of the signed-in user, linking to the notifications page. */
export function NotificationBell() {
  const [result] = useQuery({ query: UnreadCountQuery, requestPolicy: 'cache-and-network' });
  const unread = result.data?.unreadNotificationCount ?? 0;
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
