import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Provider } from 'urql';
import { expect, it } from 'vitest';

import { StaticAuthProvider, type Me } from '../auth/AuthContext.js';
import { mockClient, type MockClient, type MockHandler } from './mockClient.js';

export const ADMIN: Me = {
  id: 'VXNlcjox',
  name: 'Ada Admin',
  email: 'ada@example.com',
  role: 'ADMIN',
  mustChangePassword: false,
};
export const EDITOR: Me = {
  id: 'VXNlcjoy',
  name: 'Eddie Editor',
  email: 'eddie@example.com',
  role: 'EDITOR',
  mustChangePassword: false,
};
export const VIEWER: Me = {
  id: 'VXNlcjoz',
  name: 'Vic Viewer',
  email: 'vic@example.com',
  role: 'VIEWER',
  mustChangePassword: false,
};

/** Shows the current URL so tests can assert what the page wrote into it. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function renderPage(
  page: ReactElement,
  {
    handlers = {},
    route = '/',
    path = '/',
    user = ADMIN,
  }: { handlers?: Record<string, MockHandler>; route?: string; path?: string; user?: Me | null } = {},
) {
  const mock = mockClient(handlers);
  const view = render(
    <Provider value={mock.client}>
      <MemoryRouter initialEntries={[route]}>
        <StaticAuthProvider user={user}>
          <Routes>
            <Route path={path} element={page} />
            {/* A catch-all page (the whole App) brings its own login route. */}
            {path !== '/*' && <Route path="/login" element={<h1>Login page</h1>} />}
          </Routes>
          <LocationProbe />
        </StaticAuthProvider>
      </MemoryRouter>
    </Provider>,
  );
  return { ...view, calls: mock.calls };
}

/** Clicks the error's Retry button and waits until the page has sent `operation` once more. */
export async function retrySendsAgain(calls: MockClient['calls'], operation: string): Promise<void> {
  const sent = () => calls.filter((call) => call.name === operation).length;
  const before = sent();
  fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
  await waitFor(() => expect(sent()).toBe(before + 1));
}

/** The page shows its loading skeleton: a busy status region named `label`. */
export function expectSkeleton(label: string): void {
  expect(screen.getByRole('status', { name: label }).getAttribute('aria-busy')).toBe('true');
}

/** The page says the server cannot be reached, as it must on a network error. */
export async function expectUnreachable(): Promise<void> {
  expect((await screen.findByRole('alert')).textContent).toContain('Cannot reach the Wirelens server.');
}

/**
 * The two tests every page that loads data shares: its skeleton (`loading` names it) while `operation` is
 * pending, and an alert saying `alert` when `operation` fails with `failure` (a network error unless
 * given), with a Retry that sends it again unless `retry` is false.
 */
export function itShowsLoadingAndFailure(
  page: (handlers: Record<string, MockHandler>) => { calls: MockClient['calls'] },
  operation: string,
  {
    loading,
    failure = { networkError: true },
    alert = 'Cannot reach the Wirelens server.',
    retry = true,
  }: { loading: string; failure?: MockHandler; alert?: string; retry?: boolean },
): void {
  it('shows a skeleton while loading', () => {
    page({ [operation]: 'pending' });
    expectSkeleton(loading);
  });

  it(`says “${alert}” when loading fails${retry ? ', with Retry' : ''}`, async () => {
    const { calls } = page({ [operation]: failure });
    expect((await screen.findByRole('alert')).textContent).toContain(alert);
    if (retry) await retrySendsAgain(calls, operation);
  });
}

/** Renders `page` at its own route, e.g. `pageAt(<TokensPage />, '/tokens')`, with the given handlers. */
export function pageAt(page: ReactElement, path: string) {
  return (handlers: Record<string, MockHandler>) => renderPage(page, { route: path, path, handlers });
}

/** For `itShowsLoadingAndFailure`: the server answers the query with a GraphQL error instead of data. */
export const SERVER_ERROR = {
  failure: { graphqlError: 'Boom' },
  alert: 'The server could not answer this request.',
} satisfies { failure: MockHandler; alert: string };
