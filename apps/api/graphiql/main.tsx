import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';

import { GraphiQL } from 'graphiql';
import { getOperationAST, OperationTypeNode, parse, type FormattedExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import { StrictMode, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';

import { exampleOperations } from './example-operations.js';

// GraphiQL's own type wants graphql-js result objects; it renders the JSON, which is what both paths give.
type GraphiQLFetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** What GraphiQL renders: data, errors and extensions as JSON. */
type Result = FormattedExecutionResult<Record<string, unknown>, unknown>;

interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

function isSubscription({ query, operationName }: FetcherParams): boolean {
  try {
    return getOperationAST(parse(query), operationName)?.operation === OperationTypeNode.SUBSCRIPTION;
  } catch {
    // Let the server report the syntax error.
    return false;
  }
}

/**
 * A subscription runs over graphql-ws on the same path: the session cookie rides on the upgrade, a pasted
 * Authorization header goes into connection_init. One socket per subscription tab, closed when it stops.
 */
function subscribe(params: FetcherParams, headers: Record<string, string>): AsyncIterable<Result> {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const authorization = headers.Authorization ?? headers.authorization;
  const client = createClient({
    url: url.toString(),
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
  });
  const results = client.iterate({
    ...params,
    operationName: params.operationName ?? undefined,
    variables: params.variables ?? undefined,
  });
  return {
    async *[Symbol.asyncIterator]() {
      try {
        yield* results;
      } finally {
        await client.dispose();
      }
    },
  };
}

// Queries and mutations: a plain fetch POST on the same origin, so the dashboard session cookie or a pasted
// Bearer token authenticates.
function fetcher(
  params: FetcherParams,
  options?: { headers?: Record<string, string> },
): Promise<Result> | AsyncIterable<Result> {
  return isSubscription(params)
    ? subscribe(params, options?.headers ?? {})
    : post(params, options?.headers ?? {});
}

async function post(params: FetcherParams, headers: Record<string, string>): Promise<Result> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...headers,
    },
    body: JSON.stringify(params),
  });
  return (await response.json()) as Result;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher as GraphiQLFetcher} defaultTabs={exampleOperations} />
    </StrictMode>,
  );
}
