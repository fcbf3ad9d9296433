// The dashboard in Debian's Chromium against the real app (`wirelens start`: API, built dashboard and worker)
// on a fresh, migrated and seeded PostgreSQL database that has ingested and analysed the bundled demo feeds.
// One app start serves every test; tests run in order and later ones may see earlier ones' edits.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { apiSession } from './testing/api.js';
import { expectWhollyShown, screenshot, visible } from './testing/browser.js';
import { type FeedItem } from './testing/feed-server.js';
import { ADMIN, useSuite } from './testing/suite.js';

const EDITOR = { email: 'erin@example.com', password: 'erin-password-1', name: 'Erin Editor' };
const SECOND_EDITOR = { email: 'sam@example.com', password: 'sam-password-1', name: 'Sam Second' };
const VIEWER = { email: 'vic@example.com', password: 'vic-password-1', name: 'Vic Viewer' };

const DAY_MS = 86_400_000;

const suite = useSuite({
  failureShots: 'failed',
  resetScreenshots: true,
  withFeed: true,
  users: [
    { ...EDITOR, role: 'EDITOR' },
    { ...SECOND_EDITOR, role: 'EDITOR' },
    { ...VIEWER, role: 'VIEWER' },
  ],
});
const { session } = suite;

interface SeriesBucket {
  start: string;
  meanScore: number;
  count: number;
}

/** The same window the company page asks for: 90 days back from the start of this hour. */
function dayWindowStart(): string {
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  return new Date(hour - 90 * DAY_MS).toISOString();
}

async function companySeries(slug: string): Promise<SeriesBucket[]> {
  const data = await suite.admin.query<{ company: { sentimentSeries: { buckets: SeriesBucket[] } } }>(
    `query Series($slug: String!, $from: DateTime) {
      company(slug: $slug) { sentimentSeries(interval: DAY, from: $from) { buckets { start meanScore count } } }
    }`,
    { slug, from: dayWindowStart() },
  );
  return data.company.sentimentSeries.buckets;
}

interface ChartPoint {
  start: string;
  meanScore: number;
  count: number;
  cy: number;
}

/** The score line's points as drawn: which bucket each one is, and where it sits. */
function chartPoints(page: Page): Promise<ChartPoint[]> {
  return page.locator('.trend .wl-chart__point').evaluateAll((points) =>
    points.map((point) => ({
      start: point.getAttribute('data-bucket-start') ?? '',
      meanScore: Number(point.getAttribute('data-mean-score')),
      count: Number(point.getAttribute('data-count')),
      cy: Number(point.getAttribute('cy')),
    })),
  );
}

const withoutPosition = (points: ChartPoint[]) =>
  points.map(({ start, meanScore, count }) => ({ start, meanScore, count }));

/** Waits until the chart draws exactly the API's series, then checks the points sit on one −1..+1 scale. */
async function expectChartToShow(page: Page, series: SeriesBucket[]): Promise<void> {
  await expect
    .poll(async () => withoutPosition(await chartPoints(page)), { timeout: 20_000 })
    .toEqual(series);
  const points = await chartPoints(page);
  // cy = a − b·score with b > 0: a higher score is drawn higher, in proportion.
  const [p, q] = [...points].sort((x, y) => x.meanScore - y.meanScore);
  if (p && q && q.meanScore !== p.meanScore) {
    const slope = (q.cy - p.cy) / (q.meanScore - p.meanScore);
    expect(slope).toBeLessThan(0);
    for (const point of points)
      expect(point.cy).toBeCloseTo(p.cy + slope * (point.meanScore - p.meanScore), 0);
  }
}

/** Titles of the feed cards, in the order shown. */
function feedTitles(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Articles' }).getByRole('heading', { level: 3 }).allInnerTexts();
}

function card(page: Page, title: string) {
  return page.getByRole('list', { name: 'Articles' }).getByRole('article').filter({ hasText: title });
}

interface ArticleRef {
  id: string;
  title: string;
  publishedAt: string;
  sentimentLabel: string;
}

async function companyArticles(slug: string): Promise<{ id: string; total: number; articles: ArticleRef[] }> {
  const data = await suite.admin.query<{
    company: { id: string; articles: { totalCount: number; edges: { node: ArticleRef }[] } };
  }>(
    `query CompanyArticles($slug: String!) {
      company(slug: $slug) {
        id
        articles(first: 50) { totalCount edges { node { id title publishedAt sentimentLabel } } }
      }
    }`,
    { slug },
  );
  return {
    id: data.company.id,
    total: data.company.articles.totalCount,
    articles: data.company.articles.edges.map((edge) => edge.node),
  };
}

const STORY: FeedItem = {
  slug: 'nvidia-licensing-backlog',
  title: 'Nvidia warns licensing backlog could cost $4.2 billion as export curbs reach 14 more countries',
  author: 'Priya Lindqvist',
  publishedAt: new Date(Date.now() - 40 * 60_000),
  withImage: true,
  paragraphs: [
    'Nvidia told investors that the widened US export rules, which add 14 more countries to the list of destinations needing an individual license for advanced AI accelerators, could reduce revenue in the current quarter by about $4.2 billion.',
    'The chipmaker expects an inventory and purchase-commitment charge of roughly $1.1 billion for products built for affected customers. Its shares fell 7.2% in heavy trading, and Advanced Micro Devices dropped 4.8% in sympathy.',
    'Analysts said the licensing queue was the main risk: sovereign AI projects in the Middle East and Southeast Asia that had been counted as booked demand now wait for paperwork, and nobody knows how long reviews will take.',
    'A Commerce Department spokesperson said license applications from trusted partners would be reviewed on an expedited basis, but gave no timetable.',
  ],
};

const LATER_STORY: FeedItem = {
  slug: 'harbour-cranes',
  title: 'Port of Harbourside orders twelve electric cranes to cut waiting times for container ships',
  author: 'Tomás Brennan',
  publishedAt: new Date(),
  paragraphs: [
    'The Port of Harbourside ordered twelve electric ship-to-shore cranes worth about $310 million, saying the machines would cut average waiting times for container ships by a third once they enter service in 2028.',
    'Port officials said the cranes would run on power from a new offshore wind contract and that the older diesel cranes would be sold to smaller terminals along the coast.',
    'Shipping lines welcomed the order but warned that road and rail links to the port would also need upgrades if the extra capacity was to be used.',
  ],
};

describe('Wirelens dashboard in Chromium', () => {
  it('signs in and filters the feed by a company', async () => {
    const opened = await suite.open();
    const { page } = opened;

    // A signed-out visitor is sent to the login page and comes back to the feed afterwards.
    await page.goto('/feed');
    await visible(page.getByRole('heading', { name: 'Sign in to Wirelens' }));
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login');
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page.getByRole('heading', { name: 'Article feed', level: 1 }));
    await visible(page.getByText('Administrator (Admin)'));
    expect(new URL(page.url()).pathname).toBe('/feed');
    const total = await suite.db.db.article.count();
    await visible(page.getByText(`${total} articles`, { exact: true }));
    await screenshot(page, 'feed');

    // Pick NVIDIA by its ticker in the company picker; the filter goes into the URL.
    const nvidia = await companyArticles('nvidia');
    await page.getByLabel('Add company').fill('NVDA');
    await page.getByRole('button', { name: /^NVIDIA/ }).click();
    await visible(page.getByRole('button', { name: 'Remove filter Company: NVIDIA' }));
    expect(new URL(page.url()).searchParams.getAll('company')).toEqual(['nvidia']);
    await visible(page.getByText(`${nvidia.total} articles`, { exact: true }));
    await expect.poll(() => feedTitles(page)).toEqual(nvidia.articles.map((article) => article.title));
    // Every card names NVIDIA among its companies.
    const cards = page.getByRole('list', { name: 'Articles' }).getByRole('article');
    expect(await cards.count()).toBe(nvidia.total);
    for (const item of await cards.all()) {
      await visible(item.getByRole('list', { name: 'Companies' }).getByRole('link', { name: /^NVIDIA/ }));
    }
    await screenshot(page, 'feed-filtered-nvidia');
  });

  it('lets an admin add a source served by a local server; its articles appear after a refresh', async () => {
    suite.feed.items.push(STORY);
    const { page } = await session(ADMIN, '/sources');
    await visible(page.getByRole('heading', { name: 'Sources', level: 1 }));
    await page.getByLabel('Feed URL').fill(suite.feed.feedUrl);
    await page.getByRole('button', { name: 'Add source' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'it is being fetched now' }));
    await visible(page.getByRole('link', { name: suite.feed.feedUrl }));

    // addSource fetches at once; the worker ingests and analyses the story.
    const sourceId = await sourceIdOf(suite.feed.feedUrl);
    await expect.poll(() => sourceTitles(sourceId), { timeout: 60_000 }).toEqual([STORY.title]);
    await page.reload();
    const refresh = await visible(page.getByRole('button', { name: 'Refresh now: Harbourside Wire' }));
    await visible(
      page
        .getByRole('row')
        .filter({ hasText: 'Harbourside Wire' })
        .getByText(/Healthy/),
    );
    await screenshot(page, 'sources');

    // The site publishes another story; "Refresh now" fetches it without waiting for the schedule.
    suite.feed.items.push(LATER_STORY);
    await refresh.click();
    await visible(page.getByRole('button', { name: 'Refresh now: Harbourside Wire' }));
    await expect
      .poll(() => sourceTitles(sourceId), { timeout: 60_000 })
      .toEqual([LATER_STORY.title, STORY.title]);

    await page.goto(`/feed?source=${encodeURIComponent(sourceId)}`);
    await visible(page.getByRole('button', { name: 'Remove filter Source: Harbourside Wire' }));
    await expect.poll(() => feedTitles(page)).toEqual([LATER_STORY.title, STORY.title]);
    await screenshot(page, 'feed-new-source');
  });

  it('shows every reference section of an article', async () => {
    const { page } = await session(ADMIN);
    const article = await waitForAnalysis(STORY.title);
    await page.goto('/feed?q=licensing+backlog');
    await page.getByRole('link', { name: STORY.title }).click();
    await visible(page.getByRole('heading', { name: STORY.title, level: 1 }));
    expect(new URL(page.url()).pathname).toBe(`/articles/${encodeURIComponent(article.id)}`);

    const header = page.locator('.article__header');
    await visible(header.getByRole('link', { name: `Category: ${article.topics[0]?.topic.name ?? ''}` }));
    await visible(
      header.getByRole('img', {
        name: new RegExp(`^Sentiment: ${labelText(article.analysis.sentimentLabel)}`),
      }),
    );
    await visible(header.getByText(`Importance ${article.analysis.importance}/10`));
    await visible(header.getByText('Harbourside Wire', { exact: true }));
    await visible(header.getByText(STORY.author));
    const image = await visible(header.locator('img.article__image'));
    expect(await image.getAttribute('src')).toBe(suite.feed.imageUrl);
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1200);

    await visible(page.getByRole('heading', { name: /^AI Summary/, level: 2 }));
    await visible(page.getByText(article.analysis.summary, { exact: true }));
    await visible(page.getByRole('heading', { name: /^Analysis/, level: 2 }));
    await visible(page.getByText(article.analysis.paragraphs[0] ?? '', { exact: true }));
    await visible(page.getByRole('heading', { name: /^Key Takeaways/, level: 2 }));
    const takeaways = page.locator('section[aria-labelledby="takeaways-heading"] li');
    expect(await takeaways.allInnerTexts()).toEqual(article.analysis.takeaways);
    const mentioned = page.getByRole('list', { name: 'Mentioned companies' });
    await visible(mentioned.getByRole('link', { name: /^NVIDIA/ }));
    expect(await mentioned.getByRole('listitem').count()).toBe(article.companies.length);
    const original = await visible(page.getByRole('link', { name: 'Read Original' }));
    expect(await original.getAttribute('href')).toBe(article.url);
    await visible(page.getByRole('heading', { name: 'Related Articles', level: 2 }));
    // The story was told by the demo wires first: the clusterer puts this report with theirs.
    const related = page.locator('section[aria-labelledby="related-heading"] ul.related li');
    await expect.poll(() => related.count()).toBe(article.related.length);
    expect(article.related.length).toBeGreaterThan(0);
    const provenance = page.getByRole('complementary', { name: 'Provenance' });
    await visible(provenance.getByText(/AI-generated/));
    await visible(
      provenance.getByText(`${article.analysis.analyzer.name} ${article.analysis.analyzer.version}`),
    );
    await visible(provenance.getByText('AI · not reviewed'));
    await screenshot(page, 'article');
  });

  it("draws the company chart from the API's sentimentSeries; a click on a point filters the feed beside it", async () => {
    const { page } = await session(ADMIN);
    const series = await companySeries('nvidia');
    expect(series.length).toBeGreaterThan(2);
    await page.goto('/companies/nvidia');
    await visible(page.getByRole('heading', { name: 'NVIDIA', level: 1 }));
    await expectChartToShow(page, series);
    await screenshot(page, 'company-nvidia');

    // The period with the most coverage; its articles are exactly the feed's after the click.
    const busiest = [...series].sort((a, b) => b.count - a.count)[0];
    if (!busiest) throw new Error('no buckets');
    await page.locator(`.trend .wl-chart__point[data-bucket-start="${busiest.start}"]`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(busiest.start);
    const end = new Date(Date.parse(busiest.start) + DAY_MS).toISOString();
    expect(new URL(page.url()).searchParams.get('to')).toBe(end);
    const feedSection = page.getByRole('region', { name: 'Articles about NVIDIA' });
    await visible(feedSection.getByRole('button', { name: /^Remove filter Dates: / }));
    const label = busiest.count === 1 ? 'article' : 'articles';
    await visible(feedSection.getByText(`${busiest.count} ${label}`, { exact: true }));
    const times = await feedSection
      .getByRole('list', { name: 'Articles' })
      .locator('time')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime') ?? ''));
    expect(times).toHaveLength(busiest.count);
    for (const time of times) {
      expect(Date.parse(time)).toBeGreaterThanOrEqual(Date.parse(busiest.start));
      expect(Date.parse(time)).toBeLessThan(Date.parse(end));
    }
    // The chart itself stays as it was: only the feed narrows.
    await expectChartToShow(page, series);
    await screenshot(page, 'company-nvidia-period');
  });

  it('lets an editor correct a sentiment; the feed badge and the chart follow', async () => {
    const nvidia = await companyArticles('nvidia');
    const target = nvidia.articles.find(
      (article) => article.title !== STORY.title && article.sentimentLabel !== 'BEARISH',
    );
    if (!target) throw new Error('no NVIDIA article to correct');
    const before = await companySeries('nvidia');
    const day = new Date(Math.floor(Date.parse(target.publishedAt) / DAY_MS) * DAY_MS).toISOString();

    const { page } = await session(EDITOR, '/feed?company=nvidia');
    await page.getByRole('link', { name: target.title }).click();
    await visible(page.getByRole('heading', { name: target.title, level: 1 }));
    await page.getByRole('link', { name: 'Review and history' }).click();
    await page.getByRole('button', { name: /^Edit/ }).click();
    await page.getByLabel('Sentiment score (−1 to 1)').fill('-0.9');
    expect(await page.getByLabel('Sentiment label').inputValue()).toBe('BEARISH');
    await page
      .getByLabel('Note for the history (why)')
      .fill('The export rules hurt; the article is clearly negative.');
    await page.getByRole('button', { name: 'Save correction' }).click();
    const detail = page.locator('.review-detail');
    await visible(detail.getByRole('img', { name: 'Sentiment: Bearish (−0.90)' }));
    await visible(detail.locator('.article__signals').getByText('Corrected', { exact: true }));
    await visible(detail.getByRole('region', { name: 'History' }).getByText(/^Corrected by Erin Editor on /));
    await screenshot(page, 'review-corrected');

    await page.goto('/feed?company=nvidia');
    const corrected = card(page, target.title);
    await visible(corrected.getByRole('img', { name: 'Sentiment: Bearish (−0.90)' }));
    await visible(corrected.getByText('Corrected', { exact: true }));
    await screenshot(page, 'feed-after-correction');

    const after = await companySeries('nvidia');
    const changed = after.find((bucket) => bucket.start === day);
    const previous = before.find((bucket) => bucket.start === day);
    expect(changed?.count).toBe(previous?.count);
    expect(changed?.meanScore).toBeLessThan(previous?.meanScore ?? -1);
    await page.goto('/companies/nvidia');
    await expectChartToShow(page, after);
    await screenshot(page, 'company-after-correction');
  });

  it("shows a second editor's stale edit as a conflict, their values beside the saved ones", async () => {
    const tesla = await companyArticles('tesla');
    const target = tesla.articles[0];
    if (!target) throw new Error('no Tesla article');
    const path = `/review?article=${encodeURIComponent(target.id)}`;
    const first = await session(EDITOR, path);
    const second = await session(SECOND_EDITOR, path);
    // Both open the edit form on the same version.
    for (const { page } of [first, second]) {
      await visible(page.getByRole('heading', { name: target.title, level: 2 }));
      await page.getByRole('button', { name: /^Edit/ }).click();
      await visible(page.getByRole('form', { name: 'Edit analysis' }));
    }

    await first.page.getByLabel('Sentiment score (−1 to 1)').fill('0.8');
    await first.page.getByRole('button', { name: 'Save correction' }).click();
    await visible(
      first.page.locator('.review-detail').getByRole('img', { name: 'Sentiment: Bullish (+0.80)' }),
    );

    await second.page.getByLabel('Sentiment score (−1 to 1)').fill('-0.6');
    await second.page.getByRole('button', { name: 'Save correction' }).click();
    const conflict = await visible(
      second.page.getByRole('region', { name: 'Someone else changed this analysis' }),
    );
    await visible(conflict.getByText(`${EDITOR.name} saved changes`));
    const table = conflict.getByRole('table', { name: 'Saved values beside yours' });
    await visible(table.getByRole('columnheader', { name: `Saved (${EDITOR.name})` }));
    await visible(table.getByRole('columnheader', { name: 'Yours' }));
    const cells = (field: string) =>
      table
        .getByRole('row')
        .filter({ has: second.page.getByRole('rowheader', { name: new RegExp(`^${field}`) }) })
        .getByRole('cell')
        .allInnerTexts();
    // The score row names the label each score implies.
    expect(await cells('Score')).toEqual(['Bullish +0.80', 'Bearish −0.60']);
    await visible(conflict.getByRole('button', { name: 'Save merged values' }));
    await screenshot(second.page, 'review-conflict');

    // Nothing of the second editor's was saved.
    const saved = await suite.admin.query<{ article: { analysis: { sentimentScore: number } } }>(
      'query A($id: ID!) { article(id: $id) { analysis { sentimentScore } } }',
      { id: target.id },
    );
    expect(saved.article.analysis.sentimentScore).toBe(0.8);
  });

  it('keeps a viewer out of editor and admin pages', async () => {
    const { page } = await session(VIEWER);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await visible(nav.getByRole('link', { name: 'Feed' }));
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'Overview',
      'Feed',
      'Compare',
      'Watchlists',
      'Account',
      'GraphiQL',
    ]);
    for (const [path, role] of [
      ['/review', 'editor'],
      ['/companies', 'editor'],
      ['/sources', 'admin'],
      ['/users', 'admin'],
      ['/tokens', 'analyst'],
    ] as const) {
      await page.goto(path);
      await visible(page.getByRole('heading', { name: `You need the ${role} role`, level: 1 }));
      await visible(page.getByText('Your account has the viewer role.'));
      if (path === '/review') await screenshot(page, 'viewer-forbidden-review');
    }
    // The API refuses the data as well, whatever the page shows.
    const viewerApi = await apiSession(suite.app.url, VIEWER.email, VIEWER.password);
    await expect(viewerApi.query('{ reviewQueue(first: 1) { totalCount } }')).rejects.toThrow(/FORBIDDEN/);
    await expect(viewerApi.query('{ users(first: 1) { totalCount } }')).rejects.toThrow(/FORBIDDEN/);
  });

  it('keeps a bidi override stored in a headline from reordering the text around it', async () => {
    // Ingest strips these controls; a row stored before that (or by other means) still holds one.
    const source = await suite.db.db.source.findFirstOrThrow({ where: { isDemo: true } });
    await suite.db.db.article.create({
      data: {
        sourceId: source.id,
        canonicalUrl: 'https://bidi.example/quarterly',
        urlKey: 'bidi.example/quarterly',
        url: 'https://bidi.example/quarterly',
        title: 'Quarterly zyxwbidi results \u202Eslipped',
        // Old enough to stay off the first feed page and the overview that later tests photograph.
        publishedAt: new Date(Date.now() - 60 * DAY_MS),
        contentHash: 'bidi-quarterly',
      },
    });
    const { page } = await session(VIEWER);
    await page.goto('/feed?q=zyxwbidi');
    const title = await visible(page.getByRole('link', { name: /zyxwbidi/ }));
    expect(await title.evaluate((link) => getComputedStyle(link).unicodeBidi)).toBe('isolate');
  });

  it('runs GraphiQL with its fonts and without console errors', async () => {
    const { page } = await session(VIEWER);
    await page.goto('/graphiql');
    await visible(page.locator('.graphiql-container'));
    await page.evaluate(() => document.fonts.ready);
    const fonts = await page.evaluate(() => [...document.fonts].map((font) => font.status));
    expect(fonts).toContain('loaded');
    expect(fonts).not.toContain('error');
  });

  it('lets an admin reset a password; the user must choose a new one, then signs in with it', async () => {
    const pat = { email: 'pat@example.com', password: 'pat-first-password', name: 'Pat Person' };
    await suite.admin.query(
      `mutation Create($email: String!, $name: String, $password: String) {
        createUser(email: $email, name: $name, password: $password, role: VIEWER) { user { id } }
      }`,
      pat,
    );
    const { page } = await session(ADMIN, '/users');
    page.once('dialog', (dialog) => void dialog.accept());
    await (await visible(page.getByRole('button', { name: `Reset password of ${pat.email}` }))).click();
    const generated = (await (await visible(page.getByTestId('reset-password'))).textContent()) ?? '';
    expect(generated.length).toBeGreaterThanOrEqual(20);
    await screenshot(page, 'users-reset-password');

    const patSession = await session({ email: pat.email, password: generated });
    const patPage = patSession.page;
    await visible(patPage.getByText('An administrator reset your password. Choose a new one to continue.'));
    expect(new URL(patPage.url()).pathname).toBe('/account');
    await patPage.getByLabel('Current password').fill(generated);
    await patPage.getByLabel('New password', { exact: true }).fill('a river of stones 7');
    await patPage.getByLabel('New password again').fill('a river of stones 7');
    await patPage.getByRole('button', { name: 'Change password' }).click();
    await visible(patPage.getByText('Password changed. Your other sessions were signed out.'));
    await screenshot(patPage, 'account');

    const again = await session({ email: pat.email, password: 'a river of stones 7' });
    await visible(again.page.getByRole('heading', { name: 'Market overview', level: 1 }));
  });

  it('renders every other page with its data', async () => {
    const { page } = await session(ADMIN);
    await page.goto('/');
    await visible(page.getByRole('heading', { name: 'Market overview', level: 1 }));
    await visible(page.getByRole('link', { name: 'NVIDIA', exact: true }));
    await visible(page.locator('.wl-chart .recharts-line-curve').first());
    await screenshot(page, 'overview');

    await page.goto('/topics/ai');
    await visible(page.getByRole('heading', { name: 'AI', level: 1 }));
    await visible(page.locator('.trend .wl-chart__point').first());
    await screenshot(page, 'topic-ai');

    // At a desktop width the Menu button stays hidden and the interval switch shows all of its buttons.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/compare?company=nvidia&company=amd&topic=ai');
    await visible(page.getByRole('heading', { name: 'Compare sentiment', level: 1 }));
    await visible(page.locator('.recharts-legend-item-text', { hasText: 'AMD' }));
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    const intervals = page.getByRole('group', { name: 'Interval' });
    expect(await intervals.getByRole('button').count()).toBe(3);
    await expectWhollyShown(intervals);
    await screenshot(page, 'compare');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto('/review');
    await visible(page.getByRole('heading', { name: /^Waiting \(\d+\)$/, level: 2 }));
    await visible(page.locator('.review-detail').getByRole('button', { name: /^Approve/ }));
    await screenshot(page, 'review-queue');

    await page.goto('/users');
    await visible(page.getByRole('heading', { name: 'Users', level: 1 }));
    await visible(page.getByText(EDITOR.email));
    await screenshot(page, 'users');

    await page.goto('/tokens');
    await visible(page.getByRole('heading', { name: 'API tokens', level: 1 }));
    await screenshot(page, 'tokens');

    await page.goto('/no-such-page');
    await visible(page.getByRole('heading', { name: 'Page not found', level: 1 }));
    await screenshot(page, 'not-found');

    // On a phone the navigation folds behind Menu; the pages still pass the audit at 375 px.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/');
    await visible(page.getByRole('heading', { name: 'Market overview', level: 1 }));
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await screenshot(page, 'overview-phone');
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feed' }).click();
    await visible(page.getByRole('heading', { name: 'Article feed', level: 1 }));
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'feed-phone');
  });
});

describe('Companies for editors in Chromium', () => {
  const PORT = 'Harbourside Port Authority';
  const DUPLICATE = 'Harbourside Port Auth';

  it('confirms a proposal, merges a duplicate after its preview, and removes a wrong company from an article', async () => {
    // Two organisations the analyzer proposed, on Walmart stories (an editor's correction puts them there).
    const walmart = await companyArticles('walmart');
    const [first, second, third] = walmart.articles;
    if (!first || !second || !third) throw new Error('fewer than 3 Walmart articles');
    await proposeCompany(PORT, [first.id, second.id]);
    await proposeCompany(DUPLICATE, [third.id]);

    const { page } = await session(EDITOR, '/companies');
    await visible(page.getByRole('heading', { name: 'Companies', level: 1 }));
    const proposals = page.getByRole('list', { name: 'Proposed companies' });
    // The most frequent first.
    await expect.poll(() => proposals.getByRole('heading', { level: 2 }).first().innerText()).toBe(PORT);
    await visible(proposals.getByRole('listitem').filter({ hasText: PORT }).getByText('2 articles'));
    await visible(proposals.getByRole('listitem').filter({ hasText: DUPLICATE }).getByText('1 article'));
    await screenshot(page, 'companies-proposals');

    await page.getByRole('button', { name: `Confirm ${PORT}` }).click();
    await visible(page.getByRole('status').filter({ hasText: `Confirmed ${PORT}` }));
    await expect.poll(() => proposals.getByRole('heading', { name: PORT }).count()).toBe(0);

    // Merge the duplicate into it: the dialog shows what moves before anything changes.
    await page.getByRole('button', { name: `Merge ${DUPLICATE} into another company` }).click();
    const dialog = await visible(
      page.getByRole('dialog', { name: `Merge ${DUPLICATE} into another company` }),
    );
    await dialog.getByRole('searchbox', { name: 'Merge into' }).fill('Harbourside Port Authority');
    await dialog.getByRole('button', { name: PORT }).click();
    const moves = await visible(dialog.getByRole('region', { name: 'What moves' }));
    expect(await moves.getByRole('listitem').allInnerTexts()).toEqual([
      '1 article (1 mention)',
      '1 point in the sentiment series',
      'No article names both',
      `Names: ${DUPLICATE}`,
      'Tickers: none',
    ]);
    await screenshot(page, 'companies-merge-preview');
    expect((await companyArticles('harbourside-port-auth')).total).toBe(1);
    await dialog.getByRole('button', { name: `Merge into ${PORT}` }).click();
    await visible(page.getByRole('status').filter({ hasText: `Merged ${DUPLICATE} into ${PORT}` }));
    expect(await page.getByRole('dialog').count()).toBe(0);
    const merged = await companyArticles('harbourside-port-authority');
    expect(merged.articles.map((article) => article.id).sort()).toEqual(
      [first.id, second.id, third.id].sort(),
    );

    // "Not this company" on the article: one click, and the article, the feed filter and the badge follow.
    await page.goto(`/articles/${encodeURIComponent(first.id)}`);
    await visible(page.getByRole('heading', { name: first.title, level: 1 }));
    const mentioned = page.getByRole('list', { name: 'Mentioned companies' });
    await visible(mentioned.getByRole('link', { name: new RegExp(`^${PORT}`) }));
    await page.getByRole('button', { name: `Not this company: ${PORT}` }).click();
    await visible(page.getByRole('status').filter({ hasText: `Removed ${PORT} from this article` }));
    await expect.poll(() => mentioned.getByRole('link', { name: new RegExp(`^${PORT}`) }).count()).toBe(0);
    await visible(mentioned.getByRole('link', { name: /^Walmart/ }));
    // It is a correction like any other: in the provenance and the history.
    await visible(
      page
        .getByRole('complementary', { name: 'Provenance' })
        .getByText(`Corrected by ${EDITOR.name}`, { exact: false }),
    );
    await screenshot(page, 'article-not-this-company');

    const remaining = await companyArticles('harbourside-port-authority');
    expect(remaining.articles.map((article) => article.id).sort()).toEqual([second.id, third.id].sort());
    await page.goto('/feed?company=harbourside-port-authority');
    await visible(page.getByText('2 articles', { exact: true }));
    await expect.poll(() => feedTitles(page)).toEqual(remaining.articles.map((article) => article.title));
    await page.goto('/feed?company=walmart');
    const corrected = card(page, first.title);
    await visible(corrected.getByText('Corrected', { exact: true }));
    expect(
      await corrected
        .getByRole('list', { name: 'Companies' })
        .getByRole('link', { name: new RegExp(`^${PORT}`) })
        .count(),
    ).toBe(0);

    // Registry editing on a phone: names and tickers in place, nothing wider than the screen.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/companies?tab=all&q=Harbourside');
    const registry = page.getByRole('list', { name: 'Registry companies' });
    await page.getByRole('button', { name: `Names and tickers of ${PORT}` }).click();
    const aliasForm = page.getByRole('form', { name: `Add a name for ${PORT}` });
    await aliasForm.getByLabel('New name').fill('Port of Harbourside');
    await aliasForm.getByRole('button', { name: 'Add name' }).click();
    await visible(
      registry.getByRole('list', { name: `Other names of ${PORT}` }).getByText('Port of Harbourside'),
    );
    const tickerForm = page.getByRole('form', { name: `Add a ticker for ${PORT}` });
    await tickerForm.getByLabel('Symbol').fill('hbpa');
    await tickerForm.getByRole('button', { name: 'Add ticker' }).click();
    await visible(page.getByRole('button', { name: 'Remove ticker HBPA' }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'companies-phone');
  });
});

/**
 * A company the analyzer would propose, named on the given articles. Created as the worker creates one,
 * then put on the articles by an admin's correction, so the article rows and series are the app's own.
 */
async function proposeCompany(name: string, articleIds: string[]): Promise<void> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const company = await suite.db.db.company.create({
    data: {
      slug,
      name,
      status: 'PROPOSED',
      aliases: { create: { alias: name, normalized: name.toLowerCase() } },
    },
  });
  const id = Buffer.from(`Company:${company.id}`).toString('base64');
  for (const articleId of articleIds) {
    const { article } = await suite.admin.query<{
      article: {
        reviewVersion: number;
        companies: { relevance: number; sentimentScore: number; company: { id: string } }[];
      };
    }>(
      'query A($id: ID!) { article(id: $id) { reviewVersion companies { relevance sentimentScore company { id } } } }',
      { id: articleId },
    );
    const companies = [
      ...article.companies.map((c) => ({
        companyId: c.company.id,
        relevance: c.relevance,
        sentimentScore: c.sentimentScore,
      })),
      { companyId: id, relevance: 0.4, sentimentScore: 0 },
    ];
    const result = await suite.admin.query<{ correctAnalysis: { __typename: string } }>(
      `mutation C($input: CorrectAnalysisInput!) { correctAnalysis(input: $input) { __typename } }`,
      { input: { articleId, expectedVersion: article.reviewVersion, companies } },
    );
    expect(result.correctAnalysis.__typename).toBe('ReviewSuccess');
  }
}

async function sourceIdOf(url: string): Promise<string> {
  await expect
    .poll(async () => {
      const data = await suite.admin.query<{ sources: { edges: { node: { id: string; url: string } }[] } }>(
        '{ sources(first: 100) { edges { node { id url } } } }',
      );
      return data.sources.edges.some((edge) => edge.node.url === url);
    })
    .toBe(true);
  const data = await suite.admin.query<{ sources: { edges: { node: { id: string; url: string } }[] } }>(
    '{ sources(first: 100) { edges { node { id url } } } }',
  );
  const found = data.sources.edges.find((edge) => edge.node.url === url);
  if (!found) throw new Error(`no source ${url}`);
  return found.node.id;
}

async function sourceTitles(sourceId: string): Promise<string[]> {
  const data = await suite.admin.query<{ articles: { edges: { node: { title: string } }[] } }>(
    'query S($ids: [ID!]) { articles(first: 20, filter: { sourceIds: $ids }) { edges { node { title } } } }',
    { ids: [sourceId] },
  );
  return data.articles.edges.map((edge) => edge.node.title);
}

interface ArticleDetail {
  id: string;
  url: string;
  analysis: {
    sentimentLabel: string;
    importance: number;
    summary: string;
    paragraphs: string[];
    takeaways: string[];
    analyzer: { name: string; version: string };
  };
  topics: { topic: { name: string } }[];
  companies: { company: { name: string } }[];
  related: { id: string }[];
}

/** The story once it is analysed and placed in its cluster, as the API reports it. */
async function waitForAnalysis(title: string): Promise<ArticleDetail> {
  let found: ArticleDetail | null = null;
  await expect
    .poll(
      async () => {
        const data = await suite.admin.query<{ articles: { edges: { node: ArticleDetail | null }[] } }>(
          `query Story($q: String!) {
            articles(first: 1, filter: { search: $q }) {
              edges { node {
                id url
                analysis { sentimentLabel importance summary paragraphs takeaways analyzer { name version } }
                topics { topic { name } }
                companies { company { name } }
                related(limit: 5) { id }
              } }
            }
          }`,
          { q: `"${title}"` },
        );
        found = data.articles.edges[0]?.node ?? null;
        return Boolean(found?.analysis);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  if (!found) throw new Error(`no article "${title}"`);
  return found;
}

function labelText(label: string): string {
  return label
    .split('_')
    .map((word) => word.charAt(0) + word.slice(1).toLowerCase())
    .join(' ');
}
