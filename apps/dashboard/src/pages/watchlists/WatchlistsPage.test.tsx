import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  AI_TOPIC,
  NVIDIA,
  topicsData,
  WATCHLIST_ID,
  watchlistData,
  watchlistHandlers,
} from '../../testing/fixtures.js';
import type { MockHandler } from '../../testing/mockClient.js';
import { itShowsLoadingAndFailure, renderPage } from '../../testing/renderPage.js';
import { checkWatchlistName, WatchlistsPage } from './WatchlistsPage.js';

const list = watchlistData;
const changed = (name: string) => ({ data: { [name]: list } });

const page = (handlers: Record<string, MockHandler>) =>
  renderPage(<WatchlistsPage />, {
    route: '/watchlists',
    path: '/watchlists',
    handlers: { Topics: { data: topicsData }, ...handlers },
  });

const sent = (calls: { name: string; variables: Record<string, unknown> }[], name: string) =>
  calls.filter((call) => call.name === name).map((call) => call.variables);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('WatchlistsPage', () => {
  itShowsLoadingAndFailure(page, 'WatchlistNames', { loading: 'Loading watchlists' });

  it('says how to start when there is no watchlist', async () => {
    page(watchlistHandlers(null));
    await screen.findByText('No watchlists yet');
  });

  it('shows each list with its companies, topics and saved filters, linked to their pages', async () => {
    page(watchlistHandlers());
    const panel = (await screen.findByRole('heading', { name: 'Chips', level: 2 })).closest('section');
    if (!panel) throw new Error('no watchlist panel');
    const inPanel = within(panel);
    expect(inPanel.getByRole('link', { name: 'NVIDIA' }).getAttribute('href')).toBe('/companies/nvidia');
    expect(inPanel.getByRole('link', { name: 'AI' }).getAttribute('href')).toBe('/topics/ai');
    expect(inPanel.getByRole('link', { name: 'export curbs' }).getAttribute('href')).toBe(
      '/feed?q=export+curbs',
    );
    expect(inPanel.getByRole('link', { name: 'Show on overview' }).getAttribute('href')).toBe(
      `/?watchlist=${encodeURIComponent(WATCHLIST_ID)}`,
    );
  });

  it('checks the name before creating, then creates the list', async () => {
    const { calls } = page({
      ...watchlistHandlers(null),
      CreateWatchlist: changed('createWatchlist'),
    });
    const form = await screen.findByRole('form', { name: 'Create a watchlist' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create watchlist' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the watchlist a name.');
    expect(sent(calls, 'CreateWatchlist')).toEqual([]);
    fireEvent.change(within(form).getByLabelText('New watchlist'), { target: { value: '  Chips ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create watchlist' }));
    await waitFor(() => expect(sent(calls, 'CreateWatchlist')).toEqual([{ name: 'Chips' }]));
  });

  it("shows the API's message when it refuses a name", async () => {
    page({
      ...watchlistHandlers(null),
      CreateWatchlist: { graphqlError: 'You already have a watchlist named “Chips”.', code: 'CONFLICT' },
    });
    const form = await screen.findByRole('form', { name: 'Create a watchlist' });
    fireEvent.change(within(form).getByLabelText('New watchlist'), { target: { value: 'Chips' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create watchlist' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'You already have a watchlist named “Chips”.',
    );
  });

  it('adds a company found with the picker and a chosen topic, and removes items', async () => {
    const { calls } = page({
      ...watchlistHandlers({ ...list, companies: [], topics: [] }),
      CompanySearch: {
        data: {
          companies: {
            edges: [{ node: { __typename: 'Company', ...NVIDIA, tickers: [{ symbol: 'NVDA' }] } }],
          },
        },
      },
      AddWatchlistItem: changed('addWatchlistItem'),
      RemoveWatchlistItem: changed('removeWatchlistItem'),
    });
    fireEvent.change(await screen.findByLabelText('Add a company to Chips'), { target: { value: 'nvid' } });
    fireEvent.click(await screen.findByRole('button', { name: /NVIDIA/ }));
    const topic = screen.getByLabelText('Add a topic to Chips');
    await waitFor(() => expect(within(topic).getAllByRole('option')).toHaveLength(3));
    fireEvent.change(topic, { target: { value: AI_TOPIC.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove export curbs' }));
    await waitFor(() =>
      expect(sent(calls, 'AddWatchlistItem')).toEqual([
        { watchlistId: WATCHLIST_ID, item: { companyId: NVIDIA.id } },
        { watchlistId: WATCHLIST_ID, item: { topicId: AI_TOPIC.id } },
      ]),
    );
    expect(sent(calls, 'RemoveWatchlistItem')).toEqual([
      { watchlistId: WATCHLIST_ID, item: { savedFilterId: 'U2F2ZWRGaWx0ZXI6MQ==' } },
    ]);
  });

  it('renames and deletes a list', async () => {
    vi.stubGlobal(
      'confirm',
      vi.fn(() => true),
    );
    const { calls } = page({
      ...watchlistHandlers(),
      RenameWatchlist: changed('renameWatchlist'),
      DeleteWatchlist: { data: { deleteWatchlist: WATCHLIST_ID } },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Chips' }));
    const form = screen.getByRole('form', { name: 'Rename Chips' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Semis' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save name' }));
    await waitFor(() =>
      expect(sent(calls, 'RenameWatchlist')).toEqual([{ id: WATCHLIST_ID, name: 'Semis' }]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete Chips' }));
    await waitFor(() => expect(sent(calls, 'DeleteWatchlist')).toEqual([{ id: WATCHLIST_ID }]));
  });
});

describe('checkWatchlistName', () => {
  it('wants 1–80 characters after trimming', () => {
    expect(checkWatchlistName('   ')).toBe('Give the watchlist a name.');
    expect(checkWatchlistName('x'.repeat(81))).toBe('Keep the name to 80 characters.');
    expect(checkWatchlistName(' Chips ')).toBeNull();
  });
});
