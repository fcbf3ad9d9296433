import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';

import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { exampleOperations } from './example-operations.js';

// A plain fetch POST: same origin, so the dashboard session cookie or a pasted Bearer token authenticates.
async function fetcher(params: unknown, options?: { headers?: Record<string, string> }): Promise<unknown> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(options?.headers ?? {}),
    },
    body: JSON.stringify(params),
  });
  return response.json();
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher} defaultTabs={exampleOperations} />
    </StrictMode>,
  );
}
