import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { AI_TOPIC, analysisConflict, NVIDIA } from '../testing/fixtures.js';
import type { MockHandler } from '../testing/mockClient.js';
import { EDITOR, expectSkeleton, renderPage, retrySendsAgain, VIEWER } from '../testing/renderPage.js';
import { ArticlePage } from './ArticlePage.js';

function articleData(overrides: Record<string, unknown> = {}) {
  return {
    article: {
      __typename: 'Article',
      id: 'QXJ0aWNsZTox',
      title: 'Chip export rules tighten',
      url: 'https://news.example.com/chips',
      reviewVersion: 3,
      author: 'Jane Reporter',
      imageUrl: 'https://news.example.com/chips.jpg',
      publishedAt: '2026-11-26T10:00:00.000Z',
      excerpt: 'New controls.',
      contentHtml: '<p>Full <strong>text</strong> here.</p>',
      fullTextStatus: 'EXTRACTED',
      reviewStatus: 'APPROVED',
      importance: 7,
      sentimentLabel: 'BEARISH',
      source: {
        id: 'U291cmNlOjE=',
        title: 'Example Wire',
        url: 'https://news.example.com/feed',
        siteUrl: null,
      },
      analysis: {
        analyzer: { name: 'builtin', version: '1.4.0', model: null },
        analyzedAt: '2026-11-26T10:05:00.000Z',
        confidence: 0.72,
        correctedFields: ['summary'],
        importance: 7,
        paragraphs: ['Causes paragraph.', 'Consequences paragraph.'],
        reviewStatus: 'APPROVED',
        sentimentLabel: 'BEARISH',
        sentimentScore: -0.62,
        summary: 'Export controls widen.',
        takeaways: ['First takeaway', 'Second takeaway'],
      },
      aiAnalysis: { id: 'QW5hbHlzaXM6MQ==', fallbackReason: null },
      companies: [{ relevance: 0.9, sentimentScore: -0.7, company: NVIDIA }],
      topics: [{ relevance: 0.8, topic: AI_TOPIC }],
      corrections: [
        {
          id: 'Q29ycmVjdGlvbjox',
          action: 'CORRECT',
          createdAt: '2026-11-26T12:00:00.000Z',
          editor: { id: 'VXNlcjoy', name: 'Eddie' },
        },
      ],
      related: [
        {
          id: 'QXJ0aWNsZToy',
          title: 'Related coverage',
          publishedAt: '2026-11-26T11:00:00.000Z',
          sentimentLabel: 'NEUTRAL',
          source: { title: 'Other Wire', url: 'https://other.example.com' },
        },
      ],
      cluster: { articleCount: 2, sourceCount: 2 },
      ...overrides,
    },
  };
}

const route = { route: '/articles/QXJ0aWNsZTox', path: '/articles/:id' };

describe('ArticlePage', () => {
  it('shows a skeleton while loading', () => {
    renderPage(<ArticlePage />, { ...route, handlers: { ArticlePage: 'pending' } });
    expectSkeleton('Loading article');
  });

  it('distinguishes a network error from a server error', async () => {
    const { calls } = renderPage(<ArticlePage />, {
      ...route,
      handlers: { ArticlePage: { networkError: true } },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Cannot reach the Wirelens server.');
    expect(alert.textContent).not.toContain('The server could not answer this request.');
    await retrySendsAgain(calls, 'ArticlePage');
  });

  it('says so when the article does not exist', async () => {
    renderPage(<ArticlePage />, { ...route, handlers: { ArticlePage: { data: { article: null } } } });
    await screen.findByText('Article not found');
  });

  it('shows the reference layout with provenance', async () => {
    renderPage(<ArticlePage />, { ...route, handlers: { ArticlePage: { data: articleData() } } });
    await screen.findByRole('heading', { level: 1, name: 'Chip export rules tighten' });
    expect(screen.getByRole('link', { name: /Back to the feed/ }).getAttribute('href')).toBe('/feed');
    expect(screen.getByRole('link', { name: 'Category: AI' }).getAttribute('href')).toBe('/topics/ai');
    screen.getByRole('img', { name: 'Sentiment: Bearish (−0.62)' });
    screen.getByText('Jane Reporter', { exact: false });
    screen.getByRole('heading', { name: /AI Summary/ });
    screen.getByText('Export controls widen.');
    screen.getByText('Consequences paragraph.');
    expect(screen.getAllByRole('listitem').some((item) => item.textContent === 'Second takeaway')).toBe(true);
    expect(screen.getByRole('link', { name: /NVIDIA/ }).getAttribute('href')).toBe('/companies/nvidia');
    const original = screen.getByRole('link', { name: 'Read Original' });
    expect(original.getAttribute('href')).toBe('https://news.example.com/chips');
    expect(original.getAttribute('rel')).toContain('noopener');
    expect(screen.getByRole('link', { name: 'Related coverage' }).getAttribute('href')).toBe(
      '/articles/QXJ0aWNsZToy',
    );
    expect(screen.getByRole('link', { name: 'Review and history' }).getAttribute('href')).toBe(
      '/review?article=QXJ0aWNsZTox',
    );
    const provenance = screen.getByRole('complementary', { name: 'Provenance' });
    expect(provenance.textContent).toContain('builtin 1.4.0');
    expect(provenance.textContent).toContain('Corrected by Eddie');
    expect(provenance.textContent).toContain('Corrected by an editor: summary.');
  });

  it('renders only the sanitised content as HTML; other fields stay text', async () => {
    renderPage(<ArticlePage />, {
      ...route,
      handlers: { ArticlePage: { data: articleData({ title: '<b>Bold</b> headline' }) } },
    });
    await screen.findByRole('heading', { level: 1, name: '<b>Bold</b> headline' });
    expect(screen.getByText('text').tagName).toBe('STRONG');
  });

  it('explains when the article has not been analysed yet', async () => {
    renderPage(<ArticlePage />, {
      ...route,
      handlers: { ArticlePage: { data: articleData({ analysis: null, corrections: [] }) } },
    });
    await screen.findByText('Not analysed yet');
  });

  describe('"Not this company"', () => {
    const TESLA = { id: 'Q29tcGFueToxNA==', slug: 'tesla', name: 'Tesla' };
    const twoCompanies = articleData({
      companies: [
        { relevance: 0.9, sentimentScore: -0.7, company: NVIDIA },
        { relevance: 0.4, sentimentScore: 0.1, company: TESLA },
      ],
    });
    const saved = (version: number) => ({
      data: {
        correctAnalysis: {
          __typename: 'ReviewSuccess',
          version,
          reviewStatus: 'APPROVED',
          article: { id: 'QXJ0aWNsZTox', reviewStatus: 'APPROVED', reviewVersion: version },
        },
      },
    });
    const editorPage = (correct: MockHandler) =>
      renderPage(<ArticlePage />, {
        ...route,
        user: EDITOR,
        handlers: { ArticlePage: { data: twoCompanies }, CorrectAnalysis: correct },
      });

    it('removes one company with a correction of the list, at the loaded version, and undoes it', async () => {
      let version = 3;
      const { calls } = editorPage(() => saved((version += 1)));
      fireEvent.click(await screen.findByRole('button', { name: 'Not this company: Tesla' }));
      await screen.findByText(/Removed Tesla from this article/);
      const corrections = calls.filter((call) => call.name === 'CorrectAnalysis');
      expect(corrections[0]?.variables).toEqual({
        input: {
          articleId: 'QXJ0aWNsZTox',
          expectedVersion: 3,
          companies: [{ companyId: NVIDIA.id, relevance: 0.9, sentimentScore: -0.7 }],
          note: 'Not this company: Tesla',
        },
      });

      fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
      await screen.findByText('Tesla is back on this article.');
      expect(calls.filter((call) => call.name === 'CorrectAnalysis')[1]?.variables).toMatchObject({
        input: {
          expectedVersion: 4,
          companies: [
            { companyId: NVIDIA.id, relevance: 0.9, sentimentScore: -0.7 },
            { companyId: TESLA.id, relevance: 0.4, sentimentScore: 0.1 },
          ],
        },
      });
    });

    it('says so when someone changed the analysis meanwhile, and reloads on request', async () => {
      const { calls } = editorPage({ data: analysisConflict(null, { companies: [] }) });
      fireEvent.click(await screen.findByRole('button', { name: 'Not this company: NVIDIA' }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Someone changed this analysis since you opened it.');
      expect(alert.textContent).toContain('Nothing was removed');
      const loads = calls.filter((call) => call.name === 'ArticlePage').length;
      fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
      await waitFor(() => expect(calls.filter((call) => call.name === 'ArticlePage').length).toBe(loads + 1));
    });

    it('shows a server error', async () => {
      editorPage({ graphqlError: 'Your role (analyst) may not do this', code: 'FORBIDDEN' });
      fireEvent.click(await screen.findByRole('button', { name: 'Not this company: NVIDIA' }));
      expect((await screen.findByRole('alert')).textContent).toBe('Your role (analyst) may not do this');
    });

    it('is not offered to viewers', async () => {
      renderPage(<ArticlePage />, {
        ...route,
        user: VIEWER,
        handlers: { ArticlePage: { data: twoCompanies } },
      });
      await screen.findByRole('link', { name: /Tesla/ });
      expect(screen.queryByRole('button', { name: /Not this company/ })).toBeNull();
    });
  });
});
