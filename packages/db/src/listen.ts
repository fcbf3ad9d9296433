import pg from 'pg';

/** A dedicated LISTEN connection (see `listenToChannels`). */
export interface ChannelListener {
  /** True while the connection listens: only then is nothing being missed. */
  readonly listening: boolean;
  /** Resolves once the first LISTEN is in place (or rejects if the first connection fails). */
  readonly ready: Promise<void>;
  /**
   * A round trip on the listening connection that starts after the call: PostgreSQL sends a listener
   * the notifications of every transaction committed before that round trip ahead of its answer, so
   * once this resolves true they have all been handled. False: not listening, or the connection
   * failed meanwhile (changes may have been missed). Callers at the same moment share one round trip.
   */
  sync(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ListenToChannelsOptions {
  connectionString: string;
  channels: readonly string[];
  onNotification: (channel: string, payload: string) => void;
  /**
   * The listener lost its connection (`listening` false) or listens again (true: the LISTEN is in place, so
   * a catch-up query run now misses nothing that commits later): notifications may have been missed.
   */
  onReset: (listening: boolean) => void;
  /** Delay before reconnecting after the connection is lost (default 1 s). */
  retryMs?: number;
}

/**
 * One connection that LISTENs on `channels`. PostgreSQL delivers a notification when the transaction
 * that sent it commits; if the connection drops, `onReset` runs, `listening` turns false and the
 * listener reconnects every `retryMs` until it listens again (then `onReset` runs once more).
 */
export function listenToChannels({
  connectionString,
  channels,
  onNotification,
  onReset,
  retryMs = 1_000,
}: ListenToChannelsOptions): ChannelListener {
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const lost = () => {
    if (!listening && client === null) return;
    listening = false;
    client = null;
    onReset(false);
    if (!closed) retry = setTimeout(() => void connect().catch(() => undefined), retryMs);
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (channels.includes(message.channel)) onNotification(message.channel, message.payload ?? '');
    });
    next.on('error', () => {
      if (client === next) lost();
    });
    next.on('end', () => {
      if (client === next) lost();
    });
    try {
      await next.connect();
      for (const channel of channels) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
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
    // Whatever was sent while nobody listened is unknown.
    onReset(true);
    listening = true;
  };

  const roundTrip = async (): Promise<boolean> => {
    const current = client;
    if (!listening || current === null) return false;
    try {
      await current.query('SELECT 1');
    } catch {
      return false;
    }
    return listening && client === current;
  };
  let inFlight: Promise<boolean> | null = null;
  let next: Promise<boolean> | null = null;
  const sync = (): Promise<boolean> => {
    if (inFlight === null) {
      inFlight = roundTrip().finally(() => (inFlight = null));
      return inFlight;
    }
    // The round trip under way may have started before the caller's change committed: take the next one.
    next ??= inFlight.then(() => {
      next = null;
      return sync();
    });
    return next;
  };

  const ready = connect();
  ready.catch(() => undefined);
  return {
    get listening() {
      return listening;
    },
    ready,
    sync,
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
