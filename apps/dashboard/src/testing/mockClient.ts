import {
  Client,
  getOperationName,
  makeErrorResult,
  makeResult,
  type Exchange,
  type Operation,
} from '@urql/core';
import { filter, fromValue, mergeMap, never, pipe } from 'wonka';

/** What a mocked operation answers: data, a network failure, a GraphQL error, or nothing yet (pending). */
export type MockAnswer =
  | { data: Record<string, unknown> }
  | { networkError: true }
  | { graphqlError: string; code?: string }
  | 'pending';

export type MockHandler = MockAnswer | ((variables: Record<string, unknown>) => MockAnswer);

export interface MockClient {
  client: Client;
  /** Every operation the page sent, in order, for asserting variables. */
  calls: { name: string; variables: Record<string, unknown> }[];
}

function answer(operation: Operation, mock: MockAnswer) {
  if (mock === 'pending') return never;
  if ('networkError' in mock) return fromValue(makeErrorResult(operation, new TypeError('Failed to fetch')));
  if ('graphqlError' in mock) {
    return fromValue(
      makeResult(operation, {
        errors: [{ message: mock.graphqlError, extensions: mock.code ? { code: mock.code } : {} }],
      }),
    );
  }
  return fromValue(makeResult(operation, { data: mock.data }));
}

/** A real urql client whose only exchange answers by operation name, so pages run unchanged in tests. */
export function mockClient(handlers: Record<string, MockHandler>): MockClient {
  const calls: MockClient['calls'] = [];
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind === 'query' || operation.kind === 'mutation'),
      mergeMap((operation) => {
        const name = getOperationName(operation.query) ?? '';
        const variables = (operation.variables ?? {}) as Record<string, unknown>;
        calls.push({ name, variables });
        const handler = handlers[name] ?? 'pending';
        return answer(operation, typeof handler === 'function' ? handler(variables) : handler);
      }),
    );
  return { client: new Client({ url: '/graphql', exchanges: [exchange] }), calls };
}
