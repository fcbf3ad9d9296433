import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, subscriptionExchange } from 'urql';

/** ws(s)://…/graphql for an http(s) GraphQL URL, relative to the page. */
export function webSocketUrl(url: string, base = window.location.href): string {
  const absolute = new URL(url, base);
  absolute.protocol = absolute.protocol === 'https:' ? 'wss:' : 'ws:';
  return absolute.toString();
}

/**
 * Live updates over graphql-ws on the same path: the browser sends the session cookie with the upgrade.
 * The socket opens with the first subscription and reconnects after a drop (backing off), re-subscribing
 * what was active; a refusal for bad credentials (4403) is retried too, so signing in again resumes.
 */
export function createLiveClient(url: string): WsClient {
  return createWsClient({
    url: webSocketUrl(url),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
  });
}

export function createClient(url = '/graphql'): Client {
  const live = createLiveClient(url);
  return new Client({
    url,
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: live.subscribe({ ...request, query: request.query ?? '' }, sink),
          }),
        }),
      }),
    ],
    // Apollo's CSRF prevention rejects simple GET requests without a preflight header.
    preferGetMethod: false,
    fetchOptions: () => ({ credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } }),
  });
}
