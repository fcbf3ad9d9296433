import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { expectSkeleton, expectUnreachable, renderPage } from '../testing/renderPage.js';
import { UnsubscribePage } from './UnsubscribePage.js';

const rules = [{ id: 4, name: 'Nvidia turns', emailMode: 'IMMEDIATE' }];

/** Answers the unsubscribe route the way the API does (JSON for `accept: application/json`). */
function serve(answer: (method: string) => Promise<Response>) {
  const calls: { url: string; method: string }[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push({ url, method });
    return answer(method);
  });
  return calls;
}

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

const page = () =>
  renderPage(<UnsubscribePage />, { route: '/unsubscribe?token=4.abc', path: '/unsubscribe' });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('UnsubscribePage', () => {
  it('shows a skeleton while the link is checked', () => {
    serve(() => new Promise(() => undefined));
    page();
    expectSkeleton('Checking the link');
  });

  it('says when the server cannot be reached', async () => {
    serve(() => Promise.reject(new TypeError('Failed to fetch')));
    page();
    await expectUnreachable();
  });

  it('shows why a link is refused', async () => {
    serve(() => json(400, { error: 'This unsubscribe link is not valid', code: 'INVALID_INPUT' }));
    page();
    expect((await screen.findByRole('alert')).textContent).toContain('This unsubscribe link is not valid');
  });

  it('asks first and unsubscribes only when confirmed', async () => {
    const calls = serve((method) => json(200, { unsubscribed: method === 'POST', rules }));
    page();
    await screen.findByText('Stop e-mails for these alert rules?');
    screen.getByText('Nvidia turns');
    expect(calls).toEqual([{ url: '/email/unsubscribe?token=4.abc', method: 'GET' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    await screen.findByText('Done. You will get no more e-mails for:');
    expect(calls.at(-1)).toEqual({ url: '/email/unsubscribe?token=4.abc', method: 'POST' });
  });
});
