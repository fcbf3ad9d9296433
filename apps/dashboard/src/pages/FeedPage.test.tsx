import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { cardNode, feedData, feedSupport, WATCHLIST_ID, watchlistData } from '../testing/fixtures.js';
import type { MockHandler } from '../testing/mockClient.js';
import { itShowsLoadingAndFailure, renderPage } from '../testing/renderPage.js';
import { FeedPage } from './FeedPage.js';

const page = (handlers: Record<string, MockHandler>, route = '/feed') =>
  renderPage(<FeedPage />, { handlers: { ...feedSupport, ...handlers }, route, path: '/feed' });

describe('FeedPage', () => {
  itShowsLoadingAndFailure(page, 'Feed', { loading: 'Loading articles' });

  it('shows the server message on a GraphQL error', async () => {
    page({ Feed: { graphqlError: 'Query too expensive', code: 'COST_LIMIT' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The server could not answer this request.');
    expect(alert.textContent).toContain('Query too expensive');
  });

  it('sends an anonymous visitor to the login page', async () => {
    page({ Feed: { graphqlError: 'Sign in', code: 'UNAUTHENTICATED' } });
    await screen.findByRole('heading', { name: 'Login page' });
    expect(screen.getByTestId('location').textContent).toBe('/login?next=%2Ffeed&expired=1');
  });

  it('shows cards with source, headline, sentiment in words, importance, companies and review mark', async () => {
    page({ Feed: { data: feedData([cardNode()]) } });
    const link = await screen.findByRole('link', { name: 'Chip export rules tighten' });
    expect(link.getAttribute('href')).toBe('/articles/QXJ0aWNsZTox');
    within(screen.getByRole('article')).getByText('Example Wire');
    screen.getByRole('img', { name: 'Sentiment: Bearish (−0.62)' });
    expect(screen.getByRole('meter', { name: 'Importance' }).getAttribute('aria-valuenow')).toBe('7');
    expect(screen.getByRole('link', { name: /NVIDIA/ }).getAttribute('href')).toBe('/companies/nvidia');
    screen.getByText('AI · not reviewed');
    screen.getByText('1 article');
  });

  it('shows an empty state when nothing matches', async () => {
    page({ Feed: { data: feedData([]) } }, '/feed?sentiment=BULLISH');
    await screen.findByText('No articles match these filters');
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('turns URL filters into the API filter, resolving slugs to IDs', async () => {
    const { calls } = page(
      { Feed: { data: feedData([cardNode()]) } },
      '/feed?company=nvidia&topic=ai&sentiment=BEARISH&minImportance=6&source=U291cmNlOjE%3D&from=2026-11-20&to=2026-11-21&q=chips',
    );
    await screen.findByRole('link', { name: 'Chip export rules tighten' });
    const feed = calls.find((call) => call.name === 'Feed');
    expect(feed?.variables.filter).toEqual({
      companyIds: ['Q29tcGFueToxMg=='],
      topicIds: ['VG9waWM6MQ=='],
      sentiments: ['BEARISH'],
      minImportance: 6,
      sourceIds: ['U291cmNlOjE='],
      publishedAfter: '2026-11-20T00:00:00.000Z',
      publishedBefore: '2026-11-22T00:00:00.000Z',
      search: 'chips',
    });
    screen.getByRole('button', { name: 'Remove filter Company: NVIDIA' });
  });

  it('writes filter changes into the URL', async () => {
    page({ Feed: { data: feedData([cardNode()]) } });
    await screen.findByRole('link', { name: 'Chip export rules tighten' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Bullish' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Minimum importance' }), {
      target: { value: '8' },
    });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search articles' }), {
      target: { value: 'export' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        '/feed?sentiment=BULLISH&minImportance=8&q=export',
      ),
    );
  });

  it('says "about" when the server estimates a large count', async () => {
    page(
      {
        Feed: {
          data: feedData([cardNode()], {
            hasNextPage: true,
            totalCount: 318_412,
            totalCountIsEstimate: true,
          }),
        },
      },
      '/feed?q=export',
    );
    await screen.findByText('about 320,000 articles');
  });

  it('appends the next page on "Load more" and keeps the first', async () => {
    page({
      Feed: (variables) =>
        variables.after
          ? { data: feedData([cardNode({ id: 'QXJ0aWNsZToy', title: 'Second page story' })]) }
          : { data: feedData([cardNode()], { hasNextPage: true, totalCount: 2 }) },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'Second page story' });
    screen.getByRole('link', { name: 'Chip export rules tighten' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('reports a company that does not exist instead of widening the feed to everything', async () => {
    const { calls } = page(
      { Feed: { data: feedData([cardNode()]) }, CompanyBySlug: { data: { company: null } } },
      '/feed?company=ghost',
    );
    await screen.findByText('Not found: ghost. The link may be out of date.');
    screen.getByText('No articles match these filters');
    expect(calls.some((call) => call.name === 'Feed')).toBe(false);
  });

  it('saves the URL filters, search included and dates left out, to a watchlist', async () => {
    const { calls } = page(
      {
        Feed: { data: feedData([cardNode()]) },
        WatchlistNames: { data: { watchlists: [{ id: WATCHLIST_ID, name: 'Chips' }] } },
        AddWatchlistItem: { data: { addWatchlistItem: watchlistData } },
      },
      '/feed?company=nvidia&sentiment=BEARISH&from=2026-11-20&q=export+curbs',
    );
    await screen.findByRole('link', { name: 'Chip export rules tighten' });
    fireEvent.click(screen.getByRole('button', { name: 'Save filter to a watchlist' }));
    const form = screen.getByRole('form', { name: 'Save filter to a watchlist' });
    expect(within(form).getByLabelText<HTMLInputElement>('Filter name').value).toBe('export curbs');
    await waitFor(() => expect(within(form).getByRole('option', { name: 'Chips' })).not.toBeNull());
    fireEvent.click(within(form).getByRole('button', { name: 'Save filter' }));
    expect((await within(form).findByRole('status')).textContent).toBe('Saved to Chips.');
    expect(calls.find((call) => call.name === 'AddWatchlistItem')?.variables).toEqual({
      watchlistId: WATCHLIST_ID,
      item: {
        filter: { companyIds: ['Q29tcGFueToxMg=='], sentiments: ['BEARISH'], search: 'export curbs' },
        filterName: 'export curbs',
        feedQuery: 'company=nvidia&sentiment=BEARISH&q=export+curbs',
      },
    });
  });

  it('offers saving only once a filter is chosen', async () => {
    page({ Feed: { data: feedData([cardNode()]) } });
    await screen.findByRole('link', { name: 'Chip export rules tighten' });
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Save filter to a watchlist' }).disabled,
    ).toBe(true);
  });
});
