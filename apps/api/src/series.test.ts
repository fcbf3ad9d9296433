import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rebuildSentimentBuckets } from '@wirelens/db/repositories';

import { globalId, insertArticle, startTestApi, type TestApi } from './testing/harness.js';

let api: TestApi;

interface Row {
  publishedAt: Date;
  score: number;
  companyIds: number[];
  topicIds: number[];
}
const rows: Row[] = [];

beforeAll(async () => {
  api = await startTestApi();
  const companies = Object.values(api.ids.companies);
  const topics = ['ai', 'earnings', 'energy'];
  for (let i = 0; i < 60; i += 1) {
    const score = Math.round(Math.sin(i * 1.7) * 0.9 * 100) / 100;
    const publishedAt = new Date(Date.UTC(2026, 1, 1) + i * 7.3 * 3600_000);
    const companyIds = companies.filter((_, k) => (i + k) % 2 === 0);
    const topicSlugs = topics.filter((_, k) => (i * (k + 1)) % 3 !== 1);
    await insertArticle(api, {
      title: `Story ${i}`,
      publishedAt,
      analysis: {
        score,
        importance: 5,
        companies: companyIds.map((id) => ({ id })),
        topics: topicSlugs.map((slug) => ({ slug })),
      },
    });
    rows.push({
      publishedAt,
      score,
      companyIds,
      topicIds: topicSlugs.map((slug) => api.ids.topics[slug] as number),
    });
  }
});
afterAll(async () => {
  await api.close();
});

function truncate(date: Date, interval: 'HOUR' | 'DAY' | 'WEEK'): number {
  const d = new Date(date);
  d.setUTCMinutes(0, 0, 0);
  if (interval !== 'HOUR') d.setUTCHours(0);
  if (interval === 'WEEK') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.getTime();
}

function bruteForce(subject: (r: Row) => boolean, interval: 'HOUR' | 'DAY' | 'WEEK', from: Date, to: Date) {
  const buckets = new Map<
    number,
    { count: number; sum: number; bullish: number; neutral: number; bearish: number }
  >();
  for (const r of rows) {
    if (!subject(r) || r.publishedAt < new Date(truncate(from, interval)) || r.publishedAt >= to) continue;
    const key = truncate(r.publishedAt, interval);
    const b = buckets.get(key) ?? { count: 0, sum: 0, bullish: 0, neutral: 0, bearish: 0 };
    b.count += 1;
    b.sum += r.score;
    if (r.score >= 0.15) b.bullish += 1;
    else if (r.score <= -0.15) b.bearish += 1;
    else b.neutral += 1;
    buckets.set(key, b);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, b]) => ({
      start: new Date(start).toISOString(),
      meanScore: b.sum / b.count,
      count: b.count,
      bullish: b.bullish,
      neutral: b.neutral,
      bearish: b.bearish,
    }));
}

const SERIES = `query S($companyIds: [ID!], $topicIds: [ID!], $interval: SeriesInterval!, $from: DateTime, $to: DateTime) {
  sentimentSeries(companyIds: $companyIds, topicIds: $topicIds, interval: $interval, from: $from, to: $to) {
    subject subjectId company { slug } topic { slug } totalCount
    buckets { start meanScore count bullish neutral bearish }
  }
}`;

type Bucket = {
  start: string;
  meanScore: number;
  count: number;
  bullish: number;
  neutral: number;
  bearish: number;
};

function close(actual: Bucket[], expected: Bucket[]) {
  expect(actual.map(({ meanScore: _m, ...rest }) => rest)).toEqual(
    expected.map(({ meanScore: _m, ...rest }) => rest),
  );
  actual.forEach((b, i) => expect(b.meanScore).toBeCloseTo(expected[i]?.meanScore ?? NaN, 9));
}

describe('sentiment series', () => {
  it.each(['HOUR', 'DAY', 'WEEK'] as const)(
    '%s buckets equal a brute-force aggregation for companies and topics',
    async (interval) => {
      const from = new Date('2026-02-03T05:30:00Z');
      const to = new Date('2026-02-16T00:00:00Z');
      const nvidia = api.ids.companies.nvidia as number;
      const tesla = api.ids.companies.tesla as number;
      const energy = api.ids.topics.energy as number;
      const response = await api.gql<{
        sentimentSeries: {
          subject: string;
          company: { slug: string } | null;
          topic: { slug: string } | null;
          totalCount: number;
          buckets: Bucket[];
        }[];
      }>(
        SERIES,
        {
          companyIds: [globalId('Company', nvidia), globalId('Company', tesla)],
          topicIds: [globalId('Topic', energy)],
          interval,
          from,
          to,
        },
        { token: api.users.VIEWER.token },
      );
      expect(response.body.errors).toBeUndefined();
      const series = response.body.data?.sentimentSeries ?? [];
      expect(series.map((s) => s.company?.slug ?? s.topic?.slug)).toEqual(['nvidia', 'tesla', 'energy']);
      const expectations = [
        bruteForce((r) => r.companyIds.includes(nvidia), interval, from, to),
        bruteForce((r) => r.companyIds.includes(tesla), interval, from, to),
        bruteForce((r) => r.topicIds.includes(energy), interval, from, to),
      ];
      series.forEach((s, i) => {
        expect(s.buckets.length).toBeGreaterThan(0);
        close(s.buckets, expectations[i] ?? []);
      });
    },
  );

  it('incremental buckets equal a full rebuild', async () => {
    const incremental = await api.db.sentimentBucket.findMany({
      where: { count: { gt: 0 } },
      orderBy: [{ subject: 'asc' }, { subjectId: 'asc' }, { granularity: 'asc' }, { bucketStart: 'asc' }],
    });
    await rebuildSentimentBuckets({ db: api.db });
    const rebuilt = await api.db.sentimentBucket.findMany({
      orderBy: [{ subject: 'asc' }, { subjectId: 'asc' }, { granularity: 'asc' }, { bucketStart: 'asc' }],
    });
    expect(rebuilt.map(({ scoreSum: _s, ...b }) => b)).toEqual(
      incremental.map(({ scoreSum: _s, ...b }) => b),
    );
    rebuilt.forEach((b, i) => expect(b.scoreSum).toBeCloseTo(incremental[i]?.scoreSum ?? NaN, 9));
  });

  it('company and topic fields serve the same series', async () => {
    const response = await api.gql<{ company: { sentimentSeries: { buckets: Bucket[] } } }>(
      '{ company(slug: "apple") { sentimentSeries(interval: DAY, from: "2026-02-01T00:00:00Z", to: "2026-03-01T00:00:00Z") { buckets { start meanScore count bullish neutral bearish } } } }',
      {},
      { token: api.users.VIEWER.token },
    );
    const apple = api.ids.companies.apple as number;
    close(
      response.body.data?.company.sentimentSeries.buckets ?? [],
      bruteForce((r) => r.companyIds.includes(apple), 'DAY', new Date('2026-02-01'), new Date('2026-03-01')),
    );
  });

  it('ranks top movers by the change of mean score between windows', async () => {
    const asOf = new Date('2026-02-19T00:00:00Z');
    const response = await api.gql<{
      topMovers: { company: { slug: string }; change: number; currentCount: number; previousCount: number }[];
    }>(
      'query M($asOf: DateTime) { topMovers(window: WEEK, limit: 5, minArticles: 1, asOf: $asOf) { company { slug } change currentCount previousCount } }',
      { asOf },
      { token: api.users.VIEWER.token },
    );
    expect(response.body.errors).toBeUndefined();
    const mid = new Date(asOf.getTime() - 7 * 86400_000);
    const start = new Date(asOf.getTime() - 14 * 86400_000);
    const expected = Object.entries(api.ids.companies)
      .map(([slug, id]) => {
        const cur = rows.filter(
          (r) => r.companyIds.includes(id) && r.publishedAt >= mid && r.publishedAt < asOf,
        );
        const prev = rows.filter(
          (r) => r.companyIds.includes(id) && r.publishedAt >= start && r.publishedAt < mid,
        );
        const mean = (list: Row[]) => list.reduce((s, r) => s + r.score, 0) / list.length;
        return { slug, change: mean(cur) - mean(prev), currentCount: cur.length, previousCount: prev.length };
      })
      .filter((m) => m.currentCount > 0 && m.previousCount > 0)
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
    const movers = response.body.data?.topMovers ?? [];
    expect(movers.map((m) => m.company.slug)).toEqual(expected.map((m) => m.slug));
    movers.forEach((m, i) => expect(m.change).toBeCloseTo(expected[i]?.change ?? NaN, 9));
  });

  it('bounds the range', async () => {
    const response = await api.gql(
      SERIES,
      {
        companyIds: [globalId('Company', 1)],
        interval: 'HOUR',
        from: '2020-01-01T00:00:00Z',
        to: '2026-01-01T00:00:00Z',
      },
      { token: api.users.VIEWER.token },
    );
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});
