import { cacheExchange, Client, fetchExchange } from 'urql';

export function createClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    // Apollo's CSRF prevention rejects simple GET requests without a preflight header.
    preferGetMethod: false,
    fetchOptions: () => ({ credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } }),
  });
}
