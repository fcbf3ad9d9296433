import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { AI_TOPIC, analysisConflict, NVIDIA, topicsData } from '../testing/fixtures.js';
import type { MockHandler } from '../testing/mockClient.js';
import { EDITOR, itShowsLoadingAndFailure, renderPage } from '../testing/renderPage.js';
import { ReviewQueuePage } from './ReviewQueuePage.js';

function queueItem(id: string, title: string, importance: number, confidence: number) {
  return {
    id,
    title,
    publishedAt: '2026-11-26T10:00:00.000Z',
    importance,
    sentimentLabel: 'BEARISH',
    reviewStatus: 'UNREVIEWED',
    source: { title: 'Example Wire', url: 'https://news.example.com/feed' },
    analysis: { confidence, sentimentScore: -0.6 },
  };
}

const queueData = {
  reviewQueue: {
    totalCount: 2,
    edges: [
      { node: queueItem('QXJ0aWNsZTox', 'Export rules tighten', 9, 0.41) },
      { node: queueItem('QXJ0aWNsZToy', 'Earnings beat', 6, 0.55) },
    ],
  },
};

const aiRun = {
  id: 'QW5hbHlzaXM6MQ==',
  analyzer: { name: 'builtin', version: '1.4.0', model: null },
  sentimentLabel: 'BEARISH',
  sentimentScore: -0.62,
  importance: 9,
  summary: 'AI summary.',
  paragraphs: ['AI paragraph.'],
  takeaways: ['AI takeaway'],
  companies: [{ name: 'NVIDIA', resolvedCompanyId: 12, relevance: 0.9, sentimentScore: -0.7 }],
  topics: [{ slug: 'ai', topicId: 1, relevance: 0.8 }],
};

function article(id: string, title: string, corrections: unknown[] = []) {
  return {
    article: {
      id,
      title,
      url: 'https://news.example.com/x',
      excerpt: null,
      publishedAt: '2026-11-26T10:00:00.000Z',
      reviewStatus: 'UNREVIEWED',
      reviewVersion: 3,
      source: { title: 'Example Wire', url: 'https://news.example.com/feed' },
      analysis: {
        analyzer: aiRun.analyzer,
        analyzedAt: '2026-11-26T10:05:00.000Z',
        confidence: 0.41,
        correctedFields: [],
        importance: 9,
        paragraphs: ['AI paragraph.'],
        sentimentLabel: 'BEARISH',
        sentimentScore: -0.62,
        summary: 'AI summary.',
        takeaways: ['AI takeaway'],
        reviewStatus: 'UNREVIEWED',
      },
      companies: [{ relevance: 0.9, sentimentScore: -0.7, company: NVIDIA }],
      topics: [{ relevance: 0.8, topic: AI_TOPIC }],
      corrections,
    },
  };
}

const success = (field: string) => ({
  [field]: {
    __typename: 'ReviewSuccess',
    version: 4,
    reviewStatus: 'APPROVED',
    article: { id: 'QXJ0aWNsZTox', reviewStatus: 'APPROVED', reviewVersion: 4 },
  },
});

function page(handlers: Record<string, MockHandler> = {}) {
  return renderPage(<ReviewQueuePage />, {
    route: '/review',
    path: '/review',
    user: EDITOR,
    handlers: {
      ReviewQueue: { data: queueData },
      Topics: { data: topicsData },
      ReviewArticle: (variables) =>
        variables.id === 'QXJ0aWNsZToy'
          ? { data: article('QXJ0aWNsZToy', 'Earnings beat') }
          : { data: article('QXJ0aWNsZTox', 'Export rules tighten') },
      ...handlers,
    },
  });
}

describe('ReviewQueuePage', () => {
  itShowsLoadingAndFailure(page, 'ReviewQueue', { loading: 'Loading review queue' });

  it('shows an empty queue', async () => {
    page({ ReviewQueue: { data: { reviewQueue: { totalCount: 0, edges: [] } } } });
    await screen.findByText('The queue is empty');
  });

  it('lists the queue in the API order and moves with j and k', async () => {
    page();
    const list = await screen.findByRole('list', { name: 'Articles to review' });
    const items = within(list).getAllByRole('button');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Export rules tighten'),
      expect.stringContaining('Earnings beat'),
    ]);
    expect(items[0]?.getAttribute('aria-current')).toBe('true');
    await screen.findByRole('heading', { level: 2, name: 'Export rules tighten' });
    fireEvent.keyDown(document.body, { key: 'j' });
    await screen.findByRole('heading', { level: 2, name: 'Earnings beat' });
    fireEvent.keyDown(document.body, { key: 'k' });
    await screen.findByRole('heading', { level: 2, name: 'Export rules tighten' });
  });

  it('approves with "a", sending the version the editor saw', async () => {
    const { calls } = page({ ApproveAnalysis: { data: success('approveAnalysis') } });
    await screen.findByRole('heading', { level: 2, name: 'Export rules tighten' });
    fireEvent.keyDown(document.body, { key: 'a' });
    await screen.findByText('Approved.');
    expect(calls.find((call) => call.name === 'ApproveAnalysis')?.variables.input).toEqual({
      articleId: 'QXJ0aWNsZTox',
      expectedVersion: 3,
    });
  });

  it('queues a new AI run on request', async () => {
    const { calls } = page({
      ReanalyzeArticle: { data: { reanalyzeArticle: { id: 'QXJ0aWNsZTox', reviewStatus: 'UNREVIEWED' } } },
    });
    await screen.findByRole('heading', { level: 2, name: 'Export rules tighten' });
    fireEvent.click(screen.getByRole('button', { name: 'Re-run analysis' }));
    await screen.findByText('Re-analysis queued; your corrections stay in force.');
    expect(calls.find((call) => call.name === 'ReanalyzeArticle')?.variables).toEqual({ id: 'QXJ0aWNsZTox' });
  });

  it('validates the edit form and sends only changed fields', async () => {
    const { calls } = page({ CorrectAnalysis: { data: success('correctAnalysis') } });
    await screen.findByRole('heading', { level: 2, name: 'Export rules tighten' });
    fireEvent.keyDown(document.body, { key: 'e' });
    const form = await screen.findByRole('form', { name: 'Edit analysis' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Summary' }), { target: { value: ' ' } });
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'Importance (1–10)' }), {
      target: { value: '11' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save correction' }));
    await within(form).findByText('The summary must not be empty.');
    within(form).getByText('Enter a whole number from 1 to 10.');
    expect(calls.some((call) => call.name === 'CorrectAnalysis')).toBe(false);

    fireEvent.change(within(form).getByRole('textbox', { name: 'Summary' }), {
      target: { value: 'Editor summary.' },
    });
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'Importance (1–10)' }), {
      target: { value: '8' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save correction' }));
    await screen.findByText('Correction saved.');
    expect(calls.find((call) => call.name === 'CorrectAnalysis')?.variables.input).toEqual({
      articleId: 'QXJ0aWNsZTox',
      expectedVersion: 3,
      importance: 8,
      summary: 'Editor summary.',
    });
  });

  it('on a conflict shows the other editor’s values beside mine and saves the merge on the new version', async () => {
    let attempt = 0;
    const { calls } = page({
      CorrectAnalysis: () => {
        attempt += 1;
        if (attempt > 1) return { data: success('correctAnalysis') };
        const olgas = {
          sentimentLabel: 'BEARISH',
          sentimentScore: -0.62,
          importance: 9,
          summary: 'Olga summary.',
          paragraphs: ['AI paragraph.'],
          takeaways: ['AI takeaway'],
          companies: [],
          topics: [],
        };
        return { data: analysisConflict(olgas, { summary: 'Editor summary.' }) };
      },
    });
    await screen.findByRole('heading', { level: 2, name: 'Export rules tighten' });
    fireEvent.click(screen.getByRole('button', { name: /Edit/ }));
    const form = await screen.findByRole('form', { name: 'Edit analysis' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Summary' }), {
      target: { value: 'Editor summary.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save correction' }));
    const conflict = await screen.findByRole('region', { name: 'Someone else changed this analysis' });
    within(conflict).getByText('Olga summary.');
    within(conflict).getByText('Editor summary.');
    within(conflict).getByRole('columnheader', { name: 'Saved (Olga)' });
    fireEvent.click(within(conflict).getByRole('button', { name: 'Save merged values' }));
    await screen.findByText('Correction saved.');
    expect(calls.filter((call) => call.name === 'CorrectAnalysis').at(-1)?.variables.input).toEqual({
      articleId: 'QXJ0aWNsZTox',
      expectedVersion: 5,
      summary: 'Editor summary.',
    });
  });

  it('shows the history as AI original against each correction', async () => {
    page({
      ReviewArticle: {
        data: article('QXJ0aWNsZTox', 'Export rules tighten', [
          {
            id: 'Q29ycmVjdGlvbjox',
            action: 'CORRECT',
            createdAt: '2026-11-26T12:00:00.000Z',
            note: 'Misread the guidance',
            changedFields: ['sentimentScore', 'sentimentLabel'],
            version: 2,
            after: {
              ...aiRun,
              sentimentLabel: 'NEUTRAL',
              sentimentScore: 0.05,
              companies: [{ companyId: NVIDIA.id, company: NVIDIA, relevance: 0.9, sentimentScore: 0 }],
              topics: [{ topicId: AI_TOPIC.id, topic: AI_TOPIC, relevance: 0.8 }],
            },
            editor: { id: 'VXNlcjo5', name: 'Olga' },
            analysis: aiRun,
          },
        ]),
      },
    });
    const history = await screen.findByRole('region', { name: 'History' });
    within(history).getByText(/Misread the guidance/);
    within(history).getByRole('columnheader', { name: 'AI original (builtin 1.4.0)' });
    within(history).getByText('Neutral');
    within(history).getByText('NVIDIA · relevance 90% · 0.00');
  });

  it('opens one article by id, queued or not, with its history', async () => {
    renderPage(<ReviewQueuePage />, {
      route: '/review?article=QXJ0aWNsZTox',
      path: '/review',
      user: EDITOR,
      handlers: {
        Topics: { data: topicsData },
        ReviewArticle: { data: article('QXJ0aWNsZTox', 'Export rules tighten') },
      },
    });
    await screen.findByRole('heading', { level: 2, name: 'Export rules tighten' });
    screen.getByRole('link', { name: /Back to the review queue/ });
    expect(screen.getByRole('region', { name: 'History' }).textContent).toContain('No editor has acted');
  });
});
