import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from './App.js';
import { cardNode, feedData, feedSupport } from './testing/fixtures.js';
import { ADMIN, renderPage, VIEWER } from './testing/renderPage.js';

const handlers = { ...feedSupport, Feed: { data: feedData([cardNode()]) } };

describe('App routing and roles', () => {
  it('sends anonymous visitors to the login page and remembers where they were going', async () => {
    renderPage(<App />, { route: '/feed?q=chips', path: '/*', user: null, handlers });
    await screen.findByRole('heading', { name: 'Sign in to Wirelens' });
    expect(screen.getByTestId('location').textContent).toBe('/login?next=%2Ffeed%3Fq%3Dchips');
  });

  it('hides editor and admin navigation from a viewer', async () => {
    renderPage(<App />, { route: '/feed', path: '/*', user: VIEWER, handlers });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    within(nav).getByRole('link', { name: 'Feed' });
    expect(within(nav).queryByRole('link', { name: 'Review queue' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Companies' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Sources' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'API tokens' })).toBeNull();
  });

  it('shows every section to an admin', async () => {
    renderPage(<App />, { route: '/feed', path: '/*', user: ADMIN, handlers });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav)
      .getAllByRole('link')
      .map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['Overview', '/'],
      ['Feed', '/feed'],
      ['Compare', '/compare'],
      ['Watchlists', '/watchlists'],
      ['Alert rules', '/alerts'],
      ['Review queue', '/review'],
      ['Companies', '/companies'],
      ['Analyzer quality', '/analyzer-quality'],
      ['Sources', '/sources'],
      ['Users', '/users'],
      ['API tokens', '/tokens'],
      ['Webhooks', '/webhooks'],
      ['Account', '/account'],
      ['GraphiQL', '/graphiql'],
    ]);
  });

  it('sends a user whose password an admin reset to the account page first', async () => {
    renderPage(<App />, {
      route: '/feed',
      path: '/*',
      user: { ...VIEWER, mustChangePassword: true },
      handlers,
    });
    await screen.findByText('An administrator reset your password. Choose a new one to continue.');
    expect(screen.getByTestId('location').textContent).toBe('/account');
  });

  it('folds the navigation behind a Menu button that following a link closes (phones)', async () => {
    renderPage(<App />, { route: '/feed', path: '/*', user: VIEWER, handlers });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu.getAttribute('aria-controls')).toBe(nav.id);
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(nav.classList.contains('mainnav--open')).toBe(false);
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(nav.classList.contains('mainnav--open')).toBe(true);
    fireEvent.click(within(nav).getByRole('link', { name: 'Compare' }));
    await screen.findByRole('heading', { name: 'Compare sentiment' });
    await waitFor(() => expect(menu.getAttribute('aria-expanded')).toBe('false'));
    expect(nav.classList.contains('mainnav--open')).toBe(false);
  });

  it('guards role-restricted routes even when the URL is typed in', async () => {
    const { calls } = renderPage(<App />, { route: '/review', path: '/*', user: VIEWER, handlers });
    await screen.findByRole('heading', { name: 'You need the editor role' });
    expect(calls.some((call) => call.name === 'ReviewQueue')).toBe(false);
  });

  it('shows a not-found page for unknown paths', async () => {
    renderPage(<App />, { route: '/nowhere', path: '/*', user: VIEWER, handlers });
    await screen.findByRole('heading', { name: 'Page not found' });
  });
});
