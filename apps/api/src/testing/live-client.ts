import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveSubscription<T> {
  /** Each `next` payload's data, in order. */
  events: T[];
  errors: unknown[];
  dispose(): void;
}

export interface LiveClient {
  client: Client;
  subscribe<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): LiveSubscription<T>;
  /** Resolves once the server acknowledged connection_init. */
  connected: Promise<void>;
  /** The close event's code once the server ended the connection. */
  closed: Promise<number>;
  dispose(): Promise<void>;
}

/** A graphql-ws client over `ws` to `${httpUrl}/graphql`; `token` goes in connection_init, `cookie` on the upgrade. */
export function connectLive(httpUrl: string, auth: { token?: string; cookie?: string } = {}): LiveClient {
  let reportClose: (code: number) => void = () => undefined;
  let reportConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (reportConnected = resolve));
  const closed = new Promise<number>((resolve) => (reportClose = resolve));
  const headers = auth.cookie ? { cookie: auth.cookie } : {};
  class AuthWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: AuthWebSocket,
    connectionParams: auth.token ? { authorization: `Bearer ${auth.token}` } : {},
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: {
      connected: () => reportConnected(),
      closed: (event) => reportClose((event as { code: number }).code),
    },
  });
  return {
    client,
    connected,
    closed,
    subscribe<T>(query: string, variables?: Record<string, unknown>) {
      const subscription: LiveSubscription<T> = { events: [], errors: [], dispose: () => undefined };
      subscription.dispose = client.subscribe<T>(
        { query, variables },
        {
          next: (value) => {
            if (value.errors) subscription.errors.push(...value.errors);
            if (value.data) subscription.events.push(value.data);
          },
          error: (error) => subscription.errors.push(error),
          complete: () => undefined,
        },
      );
      return subscription;
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
