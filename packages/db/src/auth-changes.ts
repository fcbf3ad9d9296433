import pg from 'pg';

/** The channel the `auth_change_notify` trigger announces on, with the user's id as payload. */
export const AUTH_CHANGES_CHANNEL = 'wirelens_auth';

export interface AuthChangeFeed {
  /** True while the feed listens: only then may a cache trust what it holds. */
  readonly listening: boolean;
  /** Resolves once the first LISTEN is in place (or rejects if the first connection fails). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

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
  retryMs = 1_000,
}: ListenForAuthChangesOptions): AuthChangeFeed {
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const lost = () => {
    if (!listening && client === null) return;
    listening = false;
    client = null;
    onReset();
    if (!closed) retry = setTimeout(() => void connect().catch(() => undefined), retryMs);
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      const userId = Number(message.payload);
      if (message.channel === AUTH_CHANGES_CHANNEL && Number.isInteger(userId)) onUserChanged(userId);
    });
    next.on('error', () => {
      if (client === next) lost();
    });
    next.on('end', () => {
      if (client === next) lost();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${AUTH_CHANGES_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect().catch(() => undefined), retryMs);
      throw error;
    }
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    // Whatever changed while nobody listened is unknown: start from an empty cache.
    onReset();
    listening = true;
  };

  const ready = connect();
  ready.catch(() => undefined);
  return {
    get listening() {
      return listening;
    },
    ready,
    async close() {
      closed = true;
      listening = false;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
