import { listenToChannels, type ChannelListener } from './listen.js';

/** The channel the `auth_change_notify` trigger announces on, with the user's id as payload. */
export const AUTH_CHANGES_CHANNEL = 'wirelens_auth';

/** `listening`: only while true may a cache trust what it holds. */
export type AuthChangeFeed = ChannelListener;

export interface ListenForAuthChangesOptions {
  connectionString: string;
  /** A credential of this user changed (revoked, ended, deactivated, demoted…). */
  onUserChanged: (userId: number) => void;
  /** The feed stopped or restarted listening: changes may have been missed, forget everything. */
  onReset: () => void;
  /** Delay before reconnecting after the connection is lost (default 1 s). */
  retryMs?: number;
}

/**
 * One dedicated connection that LISTENs for credential changes. PostgreSQL delivers the notification
 * when the changing transaction commits; if the connection drops, `onReset` runs and the feed reports
 * `listening: false` until it has reconnected.
 */
export function listenForAuthChanges({
  connectionString,
  onUserChanged,
  onReset,
  retryMs,
}: ListenForAuthChangesOptions): AuthChangeFeed {
  return listenToChannels({
    connectionString,
    channels: [AUTH_CHANGES_CHANNEL],
    onNotification: (_channel, payload) => {
      const userId = Number(payload);
      if (Number.isInteger(userId)) onUserChanged(userId);
    },
    onReset,
    retryMs,
  });
}
