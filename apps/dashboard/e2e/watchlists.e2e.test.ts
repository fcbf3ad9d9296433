// Watchlists and alert rules in Debian's Chromium against the real app (`wirelens start`: API, built dashboard
// and worker) on a fresh, migrated and seeded database that has ingested and analysed the bundled demo feeds.
// Tests run in order: the rule the second test creates fires in the third.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { apiSession, type ApiSession } from './testing/api.js';
import { until } from './testing/app.js';
import { expectWhollyShown, screenshot, visible } from './testing/browser.js';
import { ADMIN, useSuite } from './testing/suite.js';

const ANALYST = { email: 'ana@example.com', password: 'ana-password-1', name: 'Ana Analyst' };

const suite = useSuite({ failureShots: 'watchlists-failed', users: [{ ...ANALYST, role: 'ANALYST' }] });
const { session } = suite;
let analyst: ApiSession;

beforeAll(async () => {
  analyst = await apiSession(suite.app.url, ANALYST.email, ANALYST.password);
});

/** Titles of the feed cards, in the order shown. */
function feedTitles(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Articles' }).getByRole('heading', { level: 3 }).allInnerTexts();
}

async function companyArticles(slug: string): Promise<{ total: number; titles: string[] }> {
  const data = await analyst.query<{
    company: { articles: { totalCount: number; edges: { node: { title: string } }[] } };
  }>(
    `query CompanyArticles($slug: String!) {
      company(slug: $slug) { articles(first: 100) { totalCount edges { node { title } } } }
    }`,
    { slug },
  );
  return {
    total: data.company.articles.totalCount,
    titles: data.company.articles.edges.map((edge) => edge.node.title),
  };
}

describe('Watchlists and alert rules in Chromium', () => {
  it('creates a watchlist with a company; the overview switched to it shows only its articles', async () => {
    const { page } = await session(ANALYST, '/watchlists');
    await visible(page.getByRole('heading', { name: 'Watchlists', level: 1 }));
    await page.getByLabel('New watchlist').fill('Chip makers');
    await page.getByRole('button', { name: 'Create watchlist' }).click();
    await visible(page.getByRole('heading', { name: 'Chip makers', level: 2 }));
    await page.getByLabel('Add a company to Chip makers').fill('Advanced Micro');
    await page.getByRole('button', { name: 'AMD (AMD)' }).click();
    await visible(page.getByRole('list', { name: 'Companies' }).getByRole('link', { name: 'AMD' }));
    await screenshot(page, 'watchlists');

    const amd = await companyArticles('amd');
    expect(amd.total).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Market overview', level: 1 }));
    await page.getByLabel('Coverage').selectOption({ label: 'My watchlist: Chip makers' });
    await expect.poll(() => new URL(page.url()).searchParams.get('watchlist')).toMatch(/.+/);
    await visible(page.getByRole('heading', { name: 'Companies on the watchlist' }));
    await visible(page.locator('.recharts-legend-item-text', { hasText: 'AMD' }));
    // The latest articles are AMD's and all of AMD's.
    const feed = page.locator('.overview__feed');
    await visible(
      feed.getByText(`${amd.total} ${amd.total === 1 ? 'article' : 'articles'}`, { exact: true }),
    );
    const shown = await feedTitles(page);
    expect(shown.length).toBe(Math.min(amd.total, 20));
    for (const title of shown) expect(amd.titles).toContain(title);
    await screenshot(page, 'overview-watchlist');

    // Back to all coverage: more than AMD's articles.
    await page.getByLabel('Coverage').selectOption({ label: 'All coverage' });
    await expect.poll(() => new URL(page.url()).searchParams.has('watchlist')).toBe(false);
    await expect
      .poll(async () => (await feedTitles(page)).some((title) => !amd.titles.includes(title)))
      .toBe(true);
  });

  it('creates an abnormal-attention alert rule on a company; the form shows what is wrong first', async () => {
    const { page } = await session(ANALYST, '/alerts');
    await visible(page.getByRole('heading', { name: 'Alert rules', level: 1 }));
    const form = page.getByRole('form', { name: 'Create an alert rule' });
    await form.getByLabel('Kind').selectOption({ label: 'Abnormal attention' });
    await form.getByLabel('k', { exact: true }).fill('0');
    await form.getByRole('button', { name: 'Create rule' }).click();
    await visible(form.getByRole('alert').filter({ hasText: 'Choose what the rule watches.' }));
    await visible(form.getByText('Give the rule a name.'));
    await visible(form.getByText('Enter a number above 0 to 1000.'));

    await form.getByLabel('Rule name').fill('NVIDIA in the news');
    await form.getByLabel('Watches').selectOption({ label: 'A company' });
    await form.getByLabel('Target company').fill('NVIDIA');
    await form.getByRole('button', { name: 'NVIDIA (NVDA)' }).click();
    await visible(form.getByText('Watching NVIDIA.'));
    await form.getByLabel(/^Window/).selectOption({ label: 'Week' });
    // A deliberately low k: any week with NVIDIA coverage crosses it, so the next test sees it fire.
    await form.getByLabel('k', { exact: true }).fill('0.01');
    await form.getByLabel('Baseline windows (2–90)').fill('2');
    await form.getByLabel('Minimum articles').fill('1');
    await form.getByRole('button', { name: 'Create rule' }).click();
    await visible(form.getByRole('status').filter({ hasText: 'Rule “NVIDIA in the news” created.' }));
    const card = page.getByRole('article', { name: 'NVIDIA in the news' });
    await visible(card.getByText(/^Abnormal attention on NVIDIA: 0\.01× baseline, per week/));
    await visible(card.getByText('Has not fired yet.'));
    await screenshot(page, 'alert-rules');

    const stored = await analyst.query<{
      alertRules: { name: string; kind: string; enabled: boolean; params: Record<string, unknown> }[];
    }>('{ alertRules { name kind enabled params } }');
    expect(stored.alertRules).toEqual([
      {
        name: 'NVIDIA in the news',
        kind: 'ATTENTION',
        enabled: true,
        params: { window: 'WEEK', mode: 'RATIO', k: 0.01, baselineWindows: 2, minArticles: 1 },
      },
    ]);
  });

  it("opens a notification's chart with the firing's window shaded", async () => {
    // An editor's correction of an NVIDIA article re-evaluates the rules on NVIDIA in the worker.
    const nvidia = await suite.admin.query<{
      company: { articles: { edges: { node: { id: string; reviewVersion: number; importance: number } }[] } };
    }>(
      `{ company(slug: "nvidia") { articles(first: 1) { edges { node { id reviewVersion importance } } } } }`,
    );
    const article = nvidia.company.articles.edges[0]?.node;
    if (!article) throw new Error('no NVIDIA article in the demo data');
    await suite.admin.query(
      `mutation C($input: CorrectAnalysisInput!) { correctAnalysis(input: $input) { __typename } }`,
      {
        input: {
          articleId: article.id,
          expectedVersion: article.reviewVersion,
          importance: article.importance === 10 ? 9 : article.importance + 1,
        },
      },
    );
    let firing: { windowStart: string; windowEnd: string } | undefined;
    await until(
      'the rule to fire',
      async () => {
        const data = await analyst.query<{
          notifications: { edges: { node: { firing: { windowStart: string; windowEnd: string } } }[] };
        }>('{ notifications(first: 5) { edges { node { firing { windowStart windowEnd } } } } }');
        firing = data.notifications.edges[0]?.node.firing;
        return firing !== undefined;
      },
      { timeoutMs: 60_000 },
    );
    if (!firing) throw new Error('no firing');

    const { page } = await session(ANALYST, '/notifications');
    await visible(page.getByRole('heading', { name: 'Notifications', level: 1 }));
    await page.getByRole('link', { name: 'NVIDIA', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'NVIDIA', level: 1 }));
    const url = new URL(page.url());
    expect(url.pathname).toBe('/companies/nvidia');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: firing.windowStart,
      to: firing.windowEnd,
      interval: 'week',
    });
    // The week bucket inside the window is shaded and marked in the chart's data table.
    await visible(page.locator('.trend .wl-chart__highlight'));
    expect(await page.locator('.trend .wl-chart__highlight').count()).toBe(1);
    expect(await page.locator('.trend tr[aria-current="true"]').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'notification-chart');

    // The rule shows when it fired and why.
    await page.goto('/alerts');
    const card = page.getByRole('article', { name: 'NVIDIA in the news' });
    await visible(card.getByText(/^Why: .*currentCount \d+/));
  });

  it('starts the empty compare page from the watchlist and shows the whole interval switch at 1440 px', async () => {
    const { page } = await session(ANALYST, '/compare');
    await page.setViewportSize({ width: 1440, height: 900 });
    await visible(page.getByText('Started from your watchlist “Chip makers”.'));
    expect(new URL(page.url()).searchParams.getAll('company')).toEqual(['amd']);
    await visible(page.locator('.recharts-legend-item-text', { hasText: 'AMD' }));
    await expectWhollyShown(page.getByRole('group', { name: 'Interval' }));
    await screenshot(page, 'compare-watchlist');
  });

  it('hides the Menu button at desktop width on every page of the navigation', async () => {
    const { page } = await session(ADMIN, '/');
    await page.setViewportSize({ width: 1440, height: 900 });
    const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    const paths = (await links.evaluateAll((items) => items.map((item) => item.getAttribute('href')))).filter(
      (href): href is string => href !== null && href !== '/graphiql',
    );
    expect(paths).toEqual(expect.arrayContaining(['/', '/feed', '/compare', '/watchlists', '/alerts']));
    for (const path of paths) {
      await page.goto(path);
      await visible(page.getByRole('heading', { level: 1 }).first());
      expect(await page.getByRole('button', { name: 'Menu' }).isVisible(), path).toBe(false);
      await visible(page.getByRole('navigation', { name: 'Main' }));
    }
  });
});
